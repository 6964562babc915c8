import Foundation

/// Writes to stdout/stderr without touching C's global `FILE*` streams (not concurrency-safe in Swift 6).
enum Console {
    static func out(_ text: String, terminator: String = "\n") { write(STDOUT_FILENO, text + terminator) }
    static func out(_ data: Data) { write(STDOUT_FILENO, String(decoding: data, as: UTF8.self)) }
    static func error(_ text: String) { write(STDERR_FILENO, text + "\n") }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

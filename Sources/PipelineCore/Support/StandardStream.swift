#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output or standard error with `write(2)`, whole, without C's global `FILE*` streams
/// (not concurrency-safe in Swift 6): the one writer for the console, logs and progress lines.
public enum StandardStream: Sendable {
    case output, error

    private var descriptor: Int32 {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls; gives up silently on a closed stream.
    public func write(_ bytes: some Collection<UInt8>) {
        var buffer = Array(bytes)
        buffer.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    public func write(_ text: String) { write(text.utf8) }

    /// Whether the stream is a terminal (progress lines only go to one).
    public var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// `write(2)`, named apart from ``StandardStream/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

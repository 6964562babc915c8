import Foundation
import PipelineCore
import Synchronization

/// A one-line progress display on stderr, only when stderr is a terminal (never in cron logs).
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let totalFiles: Int
    private let state = Mutex((files: 0, bytes: 0, lastDraw: 0.0))
    private let started = Date()

    init(enabled: Bool, totalFiles: Int) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.totalFiles = totalFiles
    }

    func fileDone(bytes: Int) {
        guard enabled else { return }
        let now = Date().timeIntervalSince(started)
        let line: String? = state.withLock { state in
            state.files += 1
            state.bytes += bytes
            guard now - state.lastDraw > 0.2 || state.files == totalFiles else { return nil }
            state.lastDraw = now
            return "\r\u{1B}[Kingest: \(state.files)/\(totalFiles) files, \(state.bytes / 1_000_000) MB, \(String(format: "%.1f", now)) s"
        }
        if let line { write(line) }
    }

    func finish() {
        if enabled { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) { StandardStream.error.write(text) }
}

import Foundation
public import PipelineCore

/// One run at a time: an exclusive `flock` on a lock file beside the database, holding who has it.
///
/// The kernel drops a `flock` when its process dies, so a lock left by a killed run is free again at
/// once; its file still names the dead holder, which ``acquire(databasePath:runID:)`` reports as taken
/// over. Readers (`status`, `validate`) never take the lock.
public final class RunLock {
    public let path: String
    private let descriptor: Int32

    /// Who holds (or last held) the lock.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32
        public var host: String
        public var startedAt: String
        public var runID: String

        var text: String { "pid=\(pid)\nhost=\(host)\nstarted=\(startedAt)\nrun=\(runID)\n" }

        init(pid: Int32, host: String, startedAt: String, runID: String) {
            self.pid = pid
            self.host = host
            self.startedAt = startedAt
            self.runID = runID
        }

        init?(text: String) {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
            }
            guard let pidText = fields["pid"], let pid = Int32(pidText) else { return nil }
            self.init(pid: pid, host: fields["host"] ?? "?", startedAt: fields["started"] ?? "?", runID: fields["run"] ?? "?")
        }

        public var description: String { "run \(runID), pid \(pid) on \(host), since \(startedAt)" }
    }

    /// The holder recorded before this process took the lock, when that process is gone (a stale lock).
    public private(set) var previousDeadHolder: Holder?

    /// Takes the lock or throws ``PipelineError`` `.locked` naming the holder.
    public init(databasePath: String, runID: String, access: FileAccess = .ownerOnly) throws {
        path = databasePath + ".lock"
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, access.fileMode)
        guard fd >= 0 else {
            throw PipelineError(.inputMissing, "cannot open the lock file: \(String(cString: strerror(errno)))", at: InputLocation(file: path))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            let holder = Self.read(fd)
            close(fd)
            guard failure == EWOULDBLOCK else {
                throw PipelineError(
                    .internal, "cannot lock the lock file: \(String(cString: strerror(failure)))", at: InputLocation(file: path),
                    hint: "the file system may not support flock (e.g. some network mounts); put the database on a local disk")
            }
            throw PipelineError(
                .locked, "another run holds the lock" + (holder.map { ": \($0.description)" } ?? ""),
                at: InputLocation(file: path), hint: "wait for it to finish; readers such as `status` work meanwhile")
        }
        descriptor = fd
        // It names the run's host and pid: as private as the database.
        try access.restrict(path)
        if let previous = Self.read(fd), previous.pid != getpid(), kill(previous.pid, 0) != 0 || previous.host != Self.hostName {
            previousDeadHolder = previous
        }
        let holder = Holder(pid: getpid(), host: Self.hostName, startedAt: Timestamp.iso8601(Date()), runID: runID)
        let bytes = Array(holder.text.utf8)
        guard ftruncate(fd, 0) == 0, pwrite(fd, bytes, bytes.count, 0) == bytes.count else {
            let failure = String(cString: strerror(errno))
            flock(fd, LOCK_UN)
            close(fd)
            throw PipelineError(
                .internal, "cannot record the lock holder: \(failure)", at: InputLocation(file: path),
                hint: "the disk may be full; free space and rerun")
        }
    }

    /// Releases the lock. Clearing the holder is best effort: a stale holder in the file is harmless
    /// (the next run sees its process gone), and the kernel drops the lock on close whatever happens.
    deinit {
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    private static func read(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Holder(text: String(decoding: buffer.prefix(count), as: UTF8.self))
    }

    static var hostName: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let status = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { gethostname($0.baseAddress!, $0.count - 1) }
        }
        guard status == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
}

@available(*, unavailable)
extension RunLock: Sendable {}

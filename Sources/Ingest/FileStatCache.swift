import Checkpoints
import Foundation
import PipelineCore

/// SHA-256 of input and reference files, read only when their metadata cannot vouch for the hash recorded
/// last time (docs/ARCHITECTURE.md, "Skipping unchanged inputs"): a run with nothing changed stats its
/// inputs instead of reading them, as git's index does.
struct FileStatCache: Sendable {
    /// The entries recorded by earlier runs, by absolute path.
    var entries: [String: InputFileStat]
    /// Hash every file whatever its metadata says (`--verify`).
    var verify = false
    /// The wall clock in nanoseconds (a parameter so tests can age the entries).
    var now: @Sendable () -> Int64 = { FileStat.nowNanoseconds() }

    /// What hashing found: one hash per file, and an entry to record for each file that was read.
    struct Hashes: Sendable {
        var sha256: [String]
        /// The files read this time (the others were vouched for by their metadata).
        var read: [InputFileStat]
        var filesRead: Int
    }

    /// Hashes of `files` (absolute path, path for messages), in the same order, on `workers` threads.
    /// - Throws: ``PipelineError`` `.inputMissing` naming a file that cannot be read.
    func hashes(_ files: [(path: String, display: String)], workers: Int) throws -> Hashes {
        let results = try ParallelWork.map(count: files.count, workers: workers) { index -> (sha256: String, read: Bool, entry: InputFileStat?) in
            let file = files[index]
            let stat = FileStat.of(path: file.path)
            if !verify, let stat, let entry = entries[file.path], entry.vouches(for: stat) {
                return (entry.sha256, false, nil)
            }
            let recorded = now()
            let sha256 = try FileDigest.sha256(path: file.path, display: file.display)
            return (sha256, true, stat.map { InputFileStat(path: file.path, stat: $0, sha256: sha256, recordedNanoseconds: recorded) })
        }
        return Hashes(sha256: results.map(\.sha256), read: results.compactMap(\.entry), filesRead: results.filter(\.read).count)
    }
}

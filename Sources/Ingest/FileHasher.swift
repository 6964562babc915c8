import Foundation
import PipelineCore

/// SHA-256 of whole files, several files at once.
enum FileHasher {
    /// Hashes of `files` (absolute path, path for messages), in the same order.
    static func sha256(_ files: [(path: String, display: String)], workers: Int) throws -> [String] {
        try ParallelWork.map(count: files.count, workers: workers) { index in
            try FileDigest.sha256(path: files[index].path, display: files[index].display)
        }
    }
}

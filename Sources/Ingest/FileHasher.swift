import Foundation
import PipelineCore

/// SHA-256 of whole files, streamed in 1 MiB chunks, several files at once.
enum FileHasher {
    /// Hashes of `files` (absolute path, path for messages), in the same order.
    static func sha256(_ files: [(path: String, display: String)], workers: Int) throws -> [String] {
        try ParallelWork.map(count: files.count, workers: workers) { index in
            try hash(files[index].path, display: files[index].display)
        }
    }

    static func hash(_ path: String, display: String) throws -> String {
        guard let file = fopen(path, "rb") else {
            throw PipelineError(.inputMissing, "cannot open file: \(String(cString: strerror(errno)))", at: InputLocation(file: display))
        }
        defer { fclose(file) }
        var hasher = StreamingSHA256()
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = fread(buffer, 1, size, file)
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        if ferror(file) != 0 {
            throw PipelineError(.inputMissing, "read error", at: InputLocation(file: display))
        }
        return hasher.finalize()
    }
}

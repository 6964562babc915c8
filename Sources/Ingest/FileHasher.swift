import Foundation
import PipelineCore
import Synchronization

/// SHA-256 of whole files, streamed in 1 MiB chunks, several files at once.
enum FileHasher {
    /// Hashes of `files` (absolute path, path for messages), in the same order.
    static func sha256(_ files: [(path: String, display: String)], workers: Int) throws -> [String] {
        let results = Mutex([Result<String, PipelineError>?](repeating: nil, count: files.count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, files.count))) { _ in
            while true {
                let index: Int? = next.withLock { value in
                    guard value < files.count else { return nil }
                    defer { value += 1 }
                    return value
                }
                guard let index else { return }
                let outcome = Result { try hash(files[index].path, display: files[index].display) }
                    .mapError { $0 as? PipelineError ?? PipelineError(.internal, "\($0)") }
                results.withLock { $0[index] = outcome }
            }
        }
        return try results.withLock { slots in try slots.map { try $0!.get() } }
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

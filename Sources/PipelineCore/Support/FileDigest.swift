import Foundation

/// SHA-256 of a whole file, streamed in 1 MiB chunks (input files for fingerprints, published files for
/// the manifest).
public enum FileDigest {
    /// - Parameter display: the path as messages show it.
    /// - Throws: ``PipelineError`` `.inputMissing` if the file cannot be opened or read.
    public static func sha256(path: String, display: String) throws -> String {
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

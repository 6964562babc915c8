import Foundation
import PipelineCore

/// A published file written as it is produced: bytes go straight to disk, counted and hashed on the way,
/// so no format holds a whole file in memory (docs/ARCHITECTURE.md, "Report memory").
final class OutputFile {
    let relativePath: String
    private let folder: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var hasher = StreamingSHA256()
    private var bytes = 0

    /// Creates `relativePath` under `folder` (and its parent folders).
    init(_ relativePath: String, in folder: String) throws {
        self.relativePath = relativePath
        self.folder = folder
        let path = (folder as NSString).appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw Publisher.notWritable(folder, error)
        }
        guard let handle = fopen(path, "wb") else { throw Self.failure(folder, path: path) }
        self.handle = handle
    }

    deinit {
        if let handle { fclose(handle) }
    }

    func write(_ data: some Collection<UInt8>) throws {
        guard let handle else { return }
        let written = data.withContiguousStorageIfAvailable { buffer -> Int in
            hasher.update(UnsafeRawBufferPointer(buffer))
            return fwrite(buffer.baseAddress, 1, buffer.count, handle)
        }
        guard let written else { return try write(Array(data)) }
        bytes += written
        guard written == data.count else { throw Self.failure(folder, path: relativePath) }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Flushes and closes the file; returns what the manifest records of it.
    func close() throws -> ReportExporter.WrittenFile {
        guard let handle else { throw PipelineError(.internal, "\(relativePath) closed twice") }
        self.handle = nil
        guard fclose(handle) == 0 else { throw Self.failure(folder, path: relativePath) }
        return ReportExporter.WrittenFile(path: relativePath, bytes: bytes, sha256: hasher.finalize())
    }

    private static func failure(_ folder: String, path: String) -> PipelineError {
        Publisher.notWritable(folder, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
    }
}

import Foundation
package import PipelineCore
import Publication

/// A published file written as it is produced: bytes go straight to disk, counted and hashed on the way,
/// so no format holds a whole file in memory (docs/ARCHITECTURE.md, "Report memory").
package final class OutputFile {
    package let relativePath: String
    private let folder: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var hasher = StreamingSHA256()
    private var bytes = 0

    /// Creates `relativePath` under `folder` (and its parent folders).
    package init(_ relativePath: String, in folder: String) throws {
        self.relativePath = relativePath
        self.folder = folder
        let path = (folder as NSString).appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.outputNotWritable(folder, error)
        }
        guard let handle = fopen(path, "wb") else { throw Self.failure(folder, path: path) }
        self.handle = handle
    }

    deinit {
        if let handle { fclose(handle) }
    }

    package func write(_ data: some Collection<UInt8>) throws {
        guard let handle else { return }
        let written = data.withContiguousStorageIfAvailable { buffer -> Int in
            hasher.update(UnsafeRawBufferPointer(buffer))
            return fwrite(buffer.baseAddress, 1, buffer.count, handle)
        }
        guard let written else { return try write(Array(data)) }
        bytes += written
        guard written == data.count else { throw Self.failure(folder, path: relativePath) }
    }

    package func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Flushes and closes the file; returns what the manifest records of it.
    package func close() throws -> WrittenFile {
        guard let handle else { throw PipelineError(.internal, "\(relativePath) closed twice") }
        self.handle = nil
        guard fclose(handle) == 0 else { throw Self.failure(folder, path: relativePath) }
        return WrittenFile(path: relativePath, bytes: bytes, sha256: hasher.finalize())
    }

    private static func failure(_ folder: String, path: String) -> PipelineError {
        PipelineError.outputNotWritable(folder, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
    }
}

extension PipelineError {
    /// The output folder cannot be written: what every format and the publisher say.
    package static func outputNotWritable(_ folder: String, _ error: any Error) -> PipelineError {
        PipelineError(
            .inputMissing, "cannot write to the output folder: \((error as NSError).localizedDescription)",
            at: InputLocation(file: folder),
            hint:
                "check 'outputDirectory' in pipeline.json, that the folder exists or can be created, and its permissions; the previous publication and all checkpoints are unchanged"
        )
    }
}

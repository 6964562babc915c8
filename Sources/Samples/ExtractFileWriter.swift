import Foundation
import PipelineCore

/// Writes `extracts/<ICB>/<dataset>.csv` files.
struct ExtractFileWriter: Sendable {
    let root: String

    func write(_ bytes: [UInt8], icb: String, dataset: String) throws {
        try write(bytes, relativePath: "extracts/\(icb)/\(dataset).csv")
    }

    func write(_ bytes: [UInt8], relativePath: String) throws {
        let path = (root as NSString).appendingPathComponent(relativePath)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PipelineError(.inputMissing, "cannot write sample file: \(error.localizedDescription)", at: InputLocation(file: path))
        }
    }
}

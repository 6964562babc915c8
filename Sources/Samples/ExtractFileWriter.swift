import Foundation
import PipelineCore

/// Writes `extracts/<ICB>/<dataset>.csv` files.
struct ExtractFileWriter: Sendable {
    let root: String

    func write(_ bytes: [UInt8], icb: String, dataset: String) throws {
        let folder = (root as NSString).appendingPathComponent("extracts/\(icb)")
        let path = (folder as NSString).appendingPathComponent("\(dataset).csv")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PipelineError(.inputMissing, "cannot write sample file: \(error.localizedDescription)", at: InputLocation(file: path))
        }
    }
}

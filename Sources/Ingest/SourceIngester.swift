import Foundation
import PipelineCore

/// Everything ingest learned from one source's files.
final class SourceResult {
    struct FileStats {
        var file: DiscoveredFile
        var deliveredIcb: String?
        var sha256: String
        var rowsRead: Int
        var rowsLoaded: Int
        var rowsQuarantined: Int
        var suppressed: Int
        var quarantine: [QuarantineEntry]
    }

    let source: SourceConfig
    let totals: SourceTotals
    var files: [FileStats] = []
    let rawRows: RawRowSink?

    init(source: SourceConfig, totals: SourceTotals, rawRows: RawRowSink?) {
        self.source = source
        self.totals = totals
        self.rawRows = rawRows
    }

    var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    var rowsLoaded: Int { files.reduce(0) { $0 + $1.rowsLoaded } }
    var rowsQuarantined: Int { files.reduce(0) { $0 + $1.rowsQuarantined } }
}

/// Streams all files of one source into its totals.
struct SourceIngester {
    let reference: ReferenceTables
    let keepRows: Bool
    let onFileDone: @Sendable (Int) -> Void

    func ingest(_ source: SourceConfig, files: [DiscoveredFile]) throws -> SourceResult {
        let keyUnits = source.grain == .lsoa ? reference.lsoas.count : reference.icbs.count * 10
        let totals = SourceTotals(subIcbCount: reference.subIcbCodes.count, icbCount: reference.icbs.count, keyUnits: keyUnits)
        let result = SourceResult(source: source, totals: totals, rawRows: keepRows ? RawRowSink() : nil)
        let reader = CSVReader(dialect: source.dialect)
        for file in files {
            let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
            let parser = ExtractParser(source: source, file: file.displayPath, reference: reference, totals: totals,
                                       deliveredIcb: delivered, rawRows: result.rawRows)
            let summary = try reader.read(path: file.path, displayPath: file.displayPath, into: parser)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: file.displayPath, line: 1))
            }
            result.files.append(SourceResult.FileStats(
                file: file, deliveredIcb: delivered.map { reference.icbs[$0].odsCode } ?? file.icbFolder,
                sha256: summary.sha256, rowsRead: parser.rowsRead, rowsLoaded: parser.rowsLoaded,
                rowsQuarantined: parser.quarantinedCount, suppressed: parser.rowsSuppressed, quarantine: parser.quarantined))
            onFileDone(summary.bytes)
        }
        return result
    }
}

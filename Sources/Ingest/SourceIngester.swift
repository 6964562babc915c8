import Foundation
import PipelineCore

/// Streams all files of one source into its totals.
struct SourceIngester {
    let reference: ReferenceTables
    let keepRows: Bool
    /// The current month and the periods allowed (the `periods` window up to it).
    let current: Period
    let periodBounds: ClosedRange<Int>
    let maximumPeriods: Int
    let onFileDone: @Sendable (Int) -> Void

    func ingest(_ source: SourceConfig, files: [DiscoveredFile]) throws -> SourceResult {
        let keyUnits = source.grain == .lsoa ? reference.lsoas.count : reference.icbs.count * 10
        let totals = SourceTotals(
            subIcbCount: reference.subIcbCodes.count, icbCount: reference.icbs.count, keyUnits: keyUnits, maximumPeriods: maximumPeriods)
        let result = SourceResult(source: source, totals: totals, rawRows: keepRows ? RawRowSink() : nil)
        // SOC_PIPELINE_CSV_FAST_PATH=0 reads every byte through libcsv (the reference), for A/B measurement.
        let reader = CSVReader(dialect: source.dialect, fastPath: ProcessInfo.processInfo.environment["SOC_PIPELINE_CSV_FAST_PATH"] != "0")
        for file in files {
            let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
            let parser = ExtractParser(
                source: source, file: file.displayPath, reference: reference, totals: totals,
                deliveredIcb: delivered, rawRows: result.rawRows, periodBounds: periodBounds, currentOrdinal: current.ordinal)
            let summary = try reader.read(path: file.path, displayPath: file.displayPath, into: parser)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: file.displayPath, line: 1))
            }
            result.files.append(
                SourceResult.FileStats(
                    file: file, deliveredIcb: delivered.map { reference.icbs[$0].odsCode } ?? file.icbFolder,
                    sha256: summary.sha256, rowsRead: parser.rowsRead, rowsLoaded: parser.rowsLoaded,
                    rowsQuarantined: parser.quarantinedCount, suppressed: parser.rowsSuppressed, quarantine: parser.quarantined))
            onFileDone(summary.bytes)
        }
        return result
    }
}

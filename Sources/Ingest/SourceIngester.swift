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
    /// Files at least this large are read in windows, each parsed in `chunks` pieces on as many threads
    /// while cores are idle (``ChunkedFileParser``).
    let chunkedFromBytes: Int
    let chunks: Int
    /// Whether a core is idle now, so chunking a large file would use it (other sources would otherwise).
    let coresIdle: @Sendable () -> Bool
    /// Bytes per window of a chunked file.
    let chunkWindow: Int
    let onFileDone: @Sendable (Int) -> Void

    func ingest(_ source: SourceConfig, files: [DiscoveredFile]) throws -> SourceResult {
        let keyUnits = reference.keyUnits(for: source)
        let totals = SourceTotals(
            subIcbCount: reference.subIcbCodes.count, icbCount: reference.icbs.count, keyUnits: keyUnits, maximumPeriods: maximumPeriods)
        let result = SourceResult(source: source, totals: totals, rawRows: keepRows ? RawRowSink() : nil)
        // SOC_PIPELINE_CSV_FAST_PATH=0 reads every byte through libcsv (the reference), for A/B measurement.
        let fastPath = ProcessInfo.processInfo.environment["SOC_PIPELINE_CSV_FAST_PATH"] != "0"
        let reader = CSVReader(dialect: source.dialect, fastPath: fastPath)
        var chunked = ChunkedFileParser(
            source: source, reference: reference, dialect: source.dialect, chunks: chunks, periodBounds: periodBounds,
            currentOrdinal: current.ordinal, maximumPeriods: maximumPeriods)
        chunked.window = chunkWindow
        for file in files {
            let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
            // Raw rows are kept in file order, so a file whose rows are kept is read in one piece.
            if fastPath, !keepRows, chunks > 1, file.size >= chunkedFromBytes, source.grain.profile.parsesInChunks,
                let stats = chunked.parse(file, deliveredIcb: delivered, into: totals, coresIdle: coresIdle)
            {
                try Self.checkDateOrder(stats, source: source)
                result.files.append(stats)
                onFileDone(file.size)
                continue
            }
            let parser = ExtractParser(
                source: source, file: file.displayPath, reference: reference, totals: totals,
                deliveredIcb: delivered, rawRows: result.rawRows, periodBounds: periodBounds, currentOrdinal: current.ordinal,
                attributed: result.attributed)
            let summary = try reader.read(path: file.path, displayPath: file.displayPath, into: parser)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: file.displayPath, line: 1))
            }
            result.files.append(
                SourceResult.FileStats(
                    file: file, deliveredIcb: delivered.map { reference.icbs[$0].odsCode } ?? file.icbFolder,
                    sha256: summary.sha256, rowsRead: parser.rowsRead, rowsLoaded: parser.rowsLoaded,
                    rowsQuarantined: parser.quarantinedCount, suppressed: parser.rowsSuppressed, quarantine: parser.quarantined,
                    rowsFiltered: parser.rowsFiltered, byReason: parser.quarantinedByReason, firstByReason: parser.firstByReason,
                    slashDates: parser.slashDates, periodColumn: parser.periodColumnNumber))
            try Self.checkDateOrder(result.files[result.files.count - 1], source: source)
            onFileDone(summary.bytes)
        }
        return result
    }

    /// Refuses a file whose slash dates look month first while the source declares no order.
    static func checkDateOrder(_ stats: SourceResult.FileStats, source: SourceConfig) throws {
        guard source.dateOrder == nil, stats.slashDates.looksMonthFirst else { return }
        throw stats.slashDates.error(source: source.name, file: stats.file.displayPath, column: stats.periodColumn ?? 0)
    }
}

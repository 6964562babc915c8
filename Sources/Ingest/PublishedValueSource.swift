import Checkpoints
import Foundation
import PipelineCore

/// Everything ingest learned from one source of values published without counts (`kind: value`; docs/DATA.md,
/// "Values without counts"): its files, their values and the periods they hold.
struct PublishedValueSource {
    let source: SourceConfig
    var files: [SourceResult.FileStats] = []
    var values: [PublishedValue] = []

    /// The periods with a value, in order.
    var periods: [Period] { Set(values.map(\.period)).compactMap { Period(label: $0) }.sorted() }
    var rowsLoaded: Int { values.count }
    var rowsQuarantined: Int { files.reduce(0) { $0 + $1.rowsQuarantined } }

    /// Reads every file of the source. Values are few (one per ICB and period), so every file is read on every
    /// run the stage runs; the same place and period in two files is refused, as within one file it is
    /// quarantined.
    static func read(
        _ source: SourceConfig, files: [DiscoveredFile], reference: ReferenceTables, periodBounds: ClosedRange<Int>, currentOrdinal: Int
    ) throws -> PublishedValueSource {
        var result = PublishedValueSource(source: source)
        var firstRead: [String: (file: String, line: Int)] = [:]
        for file in files {
            let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
            let parser = PublishedValueParser(
                source: source, file: file.displayPath, reference: reference, periodBounds: periodBounds, currentOrdinal: currentOrdinal,
                deliveredIcb: delivered)
            let summary = try CSVReader(dialect: source.dialect).read(path: file.path, displayPath: file.displayPath, into: parser)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: file.displayPath, line: 1))
            }
            var stats = SourceResult.FileStats(
                file: file, deliveredIcb: delivered.map { reference.icbs[$0].odsCode } ?? file.icbFolder, sha256: summary.sha256,
                rowsRead: parser.rowsRead, rowsLoaded: parser.values.count, rowsQuarantined: parser.quarantinedByReason.values.reduce(0, +),
                suppressed: parser.rowsSuppressed, quarantine: parser.quarantined)
            stats.rowsFiltered = parser.rowsFiltered
            stats.byReason = parser.quarantinedByReason
            stats.firstByReason = parser.firstByReason
            stats.slashDates = parser.slashDates
            stats.periodColumn = parser.periodColumnNumber
            if source.dateOrder == nil, stats.slashDates.looksMonthFirst {
                throw stats.slashDates.error(source: source.name, file: file.displayPath, column: parser.periodColumnNumber)
            }
            for value in parser.values {
                let key = "\(value.level.rawValue)|\(value.code)|\(value.decile)|\(value.period)"
                if let first = firstRead[key] {
                    throw PipelineError(
                        .dataQuality,
                        "source '\(source.name)': \(value.level == .england ? "England" : "ICB \(value.code)")\(value.decile > 0 ? " decile \(value.decile)" : "") has a value for \(value.period) in two files (first at \(first.file) line \(first.line))",
                        at: InputLocation(file: file.displayPath, line: value.line),
                        hint: "a value published without counts cannot be added to another: keep one file per period, or narrow the files glob")
                }
                firstRead[key] = (file.displayPath, value.line)
            }
            result.values += parser.values
            result.files.append(stats)
        }
        if let first = result.periods.first, let other = result.periods.first(where: { $0.kind != first.kind }) {
            throw PipelineError(
                .dataQuality,
                "source '\(source.name)': its files hold periods of two kinds (\(first.label) and \(other.label)): trends join periods of one kind",
                at: InputLocation(file: source.files), hint: "narrow the files glob, or a 'where' filter, to one kind of period")
        }
        return result
    }
}

import Foundation
public import PipelineCore

/// `validate`'s look at the data: the first rows of every extract run through the very parser ingest
/// uses, so a wrong period or code format, rows of another ICS in a delivered folder, or counts out of
/// range are reported before a run — by file, line, column and reason, never by value; dates that look
/// month first without a declared order are refused as a run would refuse them.
public enum RowSampler {
    /// Rows kept (past the source's `where` filter) per file.
    public static let rowsPerFile = 200

    /// What the sample of one source found.
    public struct Finding: Sendable {
        public var file: String
        public var rowsRead: Int
        /// Rows the source's `where` filter left out (read past them to find kept rows).
        public var rowsFiltered: Int
        public var quarantined: [QuarantineEntry]
        /// Quarantined rows by reason.
        public var byReason: [QuarantineReason: Int]
        /// Whether the sample is the whole file (it has no more kept rows than the sample takes).
        public var wholeFile: Bool

        /// Rows the filter kept.
        public var rowsKept: Int { rowsRead - rowsFiltered }
    }

    public static func sample(_ config: PipelineConfig) throws -> [(source: SourceConfig, findings: [Finding])] {
        let reference = try ReferenceLoader.load(config)
        let current = Period.current(environment: ProcessInfo.processInfo.environment)
        var result: [(SourceConfig, [Finding])] = []
        for source in config.extractSources {
            var findings: [Finding] = []
            for file in try FileDiscovery.files(for: source, config: config) {
                let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
                let bounds = config.periods.bounds(current: current)
                // Values published without counts have their own parser, as in a run (docs/DATA.md, "Values without counts").
                if source.kind == .value {
                    let parser = PublishedValueParser(
                        source: source, file: file.displayPath, reference: reference, periodBounds: bounds, currentOrdinal: current.ordinal,
                        deliveredIcb: delivered)
                    let wholeFile = try read(file, source: source, into: Limited(parser, kept: { parser.rowsRead - parser.rowsFiltered }))
                    try findings.append(
                        finding(
                            file, source: source, wholeFile: wholeFile, slashDates: parser.slashDates, periodColumn: parser.periodColumnNumber,
                            counts: (parser.rowsRead, parser.rowsFiltered, parser.quarantined, parser.quarantinedByReason)))
                    continue
                }
                let totals = SourceTotals(for: source, reference: reference, maximumPeriods: config.ingest.maxPeriods)
                let parser = ExtractParser(
                    source: source, file: file.displayPath, reference: reference, totals: totals, deliveredIcb: delivered, rawRows: nil,
                    periodBounds: bounds, currentOrdinal: current.ordinal, populationYear: file.year)
                let wholeFile = try read(file, source: source, into: Limited(parser, kept: { parser.rowsRead - parser.rowsFiltered }))
                try findings.append(
                    finding(
                        file, source: source, wholeFile: wholeFile, slashDates: parser.slashDates, periodColumn: parser.periodColumnNumber,
                        counts: (parser.rowsRead, parser.rowsFiltered, parser.quarantined, parser.quarantinedByReason)))
            }
            result.append((source, findings))
        }
        return result
    }

    /// What a file's sample found; dates that look month first without a declared order are refused, as a run
    /// refuses them.
    private static func finding(
        _ file: DiscoveredFile, source: SourceConfig, wholeFile: Bool, slashDates: SlashDateEvidence, periodColumn: Int,
        counts: (read: Int, filtered: Int, quarantined: [QuarantineEntry], byReason: [QuarantineReason: Int])
    ) throws -> Finding {
        if source.dateOrder == nil, slashDates.looksMonthFirst {
            throw slashDates.error(source: source.name, file: file.displayPath, column: periodColumn)
        }
        return Finding(
            file: file.displayPath, rowsRead: counts.read, rowsFiltered: counts.filtered, quarantined: counts.quarantined,
            byReason: counts.byReason, wholeFile: wholeFile)
    }

    /// Reads `file` into `limited` until it has its sample; whether the sample is the whole file.
    private static func read(_ file: DiscoveredFile, source: SourceConfig, into limited: Limited) throws -> Bool {
        do {
            _ = try CSVReader(dialect: source.dialect, chunkSize: 64 * 1024).read(path: file.path, displayPath: file.displayPath, into: limited)
            return true
        } catch is Limited.Enough {
            return false
        }
    }

    /// Forwards the header and rows to the parser until it has kept ``rowsPerFile`` (rows the `where` filter
    /// leaves out do not count: a sample of only those would check nothing), then stops the reader.
    private final class Limited: CSVRecordHandler {
        struct Enough: Error {}
        let parser: any CSVRecordHandler
        /// The rows the parser has kept so far.
        let kept: () -> Int
        init(_ parser: any CSVRecordHandler, kept: @escaping () -> Int) {
            self.parser = parser
            self.kept = kept
        }
        func handle(_ record: CSVRecord) throws {
            guard kept() < RowSampler.rowsPerFile else { throw Enough() }
            try parser.handle(record)
        }
    }
}

import Foundation
public import PipelineCore

/// `validate`'s look at the data: the first rows of every extract run through the very parser ingest
/// uses, so a wrong period or code format, rows of another ICS in a delivered folder, or counts out of
/// range are reported before a run — by file, line, column and reason, never by value.
public enum RowSampler {
    /// Rows read per file.
    public static let rowsPerFile = 200

    /// What the sample of one source found.
    public struct Finding: Sendable {
        public var file: String
        public var rowsRead: Int
        public var quarantined: [QuarantineEntry]
    }

    public static func sample(_ config: PipelineConfig) throws -> [(source: SourceConfig, findings: [Finding])] {
        let reference = try ReferenceLoader.load(config)
        let current = Period.current(environment: ProcessInfo.processInfo.environment)
        var result: [(SourceConfig, [Finding])] = []
        for source in config.extractSources {
            let keyUnits = reference.keyUnits(for: source)
            var findings: [Finding] = []
            for file in try FileDiscovery.files(for: source, config: config) {
                let totals = SourceTotals(
                    subIcbCount: reference.subIcbCodes.count, icbCount: reference.icbs.count, keyUnits: keyUnits,
                    maximumPeriods: config.ingest.maxPeriods)
                let parser = ExtractParser(
                    source: source, file: file.displayPath, reference: reference, totals: totals,
                    deliveredIcb: file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }, rawRows: nil,
                    periodBounds: config.periods.bounds(current: current), currentOrdinal: current.ordinal)
                let limited = Limited(parser: parser, rows: rowsPerFile)
                do {
                    _ = try CSVReader(dialect: source.dialect, chunkSize: 64 * 1024).read(path: file.path, displayPath: file.displayPath, into: limited)
                } catch is Limited.Enough {}
                findings.append(Finding(file: file.displayPath, rowsRead: parser.rowsRead, quarantined: parser.quarantined))
            }
            result.append((source, findings))
        }
        return result
    }

    /// Forwards the header and the first rows to the parser, then stops the reader.
    private final class Limited: CSVRecordHandler {
        struct Enough: Error {}
        let parser: ExtractParser
        let rows: Int
        var seen = 0
        init(parser: ExtractParser, rows: Int) {
            self.parser = parser
            self.rows = rows
        }
        func handle(_ record: CSVRecord) throws {
            guard seen <= rows else { throw Enough() }
            seen += 1
            try parser.handle(record)
        }
    }
}

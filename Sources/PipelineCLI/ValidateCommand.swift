import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore

/// `soc-pipeline validate`: checks the config, every file's header and the first rows of each extract;
/// writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline.json, the reference files, every input file's header and the first rows of each extract (writes nothing).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig()
        Console.out("config \(global.config): ok (\(config.sources.count) sources, \(config.indicators.count) indicators)")
        let weakenings = config.report.disclosure.weakenings
        if !weakenings.isEmpty {
            Console.error("warning: disclosure control is weaker than the NHS Digital default (\(weakenings.joined(separator: "; "))); published as 'custom'")
        }
        let report = try HeaderValidator.validate(config)
        for line in report { Console.out(line) }
        try checkAgainstReference(config)
        try checkAgainstCheckpoint(config)
        try sampleRows(config)
        Console.out("valid")
    }

    /// The first kept rows of every extract through ingest's own parser: problems by reason (most frequent
    /// first) and place; a source whose `where` filter keeps none of its rows is an error.
    private func sampleRows(_ config: PipelineConfig) throws {
        var failing: [String] = []
        for (source, findings) in try RowSampler.sample(config) {
            let read = findings.reduce(0) { $0 + $1.rowsRead }, kept = findings.reduce(0) { $0 + $1.rowsKept }
            let bad = findings.reduce(0) { $0 + $1.byReason.values.reduce(0, +) }
            let filtered = read - kept
            Console.out(
                "source \(source.name): first \(RowSampler.rowsPerFile) kept rows of each file: \(kept) checked\(filtered > 0 ? " (\(filtered) more left out by its 'where' filter)" : ""), \(bad) would be quarantined"
            )
            var counts: [QuarantineReason: Int] = [:]
            for finding in findings { counts.merge(finding.byReason, uniquingKeysWith: +) }
            for (reason, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }) {
                let first = findings.lazy.compactMap { finding in finding.quarantined.first { $0.reason == reason }.map { (finding.file, $0) } }.first
                Console.error("warning: " + reason.summary(count: count, first: first.map { InputLocation(file: $0.0, line: $0.1.line, column: $0.1.column) }))
            }
            if read > 0 && kept == 0 {
                throw PipelineError(
                    .dataQuality, "source '\(source.name)': none of the \(read) rows read passes its 'where' filter \(source.rowFilter)",
                    at: InputLocation(file: global.config), hint: "check the filter's column and values against the file (values are compared as text)")
            }
            let threshold = source.rejectThreshold ?? config.ingest.rejectThreshold
            if kept > 0, Double(bad) / Double(kept) > threshold {
                // Certain only where the sample is every row: a file's first rows may be worse than the rest.
                if findings.allSatisfy(\.wholeFile) {
                    failing.append(source.name)
                } else {
                    Console.error(
                        "warning: source \(source.name): \(bad) of the \(kept) rows sampled would be quarantined, above its reject threshold of \(Int((threshold * 100).rounded()))%; a run judges every row, and fails unless the rest of the file is cleaner than its first rows"
                    )
                }
            }
        }
        guard failing.isEmpty else {
            throw PipelineError(
                .dataQuality, "the sampled rows of \(failing.joined(separator: ", ")) would exceed the reject threshold",
                at: InputLocation(file: global.config),
                hint: "fix the rows named above (the reason says how); the sample was every row, so a run would fail the same way")
        }
    }

    /// `report.focusIcs` must name an ICB of the reference (the report would otherwise chart another).
    private func checkAgainstReference(_ config: PipelineConfig) throws {
        guard let focus = config.report.focusIcs else { return }
        let codes = try ReferenceLoader.load(config).icbs.map(\.odsCode)
        guard codes.contains(focus) else {
            throw PipelineError(
                .usage, "report.focusIcs: \(focus) is not an ICB of the reference", at: InputLocation(file: global.config),
                hint: ClosestMatch.best(for: focus, among: codes).map { "did you mean \($0)?" } ?? "use an ICB's ODS code")
        }
    }

    /// `aggregate.baselinePeriod` must be a period of each indicator's data, checked against the last
    /// ingest checkpoint when there is one (validate reads no data rows itself).
    private func checkAgainstCheckpoint(_ config: PipelineConfig) throws {
        guard let baseline = config.aggregate.baselinePeriod,
            let store = try CheckpointStore.openForReading(path: global.databasePath(config))
        else { return }
        let periods: [String: [String]] = try store.reader.read { db in
            guard try db.tableExists(IngestedSource.databaseTableName) else { return [:] }
            return Dictionary(try IngestedSource.fetchAll(db).map { ($0.source, $0.periods) }, uniquingKeysWith: { first, _ in first })
        }
        for indicator in config.indicators {
            guard let known = periods[indicator.source], !known.contains(baseline) else { continue }
            throw PipelineError(
                .usage,
                "aggregate.baselinePeriod: \(baseline) is not a period of indicator \(indicator.id)'s data in the last ingest (\(known.joined(separator: ", ")))",
                at: InputLocation(file: global.config), hint: "set it to one of those periods, or remove it to measure change from the earliest")
        }
        Console.out("baseline \(baseline): present in every indicator's data of the last ingest")
    }
}

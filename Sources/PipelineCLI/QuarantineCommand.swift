import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import PipelineCore

/// `soc-pipeline quarantine`: the rows the last ingest set aside, by reason and by place — file, line,
/// column and why, never the value (docs/TABLES.md, "Ingest"); read-only.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List the rows the last ingest set aside: counts by source and reason, then each row's file, line, column and reason.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this source.")
    var source: String?

    @Option(help: "Only this reason (e.g. invalid_imd_decile).")
    var reason: String?

    @Option(help: "How many rows to list after the counts (0: counts only).")
    var limit = 50

    @Option(help: "text, or csv (every row, for a spreadsheet).")
    var format = "text"

    func run() throws {
        let config = try global.loadConfig()
        if let reason, QuarantineReason(rawValue: reason) == nil {
            throw ValidationError(
                "unknown reason '\(reason)'"
                    + (ClosestMatch.best(for: reason, among: QuarantineReason.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""))
        }
        guard format == "text" || format == "csv" else { throw ValidationError("--format must be text or csv") }
        guard let store = try CheckpointStore.openForReading(path: global.databasePath(config)) else {
            throw PipelineError(.inputMissing, "no checkpoint database yet", hint: "run `soc-pipeline run --stage ingest` first")
        }
        let rows: [QuarantinedRow] = try store.reader.read { db in
            guard try db.tableExists(QuarantinedRow.databaseTableName) else { return [] }
            return try QuarantinedRow.fetchAll(db, orderedBy: [.source, .path, .line, .column]).filter { row in
                (source == nil || row.source == source) && (reason == nil || row.reason.rawValue == reason)
            }
        }
        if format == "csv" {
            Console.out("source,path,line,column,column_name,reason,detail")
            for row in rows {
                Console.out(
                    [row.source, row.path, "\(row.line)", "\(row.column)", row.columnName ?? "", row.reason.rawValue, row.detail].map(Self.csv).joined(
                        separator: ","))
            }
            return
        }
        guard !rows.isEmpty else {
            Console.out("no quarantined rows\(source.map { " for source '\($0)'" } ?? "")\(reason.map { " with reason \($0)" } ?? "")")
            return
        }
        // Counts first, most frequent reason first within each source: the main problem leads.
        for (name, ofSource) in Dictionary(grouping: rows, by: \.source).sorted(by: { $0.key < $1.key }) {
            Console.out("\(name): \(ofSource.count) rows")
            let byReason = Dictionary(grouping: ofSource, by: \.reason).sorted {
                $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.rawValue < $1.key.rawValue
            }
            for (reason, entries) in byReason {
                let first = entries[0]
                Console.out("  " + reason.summary(count: entries.count, first: InputLocation(file: first.path, line: first.line, column: first.column)))
            }
        }
        guard limit > 0 else { return }
        Console.out("")
        for row in rows.prefix(limit) {
            Console.out("\(row.path):\(row.line):\(row.column)\(row.columnName.map { " (\($0))" } ?? "") \(row.reason.rawValue): \(row.detail)")
        }
        if rows.count > limit { Console.out("… \(rows.count - limit) more (--limit, or --format csv for every row)") }
    }

    static func csv(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

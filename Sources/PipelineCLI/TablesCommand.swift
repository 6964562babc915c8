import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import PipelineCore
import Publication
import Render
import Report

/// `soc-pipeline tables`: the published State of Care tables, for report writers. Reads the
/// checkpoint database only (read-only, no lock), so it works while a nightly run is writing.
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "List, show and export the published State of Care tables.",
        subcommands: [List.self, Show.self, Export.self, Reference.self])

    /// Opens the checkpoint database read-only, or explains what to run first.
    static func open(_ global: GlobalOptions) throws -> (PipelineConfig, CheckpointStore) {
        let config = try global.loadConfig()
        let path = global.databasePath(config)
        guard let store = try CheckpointStore.openForReading(path: path) else {
            throw PipelineError(.inputMissing, "no checkpoint database at \(path)", hint: "run `soc-pipeline run` first")
        }
        let published = try store.reader.read { db in
            try db.tableExists(PublishedCatalog.nationalByGroup.name) ? try Self.hasReport(db) : false
        }
        guard published else {
            throw PipelineError(.inputMissing, "the report stage has not run on \(path)", hint: "run `soc-pipeline run` (or `run --stage report`) first")
        }
        return (config, store)
    }

    static func hasReport(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stage_checkpoint WHERE stage = 'report')") ?? false
    }

    static func table(_ name: String) throws -> PublishedTable {
        if let table = PublishedCatalog.table(named: name) ?? PublishedCatalog.table(named: "soc_" + name) { return table }
        let names = PublishedCatalog.tables.map(\.name)
        let suggestion = ClosestMatch.best(for: name, among: names).map { "did you mean '\($0)'? " } ?? ""
        throw PipelineError(.usage, "no published table '\(name)'", hint: "\(suggestion)tables: \(names.joined(separator: ", "))")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each published table: name, rows, description.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (_, store) = try TablesCommand.open(global)
            let counts = try store.reader.read { db in
                try PublishedCatalog.tables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.name)") ?? 0 }
            }
            let width = PublishedCatalog.tables.map(\.name.count).max() ?? 0
            for (table, rows) in zip(PublishedCatalog.tables, counts) {
                Console.out("\(table.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(rows).leftPadded(7))  \(table.description)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one published table (disclosure-controlled, as published).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, md }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Table name (the soc_ prefix may be left out).")
        var name: String

        @Option(help: "Output format: table, csv, json or md.")
        var format: Format = .table

        @Option(name: .customLong("where"), help: "Keep rows where COLUMN=VALUE (repeatable; e.g. indicator_id=EIA03).")
        var filters: [String] = []

        @Option(help: "Comma-separated columns to show, in order.")
        var columns: String?

        @Option(help: "Show at most this many rows.")
        var limit: Int?

        func run() throws {
            let (config, store) = try TablesCommand.open(global)
            let table = try TablesCommand.table(name)
            let parsed = try filters.map { filter -> (column: String, value: String) in
                guard let equals = filter.firstIndex(of: "=") else {
                    throw PipelineError(.usage, "--where \(filter): expected COLUMN=VALUE")
                }
                let column = String(filter[..<equals])
                let resolved = table.column(column) == nil && table.column(column + "_id") != nil ? column + "_id" : column
                return (resolved, String(filter[filter.index(after: equals)...]))
            }
            let selected = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let data = try store.reader.read { db in
                try PublishedTableData.load(db, table: table, columns: selected, filters: parsed, limit: limit)
            }
            let text = CellText(suppressedSymbol: config.report.disclosure.suppressedSymbol)
            let output: Data
            switch format {
            case .csv: output = CSVTableRenderer().render(data)
            case .json: output = JSONTableRenderer().render(data)
            case .md: output = MarkdownTableRenderer(text: text, showsChosenColumns: selected != nil).render(data)
            case .table: output = Data(TextTableRenderer(text: text).render(data).utf8)
            }
            Console.out(output)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the published tables to a folder in one format or all.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, md, xlsx, html, all }

        @OptionGroup var global: GlobalOptions

        @Option(help: "csv, json, md, xlsx, html or all.")
        var format: Format = .all

        @Option(help: "Folder to write into (created if needed).")
        var out: String

        func run() throws {
            let (config, store) = try TablesCommand.open(global)
            let formats: [ReportSettings.Format] = format == .all ? ReportSettings.Format.allCases : [ReportSettings.Format(rawValue: format.rawValue)!]
            let folder = GlobalOptions.absolute(out)
            let (files, runID) = try store.reader.read { db in
                let files = try ReportExporter(settings: config.report).export(db, formats: formats, to: folder)
                let runID = try PublishedCatalog.tables.lazy.map { try PublishedTableData.heading(db, table: $0).runID }.compactMap { $0 }.first
                return (files, runID)
            }
            Console.out("wrote \(files.count + 1) files to \(folder) (run \(runID ?? "none"))")
        }
    }

    struct Reference: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the column reference of every published table (Markdown).")

        func run() throws { Console.out(TableReference.markdown(), terminator: "") }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

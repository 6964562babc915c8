import Checkpoints
import Disclosure
public import GRDB
import PipelineCore
public import Publication
import Render

/// Reading published tables back from the checkpoint database (docs/ARCHITECTURE.md, "Report memory").
/// Column names and filters are checked against the table's definition; values are bound as SQL
/// arguments, never pasted into SQL.
extension PublishedTableData {
    /// Every reporting period (`period_start`) the given tables publish, in order.
    package static func periods(_ db: Database, of tables: [PublishedTable]) throws -> [String] {
        let scoped = tables.filter { $0.column("period_start") != nil && $0.keyColumns.contains("period_start") }
        guard !scoped.isEmpty else { return [] }
        return try String.fetchAll(
            db,
            sql: scoped.map { "SELECT DISTINCT period_start FROM \($0.name) WHERE period_start IS NOT NULL" }.joined(separator: " UNION ") + " ORDER BY 1")
    }

    /// Reads `table`, optionally only `columns` (in that order), rows matching every `filters` pair, and at most `limit` rows.
    public static func load(
        _ db: Database, table: PublishedTable, columns: [String]? = nil,
        filters: [(column: String, value: String)] = [], limit: Int? = nil
    ) throws -> PublishedTableData {
        let selected = try (columns ?? table.columnNames).map { name in
            guard let column = table.column(name) else { throw unknownColumn(name, table) }
            return column
        }
        var conditions: [String] = []
        var arguments: [BulkInserter.Value] = []
        for filter in filters {
            guard let column = table.column(filter.column) else { throw unknownColumn(filter.column, table) }
            conditions.append("\(column.name) = ?")
            switch column.kind {
            case .integer, .count:
                guard let number = Int64(filter.value) else {
                    throw PipelineError(.usage, "--where \(filter.column)=\(filter.value): \(filter.column) holds whole numbers")
                }
                arguments.append(.int(number))
            case .number:
                guard let number = Double(filter.value) else {
                    throw PipelineError(.usage, "--where \(filter.column)=\(filter.value): \(filter.column) holds numbers")
                }
                arguments.append(.double(number))
            case .text:
                arguments.append(.text(filter.value))
            }
        }
        let reader = PublishedRowReader(table: table, selected: selected, actions: try controlledCells(db, table: table, filters: filters))
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        var rows: [[Cell]] = []
        var statuses: [[PublishedCell.Action?]] = []
        var runID: String?, manifest: String?
        if let limit { arguments.append(.int(Int64(max(limit, 0)))) }
        let row = try BulkReader(
            db, sql: "\(reader.select)\(whereClause) ORDER BY \(reader.order)\(limit == nil ? "" : " LIMIT ?")", arguments: arguments)
        while try row.next() {
            runID = runID ?? row.string(at: reader.runIDPosition)
            manifest = manifest ?? row.string(at: reader.manifestPosition)
            let actions = reader.actions(of: row)
            rows.append(reader.cells(row, actions: actions))
            statuses.append(reader.statuses(actions))
        }
        return PublishedTableData(table: table, columns: selected, rows: rows, statuses: statuses, runID: runID, manifestSHA256: manifest)
    }

    /// The heading of a whole table as stored: every column, its row count, and its run and manifest.
    public static func heading(_ db: Database, table: PublishedTable) throws -> TableHeading {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
        let first = try Row.fetchOne(db, sql: "SELECT run_id, manifest_sha256 FROM \(table.name) LIMIT 1")
        return TableHeading(
            table: table, columns: table.columns, rowCount: count, runID: first?[ProvenanceColumn.runID.rawValue],
            manifestSHA256: first?[ProvenanceColumn.manifestSHA256.rawValue])
    }

    /// Reads the whole of `table` in key order and hands it to `body` a page of at most `pageRows` rows at
    /// a time, so a format can write a table of any length in bounded memory (docs/ARCHITECTURE.md,
    /// "Report memory"). Hidden cells are looked up per indicator and period where the table is keyed by
    /// them, so the lookup too stays the size of one period.
    public static func forEachPage(
        _ db: Database, table: PublishedTable, pageRows: Int, _ body: (PublishedPage) throws -> Void
    ) throws {
        let grouped = table.keyColumns.starts(with: ["indicator_id", "period_start"])
        var reader = PublishedRowReader(table: table, selected: table.columns, actions: grouped ? [:] : try controlledCells(db, table: table, filters: []))
        var group: (indicator: String, period: String)?
        var page = PublishedPage()
        page.rows.reserveCapacity(pageRows)
        let row = try BulkReader(db, sql: "\(reader.select) ORDER BY \(reader.order)")
        while try row.next() {
            if grouped {
                let indicator = row.string(at: reader.keyPositions[0]) ?? "", period = row.string(at: reader.keyPositions[1]) ?? ""
                if group?.indicator != indicator || group?.period != period {
                    group = (indicator, period)
                    reader.use(try controlledCells(db, table: table, filters: [("indicator_id", indicator), ("period_start", period)]))
                }
            }
            let actions = reader.actions(of: row)
            page.rows.append(reader.cells(row, actions: actions))
            page.statuses.append(reader.statuses(actions))
            if page.rows.count == pageRows {
                try body(page)
                page = PublishedPage()
                page.rows.reserveCapacity(pageRows)
            }
        }
        if !page.rows.isEmpty { try body(page) }
    }

    /// Cells disclosure control hid or changed in `table` (row key → column → action), limited to the
    /// rows of an indicator and period when `filters` name them.
    static func controlledCells(
        _ db: Database, table: PublishedTable, filters: [(column: String, value: String)]
    ) throws -> [String: [String: PublishedCell.Action]] {
        var sql = "SELECT row_key, column_name, action FROM soc_suppressed_cells WHERE table_name = ?"
        var arguments: [any DatabaseValueConvertible] = [table.name]
        for filter in filters where filter.column == "indicator_id" || filter.column == "period_start" {
            sql += " AND \(filter.column) = ?"
            arguments.append(filter.value)
        }
        var actions: [String: [String: PublishedCell.Action]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
            let name: String = row[2]
            guard let action = PublishedCell.Action(rawValue: name) else {
                throw PipelineError(.internal, "soc_suppressed_cells holds an unknown action '\(name)'")
            }
            actions[row[0] as String, default: [:]][row[1] as String] = action
        }
        return actions
    }

    static func unknownColumn(_ name: String, _ table: PublishedTable) -> PipelineError {
        let suggestion = ClosestMatch.best(for: name, among: table.columnNames).map { "did you mean '\($0)'? " } ?? ""
        return PipelineError(
            .usage, "table \(table.name) has no column '\(name)'",
            hint: "\(suggestion)columns: \(table.columnNames.joined(separator: ", "))")
    }

}

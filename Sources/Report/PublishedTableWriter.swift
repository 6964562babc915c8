import GRDB
import PipelineCore

/// Inserts rows of published tables into the checkpoint database, fills the provenance columns,
/// and logs every disclosure action in `soc_suppressed_cells`.
final class PublishedTableWriter {
    private let db: Database
    private let provenance: Provenance
    private var statements: [String: Statement] = [:]
    private var columnSets: [String: Set<String>] = [:]
    private(set) var counts: [String: Int] = [:]

    init(_ db: Database, provenance: Provenance) throws {
        self.db = db
        self.provenance = provenance
        for table in PublishedCatalog.tables { try db.execute(sql: "DELETE FROM \(table.name)") }
    }

    /// Inserts one row. `cells` holds the table's own columns; unknown names are a programming error.
    func insert(_ table: PublishedTable, indicator: String, period: String?, _ cells: [String: PublishedCell]) throws {
        var row = cells
        let bounds = period.flatMap(Provenance.bounds(of:))
        row["indicator_id"] = PublishedCell(indicator)
        row["period_start"] = PublishedCell(bounds?.start)
        row["period_end"] = PublishedCell(bounds?.end)
        row["imd_vintage"] = PublishedCell(provenance.imdVintage)
        row["icb_vintage"] = PublishedCell(provenance.icbVintage)
        row["population_source"] = PublishedCell(provenance.populationSource)
        row["run_id"] = PublishedCell(provenance.runID)
        row["manifest_sha256"] = PublishedCell(provenance.manifestSHA256)
        let actions = table.columns.compactMap { column in row[column.name].flatMap { cell in cell.action.map { (column.name, $0, cell.reason ?? $0.rawValue) } } }
        let flag = ["suppressed", "withheld", "rounded"].first { level in actions.contains { $0.1.rowFlag == level } } ?? "none"
        var reasons: [String] = []
        for action in actions where !reasons.contains(action.2) { reasons.append(action.2) }
        row["suppression_flag"] = PublishedCell(flag)
        row["suppression_reason"] = PublishedCell(reasons.isEmpty ? nil : reasons.joined(separator: ";"))
        let known = columnSets[table.name] ?? Set(table.columnNames)
        columnSets[table.name] = known
        if let unknown = row.keys.first(where: { !known.contains($0) }) {
            throw PipelineError(.internal, "report table \(table.name) has no column '\(unknown)'")
        }
        for column in table.columns where !column.nullable && (row[column.name]?.value ?? .null).isNull {
            throw PipelineError(.internal, "report table \(table.name): column \(column.name) must not be empty")
        }
        let statement = try statement(for: table)
        try statement.execute(arguments: StatementArguments(table.columns.map { row[$0.name]?.value ?? .null }))
        counts[table.name, default: 0] += 1

        guard !actions.isEmpty else { return }
        let rowKey = table.keyColumns.map { Self.text(row[$0]?.value ?? .null) }.joined(separator: "|")
        for (column, action, reason) in actions {
            try insert(PublishedCatalog.suppressedCells, indicator: indicator, period: period, [
                "table_name": PublishedCell(table.name), "row_key": PublishedCell(rowKey), "column_name": PublishedCell(column),
                "action": PublishedCell(action.rawValue), "reason_code": PublishedCell(reason),
            ])
        }
    }

    private func statement(for table: PublishedTable) throws -> Statement {
        if let statement = statements[table.name] { return statement }
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \(table.name) (\(table.columnNames.joined(separator: ", "))) VALUES (\(placeholders))")
        statements[table.name] = statement
        return statement
    }

    /// A key value as text (integers without decimals).
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        case .blob: "<blob>"
        }
    }
}

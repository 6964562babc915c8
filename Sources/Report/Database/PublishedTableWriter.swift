import Checkpoints
import Disclosure
import GRDB
import PipelineCore
import Publication
import Render

/// Lays out rows of published tables, fills the provenance columns, logs every disclosure action in
/// `soc_suppressed_cells`, and hands the rows on in batches to be inserted (``PublishedTableBuild``).
///
/// Rows arrive as column-name → cell dictionaries (readable builders); each is laid out once into
/// the table's column order as the values a raw prepared insert binds (``BulkInserter``).
final class PublishedTableWriter {
    /// A table's column positions.
    private struct Target {
        let position: [String: Int]
        let keyPositions: [Int]
        let required: [Int]
        let names: [String]
        /// Where each provenance column is (every published table has them all).
        let provenance: [ProvenanceColumn: Int]
    }

    /// A laid-out row: its table and values in the table's column order.
    struct LaidOutRow: Sendable {
        let table: String
        let values: [BulkInserter.Value]
    }

    /// Rows handed on at a time: few enough to stay small, enough that handing them on costs nothing.
    static let batchRows = 512

    private let provenance: Provenance
    private let deliver: ([LaidOutRow]) throws -> Void
    private var batch: [LaidOutRow] = []
    private var targets: [String: Target] = [:]
    private(set) var counts: [String: Int] = [:]
    /// The tables whose rows are digested by period as they are written (those the disclosure audit reads).
    let digestedTables: Set<String>
    /// Per `period_start`, per digested table: the rows written, each with its cells (all but the run's
    /// provenance) and disclosure actions, in any order (``AuditByPeriod`` keys its verdicts on them).
    private(set) var periodDigests: [String: [String: MultisetDigest]] = [:]

    /// `deliver` receives the rows in the order they were written.
    init(provenance: Provenance, digestedTables: Set<String>, deliver: @escaping ([LaidOutRow]) throws -> Void) {
        self.provenance = provenance
        self.digestedTables = digestedTables
        self.deliver = deliver
        batch.reserveCapacity(Self.batchRows)
    }

    /// Empties every published table, before a run writes them again.
    static func clear(_ db: Database) throws {
        for table in PublishedCatalog.tables { try db.execute(sql: "DELETE FROM \(table.name)") }
    }

    /// Hands on the rows not yet handed on.
    func flush() throws {
        guard !batch.isEmpty else { return }
        try deliver(batch)
        batch.removeAll(keepingCapacity: true)
    }

    /// Inserts one row of a typed table; the provenance columns are filled here.
    func insert<Column: TableColumns>(_ table: CatalogTable<Column>, indicator: String, period: String?, _ cells: [Column: PublishedCell]) throws {
        let target = try self.target(table.table)
        var row = [PublishedCell](repeating: .empty, count: table.table.columns.count)
        for (column, cell) in cells {
            guard let index = target.position[column.rawValue] else {
                throw PipelineError(.internal, "report table \(table.name) has no column '\(column.rawValue)'")
            }
            row[index] = cell
        }
        try insert(table.table, target: target, indicator: indicator, period: period, row)
    }

    /// Inserts one row laid out in the table's column order (its own columns filled, the rest empty).
    private func insert(_ table: PublishedTable, target: Target, indicator: String, period: String?, _ laidOut: [PublishedCell]) throws {
        var row = laidOut
        let bounds = period.flatMap(Provenance.bounds(of:))
        func set(_ column: ProvenanceColumn, _ value: String?) { row[target.provenance[column]!] = PublishedCell(value) }
        set(.indicatorID, indicator)
        set(.periodStart, bounds?.start)
        set(.periodEnd, bounds?.end)
        set(.imdVintage, provenance.imdVintage)
        set(.icbVintage, provenance.icbVintage)
        set(.populationSource, provenance.populationSource)
        set(.runID, provenance.runID)
        set(.manifestSHA256, provenance.manifestSHA256)
        var actions: [(column: Int, action: PublishedCell.Action, reason: String)] = []
        for (index, cell) in row.enumerated() {
            guard let action = cell.action else { continue }
            // Every controlled cell has a status column to say so in CSV and JSON (docs/PUBLISHED_TABLES.md, "Status columns").
            guard table.statusGroup(of: target.names[index]) != nil else {
                throw PipelineError(.internal, "report table \(table.name): column \(target.names[index]) was \(action.rawValue) but has no status column")
            }
            actions.append((index, action, cell.reason ?? action.rawValue))
        }
        let flag = ["suppressed", "withheld", "rounded"].first { level in actions.contains { $0.action.rowFlag == level } } ?? "none"
        var reasons: [String] = []
        for action in actions where !reasons.contains(action.reason) { reasons.append(action.reason) }
        set(.suppressionFlag, flag)
        set(.suppressionReason, reasons.isEmpty ? nil : reasons.joined(separator: ";"))
        if let empty = target.required.first(where: { row[$0].value.isNull }) {
            throw PipelineError(.internal, "report table \(table.name): column \(target.names[empty]) must not be empty")
        }
        batch.append(LaidOutRow(table: table.name, values: row.map { Self.bindable($0.value) }))
        if batch.count == Self.batchRows { try flush() }
        counts[table.name, default: 0] += 1
        if digestedTables.contains(table.name), let start = bounds?.start {
            periodDigests[start, default: [:]][table.name, default: MultisetDigest()].add(Self.digestBytes(row, names: target.names, actions: actions))
        }

        guard !actions.isEmpty else { return }
        let rowKey = target.keyPositions.map { Self.text(row[$0].value) }.joined(separator: "|")
        // The log's rows laid out directly: a long history logs hundreds of thousands of actions.
        let log = PublishedCatalog.suppressedCells, logTarget = try self.target(log.table)
        func at(_ column: SuppressedCellsColumn) -> Int { logTarget.position[column.rawValue]! }
        var entry = [PublishedCell](repeating: .empty, count: log.table.columns.count)
        entry[at(.tableName)] = PublishedCell(table.name)
        entry[at(.rowKey)] = PublishedCell(rowKey)
        for action in actions {
            entry[at(.columnName)] = PublishedCell(target.names[action.column])
            entry[at(.action)] = PublishedCell(action.action.rawValue)
            entry[at(.reasonCode)] = PublishedCell(action.reason)
            try insert(log.table, target: logTarget, indicator: indicator, period: period, entry)
        }
    }

    private func target(_ table: PublishedTable) throws -> Target {
        if let target = targets[table.name] { return target }
        let names = table.columnNames
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let target = Target(
            position: position,
            keyPositions: table.keyColumns.map { position[$0]! },
            required: table.columns.indices.filter { !table.columns[$0].nullable }, names: names,
            provenance: Dictionary(uniqueKeysWithValues: ProvenanceColumn.allCases.compactMap { column in position[column.rawValue].map { (column, $0) } }))
        targets[table.name] = target
        return target
    }

    /// One row as the audit's digest reads it: every cell but the run's provenance (which moves with any input
    /// and which the audit never reads), then each disclosure action with its column and reason.
    static func digestBytes(_ row: [PublishedCell], names: [String], actions: [(column: Int, action: PublishedCell.Action, reason: String)])
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        func add(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
        }
        for (index, cell) in row.enumerated() where !AuditByPeriod.runColumns.contains(names[index]) {
            switch cell.value {
            case .null: add("e")
            case .integer(let value): add("i\(value)")
            case .number(let value): add("n\(value.bitPattern)")
            case .text(let text): add("t" + text)
            }
        }
        for action in actions { add("a\(action.column) \(action.action.rawValue) \(action.reason)") }
        return bytes
    }

    static func bindable(_ value: CellValue) -> BulkInserter.Value {
        switch value {
        case .null: .null
        case .integer(let number): .int(number)
        case .number(let number): .double(number)
        case .text(let text): .text(text)
        }
    }

    /// A key value as text (integers without decimals).
    static func text(_ value: CellValue) -> String {
        switch value {
        case .null: ""
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .text(let text): text
        }
    }
}

public import GRDB
public import PipelineCore

/// A row ingest set aside: where, which column and why — never the value (docs/TABLES.md, "Ingest").
public struct QuarantinedRow: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_quarantine"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case source
        case path
        case line
        case column
        case columnName = "column_name"
        case reason
        case detail
    }

    public var source: String
    public var path: String
    /// Physical line, 1-based.
    public var line: Int
    /// Physical column, 1-based.
    public var column: Int
    public var columnName: String?
    public var reason: QuarantineReason
    /// The reason's sentence.
    public var detail: String

    public init(source: String, path: String, line: Int, column: Int, columnName: String?, reason: QuarantineReason, detail: String) {
        self.source = source
        self.path = path
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
        self.detail = detail
    }

    public init(row: Row) throws {
        source = row[Columns.source]
        path = row[Columns.path]
        line = row[Columns.line]
        column = row[Columns.column]
        columnName = row[Columns.columnName]
        reason = try row.decode(Columns.reason)
        detail = row[Columns.detail]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.source] = source
        row[.path] = path
        row[.line] = line
        row[.column] = column
        row[.columnName] = columnName
        row[.reason] = reason
        row[.detail] = detail
    }
}

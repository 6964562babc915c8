public import GRDB
public import PipelineCore

/// The columns of one checkpoint table, in the table's order: a `CodingKey` whose raw values are the
/// column names, so a column that does not exist fails to compile (docs/ARCHITECTURE.md, "Checkpoint
/// contracts").
public protocol CheckpointColumns: CodingKey, ColumnExpression, CaseIterable, Hashable, Sendable
where AllCases == [Self] {}

extension CheckpointColumns {
    /// The column's name in SQL.
    public var name: String { stringValue }

    /// The column's position in the table (and in ``StoredRow``).
    public var position: Int { Self.allCases.firstIndex(of: self)! }

    /// The column list of an `INSERT` or `SELECT`, in table order.
    public static var sqlList: String { allCases.map(\.name).joined(separator: ", ") }
}

/// One row of a table that crosses a stage boundary, read and written only through this type
/// (docs/ARCHITECTURE.md, "Checkpoint contracts"). The stage named by ``writer`` creates the table in its
/// migrations and replaces its rows in its transaction; every other stage only reads it.
///
/// A record decodes itself with `init(row:)` from its `Columns` (a word it does not know is an error
/// naming the column) and lays itself out with ``store(in:)``, which serves both GRDB's persistence and
/// the positional bulk insert of ``RecordInserter``.
public protocol CheckpointRecord: FetchableRecord, PersistableRecord, Sendable where Columns: CheckpointColumns {
    /// The stage whose transaction writes the table.
    static var writer: StageName { get }
    /// Sets every column of the row.
    func store(in row: inout StoredRow<Columns>)
}

extension CheckpointRecord {
    public func encode(to container: inout PersistenceContainer) throws {
        var row = StoredRow<Columns>()
        store(in: &row)
        for (column, value) in zip(Columns.allCases, row.values) { container[column] = value }
    }

    /// Every row, in the table's key order unless `order` says otherwise.
    public static func fetchAll(_ db: Database, orderedBy order: [Columns]) throws -> [Self] {
        try all().order(order.map { $0.asc }).fetchAll(db)
    }
}

/// A record's row as it is stored, one value per column in table order.
public struct StoredRow<Columns: CheckpointColumns>: Sendable {
    public private(set) var values: [DatabaseValue]

    public init() { values = Array(repeating: .null, count: Columns.allCases.count) }

    public subscript(column: Columns) -> (any DatabaseValueConvertible)? {
        get { values[column.position] }
        set { values[column.position] = newValue?.databaseValue ?? .null }
    }
}

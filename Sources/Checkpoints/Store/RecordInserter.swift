public import GRDB

/// Writes records of one checkpoint table through a prepared statement bound by position: the typed
/// form of ``BulkInserter`` that stages use for every table they write (docs/ARCHITECTURE.md, "Hot
/// paths"). Use inside the stage's transaction only.
public final class RecordInserter<Record: CheckpointRecord> {
    private let inserter: BulkInserter
    private var row = StoredRow<Record.Columns>()

    public init(_ db: Database) throws {
        inserter = try BulkInserter(db, table: Record.databaseTableName, columns: Record.Columns.allCases.map(\.name))
    }

    public var rowsInserted: Int { inserter.rowsInserted }

    public func insert(_ record: Record) throws {
        record.store(in: &row)
        try inserter.insert(stored: row.values)
    }
}

@available(*, unavailable)
extension RecordInserter: Sendable {}

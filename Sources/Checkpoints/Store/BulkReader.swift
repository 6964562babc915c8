public import GRDB
import GRDBSQLite
import PipelineCore

/// A prepared SELECT stepped on GRDB's raw connection: the hot path for reading long tables back (the
/// report's export reads every published row of every period). Values come out by position, as the
/// values ``BulkInserter`` binds, without GRDB's generic decoding of each cell (docs/ARCHITECTURE.md,
/// "Report memory"). Use inside one database access; the statement is finalized on deinit.
public final class BulkReader {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String

    public init(_ db: Database, sql: String, arguments: [BulkInserter.Value] = []) throws {
        guard let connection = db.sqliteConnection else {
            throw PipelineError(.internal, "database connection is closed")
        }
        self.connection = connection
        self.sql = sql
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &prepared, nil) == SQLITE_OK, let prepared else {
            throw PipelineError(.internal, "cannot prepare \(sql): \(String(cString: sqlite3_errmsg(connection)))")
        }
        statement = prepared
        for (offset, value) in arguments.enumerated() {
            guard BulkInserter.bind(value, to: statement, at: Int32(offset + 1)) == SQLITE_OK else { throw failure() }
        }
    }

    deinit { sqlite3_finalize(statement) }

    /// Moves to the next row; false when there is none.
    public func next() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure()
        }
    }

    /// The current row's value at `column` (0-based, in the query's order); a blob reads as null.
    public func value(at column: Int) -> BulkInserter.Value {
        let index = Int32(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, index))
        case SQLITE_TEXT: return .text(text(at: index))
        default: return .null
        }
    }

    /// The current row's text at `column`, or nil when it is not text.
    public func string(at column: Int) -> String? {
        sqlite3_column_type(statement, Int32(column)) == SQLITE_TEXT ? text(at: Int32(column)) : nil
    }

    private func text(at index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func failure() -> PipelineError {
        PipelineError(.internal, "cannot read \(sql): \(String(cString: sqlite3_errmsg(connection)))")
    }
}

@available(*, unavailable)
extension BulkReader: Sendable {}

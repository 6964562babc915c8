public import GRDB
import GRDBSQLite
import PipelineCore

/// A reusable prepared INSERT on GRDB's raw connection: the hot path for writing stage tables.
///
/// GRDB's idiomatic `execute(arguments:)` costs about twice the raw C API per row (bench/RESULTS.md);
/// stages write hundreds of thousands of rows, so they bind values directly here. Use inside the
/// stage's transaction only; the statement is finalized on deinit.
public final class BulkInserter {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    public let table: String
    public private(set) var rowsInserted = 0

    public init(_ db: Database, table: String, columns: [String]) throws {
        guard let connection = db.sqliteConnection else {
            throw PipelineError(.internal, "database connection is closed")
        }
        self.connection = connection
        self.table = table
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw PipelineError(.internal, "cannot prepare insert into \(table): \(String(cString: sqlite3_errmsg(connection)))")
        }
        statement = prepared
    }

    deinit { sqlite3_finalize(statement) }

    /// A value to bind.
    public enum Value: Sendable {
        case int(Int64)
        case double(Double)
        case text(String)
        case null
    }

    /// Binds `values` in column order, steps and resets.
    public func insert(_ values: Value...) throws { try insert(values) }

    public func insert(_ values: [Value]) throws {
        for (offset, value) in values.enumerated() {
            guard Self.bind(value, to: statement, at: Int32(offset + 1)) == SQLITE_OK else { throw failure() }
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw failure() }
        rowsInserted += 1
    }

    /// Binds one value to a prepared statement's parameter (1-based); a non-finite number binds as null.
    static func bind(_ value: Value, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .int(let number): sqlite3_bind_int64(statement, index, number)
        case .double(let number): number.isFinite ? sqlite3_bind_double(statement, index, number) : sqlite3_bind_null(statement, index)
        case .text(let text): sqlite3_bind_text(statement, index, text, -1, sqliteTransient)
        case .null: sqlite3_bind_null(statement, index)
        }
    }

    /// Binds stored values in column order, steps and resets.
    public func insert(stored values: [DatabaseValue]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .int64(let number): code = sqlite3_bind_int64(statement, index, number)
            case .double(let number): code = number.isFinite ? sqlite3_bind_double(statement, index, number) : sqlite3_bind_null(statement, index)
            case .string(let text): code = sqlite3_bind_text(statement, index, text, -1, sqliteTransient)
            case .null, .blob: code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw failure() }
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw failure() }
        rowsInserted += 1
    }

    private func failure() -> PipelineError {
        let message = String(cString: sqlite3_errmsg(connection))
        let primary = sqlite3_extended_errcode(connection) & 0xFF
        let storage = primary == SQLITE_FULL || primary == SQLITE_IOERR
        return PipelineError(
            .internal, "cannot write \(table): \(message)",
            hint: storage ? "the disk may be full or a file-size limit reached; free space and rerun (earlier checkpoints are intact)" : nil)
    }
}

@available(*, unavailable)
extension BulkInserter: Sendable {}

/// `SQLITE_TRANSIENT` is a macro cast that Swift cannot import.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

import Checkpoints
import Foundation
import GRDB

/// Reads every checkpoint table of a database through its record and lays each row out again: the
/// records decode exactly what the stages store (docs/ARCHITECTURE.md, "Checkpoint contracts").
public enum CheckpointRoundTrip {
    /// Rows read and rows that did not come back identical, by table.
    public static func check(_ path: String) throws -> [String: (read: Int, mismatched: Int)] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            var result: [String: (read: Int, mismatched: Int)] = [:]
            for record in CheckpointContracts.records { result[record.databaseTableName] = try roundTrip(record, db) }
            return result
        }
    }

    static func roundTrip<Record: CheckpointRecord>(_ record: Record.Type, _ db: Database) throws -> (read: Int, mismatched: Int) {
        var read = 0, mismatched = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT \(Record.Columns.sqlList) FROM \(Record.databaseTableName)")
        while let row = try rows.next() {
            read += 1
            var stored = StoredRow<Record.Columns>()
            try Record(row: row).store(in: &stored)
            if stored.values != Array(row.databaseValues) { mismatched += 1 }
        }
        return (read, mismatched)
    }
}

import Foundation
import GRDB

/// A text dump of the checkpoint and every stage table, for "nothing changed" assertions.
///
/// Leaves out the run ledger (`pipeline_run`, `stage_attempt`, `change_log`), which records every run by design,
/// ingest's stat cache (`ingest_file_stat`: absolute paths, inodes and clock readings, never an output), and
/// the `run_id` column of the published `soc_*` tables.
public enum TableDump {
    public static func dump(_ path: String) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT IN ('pipeline_run', 'stage_attempt', 'change_log', 'grdb_migrations', 'ingest_file_stat') ORDER BY name
                    """)
            var text = ""
            for table in tables {
                text += "## \(table)\n"
                // Published tables name their run on every row; leave that column out so runs compare.
                let columns = try db.columns(in: table).map(\.name).filter { !(table.hasPrefix("soc_") && $0 == "run_id") }
                let order = (1...columns.count).map(String.init).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }
}

import Checkpoints
import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// Each table that crosses a stage is read and written through one record type (docs/ARCHITECTURE.md,
/// "Checkpoint contracts"): the record's columns are the table's, in order; its writer stage creates the
/// table; no stage table lacks a record; and every record reads back what it stores.
struct CheckpointContractTests {
    /// Tables outside the contracts: the run ledger (Core's) and the published tables (the catalogue's).
    static func isLedgerOrPublished(_ table: String) -> Bool {
        ["pipeline_run", "stage_checkpoint", "stage_attempt", "change_log", "grdb_migrations"].contains(table) || table.hasPrefix("soc_")
    }

    static func migratedStore(in workspace: TestWorkspace) throws -> CheckpointStore {
        try CheckpointStore(path: workspace.path("contracts.sqlite"), migrations: StageHarness.migrations)
    }

    @Test func everyRecordMatchesItsTableColumnByColumn() throws {
        let workspace = try TestWorkspace()
        let store = try Self.migratedStore(in: workspace)
        try store.reader.read { db in
            for record in CheckpointContracts.records {
                let columns = try db.columns(in: record.databaseTableName).map(\.name)
                #expect(columns == Self.columnNames(of: record), "\(record.databaseTableName)")
            }
        }
    }

    static func columnNames<Record: CheckpointRecord>(of record: Record.Type) -> [String] { Record.Columns.allCases.map(\.name) }

    @Test func everyStageTableHasARecord() throws {
        let workspace = try TestWorkspace()
        let store = try Self.migratedStore(in: workspace)
        let tables = try store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")
        }
        let covered = Set(CheckpointContracts.records.map { $0.databaseTableName })
        let missing = tables.filter { !Self.isLedgerOrPublished($0) && !covered.contains($0) }
        #expect(missing.isEmpty, "tables without a record: \(missing)")
        #expect(covered.count == CheckpointContracts.records.count, "two records name one table")
    }

    /// The stage a record names as its writer is the one whose migrations create (or rebuild) the table.
    @Test func theWriterStageOwnsEachTable() {
        for record in CheckpointContracts.records {
            let table = record.databaseTableName
            let owners = StageHarness.stages.filter { stage in
                stage.migrations.contains { $0.sql.contains("CREATE TABLE \(table) (") || $0.sql.contains("RENAME TO \(table);") }
            }
            #expect(owners.map(\.name) == [record.writer], "\(table): created by \(owners.map(\.name)), record says \(record.writer)")
        }
    }

    /// Every record decodes the rows a run stores and lays them out again value for value (the examples'
    /// tests check the tables of other grains the same way).
    @Test func everyRecordReadsBackWhatItStores() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        for stage in StageHarness.stages { try StageHarness.run(stage, configPath: config) }
        let tables = try CheckpointRoundTrip.check(workspace.path("out/test.sqlite"))
        for (table, rows) in tables.sorted(by: { $0.key < $1.key }) {
            #expect(rows.mismatched == 0, "\(table): \(rows.mismatched) of \(rows.read) rows differ")
        }
        #expect(tables.values.filter { $0.read > 0 }.count >= 11, "the tiny world leaves too many tables empty to test the records")
    }
}

import Checkpoints
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// The published-table definitions and the tables the migrations create agree column by column, so a
/// change to a published table needs both a catalogue edit and a new migration.
struct PublishedSchemaTests {
    @Test func catalogueMatchesTheMigratedTables() throws {
        let workspace = try TestWorkspace()
        let store = try CheckpointStore(path: workspace.path("schema.sqlite"), migrations: StageHarness.migrations)
        try store.reader.read { db in
            for table in PublishedCatalog.tables {
                let columns = try Row.fetchAll(
                    db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
                    arguments: [table.name])
                #expect(columns.map { $0["name"] as String } == table.columnNames, "\(table.name): column names and order")
                for (column, row) in zip(table.columns, columns) {
                    #expect(row["type"] as String == column.kind.sqlType, "\(table.name).\(column.name): type")
                    #expect((row["notnull"] as Int == 1) == !column.nullable, "\(table.name).\(column.name): NOT NULL")
                }
                let key = columns.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
                #expect(key == table.keyColumns, "\(table.name): primary key")
            }
        }
    }
}

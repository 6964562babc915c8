import Checkpoints
import GRDB
import PipelineCore
import PipelineTestSupport
import Synchronization
import Testing

@testable import Publication
@testable import Report

/// The tables are built on one thread and inserted on the stage's: every row arrives in order, and a failure
/// on either side stops the other and is the one reported, without either thread waiting for ever.
struct PublishedTableBuildTests {
    static let provenance = Provenance(runID: "run", manifestSHA256: "manifest", imdVintage: "2025", icbVintage: "2024-04", populationSource: "test")
    /// Enough rows to fill the queue between the threads many times over.
    static let rows = PublishedTableWriter.batchRows * (PublishedTableBuild.queuedBatches + 2) * 3 + 7

    /// Writes metadata rows 0, 1, 2, … (value = the row's number), calling `written` after each.
    static func writeRows(_ writer: PublishedTableWriter, written: (Int) -> Void = { _ in }) throws {
        for index in 0..<rows {
            try writer.insert(
                PublishedCatalog.metadata, indicator: "all", period: nil, [.item: PublishedCell("item \(index)"), .value: PublishedCell("\(index)")])
            written(index + 1)
        }
    }

    static func store(_ workspace: TestWorkspace) throws -> CheckpointStore {
        try CheckpointStore(path: workspace.path("build.sqlite"), migrations: StageHarness.migrations)
    }

    @Test func everyRowArrivesInTheOrderItWasWritten() throws {
        let workspace = try TestWorkspace()
        let outcome = try Self.store(workspace).pool.write { db in
            let outcome = try PublishedTableBuild.run(db, provenance: Self.provenance, digestedTables: []) { writer in
                try Self.writeRows(writer)
            }
            let values = try String.fetchAll(db, sql: "SELECT value FROM soc_metadata ORDER BY rowid")
            #expect(values == (0..<Self.rows).map(String.init))
            return outcome
        }
        #expect(outcome.counts == ["soc_metadata": Self.rows])
    }

    @Test func aFailureWhileBuildingIsTheOneReported() throws {
        let workspace = try TestWorkspace()
        try Self.store(workspace).pool.write { db in
            let error = #expect(throws: PipelineError.self) {
                _ = try PublishedTableBuild.run(db, provenance: Self.provenance, digestedTables: []) { writer in
                    try Self.writeRows(writer)
                    throw PipelineError(.internal, "a builder failed")
                }
            }
            #expect(error?.message == "a builder failed")
            // Whole batches built before the failure may have been inserted, in order; the stage's transaction
            // rolls them back with everything else.
            let values = try String.fetchAll(db, sql: "SELECT value FROM soc_metadata ORDER BY rowid")
            #expect(values == (0..<values.count).map(String.init) && values.count <= Self.rows)
        }
    }

    @Test func aFailureWhileInsertingStopsTheBuildAndIsTheOneReported() throws {
        let workspace = try TestWorkspace()
        try Self.store(workspace).pool.write { db in
            try db.execute(
                sql: "CREATE TEMP TRIGGER refuse BEFORE INSERT ON soc_metadata WHEN NEW.value = '100' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
            let built = Atomic<Int>(0)
            let error = #expect(throws: PipelineError.self) {
                _ = try PublishedTableBuild.run(db, provenance: Self.provenance, digestedTables: []) { writer in
                    try Self.writeRows(writer) { built.store($0, ordering: .relaxed) }
                }
            }
            #expect(error?.message.contains("refused by the test") == true, "\(error.map { "\($0)" } ?? "")")
            #expect(built.load(ordering: .relaxed) < Self.rows, "the build was stopped, not run to its end")
        }
    }
}

import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Disclosure
@testable import Publication
@testable import Report

/// A period's disclosure audit is kept only while nothing it reads has changed (docs/ARCHITECTURE.md,
/// "Downstream by period"): the verdict is keyed by a digest of every cell and status it attacks.
struct AuditByPeriodTests {
    static func reportNotes(_ store: CheckpointStore) throws -> String {
        try store.pool.read { db in try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") } ?? ""
    }

    /// Runs the report again (its publication removed, so it is not skipped).
    static func republish(_ workspace: TestWorkspace) throws -> CheckpointStore {
        try FileManager.default.removeItem(atPath: workspace.path("out/published/latest"))
        return try StageHarness.run(ReportStage(), configPath: workspace.path("pipeline.json"))
    }

    @Test func aVerdictIsKeptOnlyWhileItsDigestHolds() throws {
        let workspace = try TestWorkspace()
        let (store, _) = try ReportStageTests.publish(workspace)
        let first = try store.pool.read { db in try AuditedPeriod.fetchAll(db) }
        #expect(first.count == 1 && first[0].hiddenCells > 0, "the tiny world's one period, with counts hidden")
        #expect(!(try Self.reportNotes(store)).contains("verdicts kept"))
        // Nothing changed: the verdict is kept, and the notes count the same cells.
        let again = try Self.republish(workspace)
        let notes = try Self.reportNotes(again)
        #expect(notes.contains("(1 periods' verdicts kept: nothing they read had changed)"), "\(notes)")
        #expect(notes.contains("\(first[0].cellsChecked) count cells checked (\(first[0].hiddenCells) hidden)"), "\(notes)")
        // A verdict whose digest no longer matches is not trusted: the period is attacked again.
        try again.pool.write { db in try db.execute(sql: "UPDATE report_audited_period SET digest = 'another', programs = -1") }
        let attacked = try Self.republish(workspace)
        #expect(!(try Self.reportNotes(attacked)).contains("verdicts kept"))
        #expect(try attacked.pool.read { db in try AuditedPeriod.fetchAll(db) } == first)
    }

    @Test func theDigestSeesEveryCellAndStatusButNotTheRun() throws {
        let table = try #require(DisclosureAudit.attackedTables().first)
        func data(_ cells: [PublishedTableData.Cell], _ status: PublishedCell.Action?, run: String = "a") -> PublishedTableData {
            PublishedTableData(
                table: table, columns: Array(table.columns.prefix(cells.count)), rows: [cells], statuses: [[status]], runID: run,
                manifestSHA256: run)
        }
        let base = data([.integer(5), .number(1.5), .text("x")], nil)
        let digest = AuditByPeriod.digest(basis: "b", period: "2025-03-01", tables: [base])
        #expect(AuditByPeriod.digest(basis: "b", period: "2025-03-01", tables: [data([.integer(5), .number(1.5), .text("x")], nil, run: "z")]) == digest)
        // Every published row names its run and the input manifest's hash: those columns are not read.
        let withRun = try #require(PublishedCatalog.tables.first { $0.column("run_id") != nil && $0.column("manifest_sha256") != nil && $0.counts != nil })
        func run(_ id: String) -> PublishedTableData {
            PublishedTableData(
                table: withRun, columns: withRun.columns,
                rows: [withRun.columns.map { AuditByPeriod.runColumns.contains($0.name) ? .text(id) : .integer(1) }], statuses: [[]], runID: id,
                manifestSHA256: id)
        }
        #expect(AuditByPeriod.digest(basis: "b", period: "p", tables: [run("a")]) == AuditByPeriod.digest(basis: "b", period: "p", tables: [run("b")]))
        for (changed, what) in [
            (data([.integer(6), .number(1.5), .text("x")], nil), "a count"),
            (data([.integer(5), .number(1.5000000001), .text("x")], nil), "a value's last digits"),
            (data([.suppressed, .number(1.5), .text("x")], nil), "a cell hidden"),
            (data([.withheld, .number(1.5), .text("x")], nil), "a cell withheld"),
            (data([.integer(5), .number(1.5), .text("x")], .suppressed), "a status"),
        ] {
            #expect(AuditByPeriod.digest(basis: "b", period: "2025-03-01", tables: [changed]) != digest, "\(what)")
        }
        #expect(AuditByPeriod.digest(basis: "c", period: "2025-03-01", tables: [base]) != digest, "the program, rules or arithmetic")
        #expect(AuditByPeriod.digest(basis: "b", period: "2025-04-01", tables: [base]) != digest, "the period")
    }
}

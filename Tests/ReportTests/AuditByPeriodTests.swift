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

    /// The digest is of the rows as written: every cell and disclosure action, in any order, but not the run.
    @Test func theDigestSeesEveryCellAndActionButNotTheRun() throws {
        let table = try #require(DisclosureAudit.attackedTables().first { $0.column("run_id") != nil && $0.counts != nil })
        let names = table.columnNames
        let run = try #require(names.firstIndex(of: "run_id"))
        let (count, value) = try #require(
            {
                let free = names.indices.filter { !AuditByPeriod.runColumns.contains(names[$0]) }
                return free.count >= 2 ? (free[0], free[1]) : nil
            }())
        typealias Action = (column: Int, action: PublishedCell.Action, reason: String)
        func cells(_ number: Double, _ events: Int? = 5, run id: String = "a") -> [PublishedCell] {
            var row = [PublishedCell](repeating: .empty, count: names.count)
            row[count] = events.map { PublishedCell($0) } ?? .hidden(.suppressed, reason: "small")
            row[value] = PublishedCell(number)
            row[run] = PublishedCell(id)
            return row
        }
        func digest(_ rows: [([PublishedCell], [Action])], basis: String = "b", period: String = "2025-03-01") -> String {
            var written = MultisetDigest()
            for (row, actions) in rows { written.add(PublishedTableWriter.digestBytes(row, names: names, actions: actions)) }
            return AuditByPeriod.digest(basis: basis, period: period, tables: [table], written: [table.name: written])
        }
        let rows: [([PublishedCell], [Action])] = [(cells(1.5), []), (cells(2.5, 7), [])]
        let base = digest(rows)
        #expect(digest(rows.reversed()) == base, "the order rows are written in")
        #expect(digest(rows.map { (cells($0.0[value].number!, Int($0.0[count].number!), run: "z"), $0.1) }) == base, "the run's provenance")
        for (changed, what) in [
            ([(cells(1.5, 6), []), rows[1]], "a count"),
            ([(cells(1.5000000001), []), rows[1]], "a value's last digits"),
            ([(cells(1.5, nil), [(count, .suppressed, "small")]), rows[1]], "a count hidden"),
            ([(cells(1.5), [(value, .rounded, "base_5")]), rows[1]], "an action"),
            ([rows[0]], "a row gone"),
            (rows + [rows[0]], "a row twice"),
        ] as [([([PublishedCell], [Action])], String)] {
            #expect(digest(changed) != base, "\(what)")
        }
        #expect(digest(rows, basis: "c") != base, "the program, rules or arithmetic")
        #expect(digest(rows, period: "2025-04-01") != base, "the period")
        #expect(AuditByPeriod.digest(basis: "b", period: "2025-03-01", tables: [table], written: [:]) != base, "no rows")
    }
}

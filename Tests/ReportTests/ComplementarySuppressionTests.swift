import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// Disclosure by differencing: a suppressed count must not be recoverable from the published totals and
/// parts, given that a published rate with its limits gives its count away (docs/DISCLOSURE.md).
struct ComplementarySuppressionTests {
    /// The tiny world without complementary suppression: QAA's 15 admissions (its crude rate gives the
    /// exact count) minus its published quintiles gives the suppressed 3 of quintile 5 — and the audit
    /// refuses to publish.
    @Test func theAuditCatchesTheAttackWhenComplementarySuppressionIsOff() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: ReportStageTests.indicators)
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        #expect {
            try StageHarness.run(ReportStage(complementarySuppression: false), configPath: config)
        } throws: { error in
            "\(error)".contains("suppressed counts could be recovered from the published tables")
        }
        #expect(!FileManagerCheck.exists(workspace.path("out/published/latest")), "nothing is published")
    }

    /// With it on, the same publication hides a partner, logs it as complementary, and the audit passes.
    @Test func complementarySuppressionProtectsTheSuppressedCount() throws {
        let workspace = try TestWorkspace()
        let (store, _) = try ReportStageTests.publish(workspace)
        try store.reader.read { db in
            let q5 = try #require(
                try Row.fetchOne(db, sql: "SELECT * FROM soc_ics_quintile_gap WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA' AND quintile = 5"))
            #expect(q5["numerator"] as Int? == nil)
            let complementary =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM soc_suppressed_cells WHERE action = 'complementary_suppressed' AND reason_code = 'complementary'
                        AND indicator_id = 'RATE'
                        """) ?? 0
            #expect(complementary > 0)
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") ?? ""
            #expect(notes.contains("0 hidden counts recoverable"))
        }
    }

    /// The same through the stages: QBB's places hold 40 and 3 admissions. The 3 is suppressed, a partner
    /// is hidden beside it in soc_place, and the audit finds nothing recoverable.
    @Test func aSuppressedPlaceCannotBeRecoveredFromItsSystem() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: ReportStageTests.indicators)
        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,40\nE01000004,2025-03,male,65-69,3\n")
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        let store = try StageHarness.run(ReportStage(), configPath: config)
        try store.reader.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM soc_place WHERE indicator_id = 'RATE' AND ics_ods_code = 'QBB' ORDER BY place_code")
            #expect(rows.count == 2)
            #expect(rows[1]["numerator"] as Int? == nil, "3 admissions are suppressed")
            #expect(rows[1]["value"] as Double? == nil, "and so is the rate that would give them back")
            let system = try #require(try Row.fetchOne(db, sql: "SELECT * FROM soc_ics_league WHERE indicator_id = 'RATE' AND ics_ods_code = 'QBB'"))
            let shown = [rows[0]["numerator"] as Int?, system["numerator"] as Int?].compactMap { $0 }
            #expect(shown.count < 2, "the place's 40 and the system's 43 are never both shown")
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") ?? ""
            #expect(notes.contains("0 hidden counts recoverable"))
        }
    }
}

enum FileManagerCheck {
    static func exists(_ path: String) -> Bool { (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil }
}

import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Report

/// Disclosure by differencing: a suppressed count must not be recoverable from the published totals and
/// parts, given that a published rate with its limits gives its count away (docs/DISCLOSURE.md).
struct DifferencingTests {
    /// The attack on plain numbers: a total of 15 with parts 12 and 0 gives away a suppressed 3; a second,
    /// complementary, hidden part stops it.
    @Test func theAttackPinsALoneHiddenPart() {
        func cell(_ quintile: Int) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: quintile, component: .numerator)
        }
        let knowledge = CountKnowledge(rules: DisclosureRules())
        let relation = AdditiveRelation(total: cell(0), parts: (1...3).map(cell))
        var bounds: [CountCell: CountBounds] = [
            cell(0): .exact(15), cell(1): .exact(12), cell(2): knowledge.bounds(.suppressed, recovered: nil)!, cell(3): .exact(0),
        ]
        var attack = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(attack.recoveredHiddenCells() == [cell(2)])
        #expect(attack.bounds[cell(2)]?.lower == 3 && attack.bounds[cell(2)]?.upper == 3)
        // Hiding 12 as well leaves 3 between 1 and 7.
        bounds[cell(1)] = knowledge.bounds(.complementary, recovered: nil)!
        var protected = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(protected.recoveredHiddenCells().isEmpty)
        // Rounded parts are intervals: 15 = [10 ± 2.5] + hidden + 0 leaves a range, not a count.
        bounds[cell(1)] = knowledge.bounds(.number(10, exact: false), recovered: nil)!
        var rounded = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(rounded.recoveredHiddenCells().isEmpty)
    }

    /// Denominators recovered from rates are fractional, and published figures agree only to within
    /// their rounding: a sum that contradicts what is known of its cells must not count as narrowing them
    /// (the attack once chased such a contradiction for five million steps on the national run), while
    /// the hidden count beside them is still pinned.
    @Test func contradictorySumsSettleAndStillPin() {
        func cell(_ quintile: Int) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: quintile, component: .denominator)
        }
        let suppressed = CountKnowledge(rules: DisclosureRules()).bounds(.suppressed, recovered: nil)!
        // 239,240.8 + 98,306.8 + 4 is 337,551.6; the total as recovered is 337,551.5.
        var bounds: [CountCell: CountBounds] = [cell(0): .exact(337_551.5), cell(1): .exact(239_240.8), cell(2): .exact(98_306.8), cell(3): suppressed]
        let relation = AdditiveRelation(total: cell(0), parts: (1...3).map(cell))
        var attack = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(attack.propagate(maximumSteps: 1_000) < 10)
        #expect(attack.recoveredHiddenCells() == [cell(3)])
        // The same contradiction between shown counts alone.
        bounds[cell(3)] = .exact(4.1)
        var shown = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(shown.propagate(maximumSteps: 1_000) < 10)
        #expect(shown.bounds == bounds)
    }

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

    /// An ICS's count is the sum of its places' (docs/DISCLOSURE.md, "Differencing"): with the ICS's 43 and
    /// one place's 40 shown, the other place's suppressed 3 is pinned; only places of that ICS take part.
    @Test func placesSumToTheirSystem() {
        func place(_ code: String, parent: String) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .place, code: code, quintile: 0, component: .numerator, parent: parent)
        }
        let system = CountCell(indicator: "X", period: "p", level: .icb, code: "QBB", quintile: 0, component: .numerator)
        let other = CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: 0, component: .numerator)
        let cells = [system, other, place("02B", parent: "QBB"), place("02C", parent: "QBB"), place("01A", parent: "QAA")]
        let relations = AdditiveRelations.among(cells)
        let sums = relations.map { "\($0.total.code)=\($0.parts.map(\.code).joined(separator: "+"))" }.sorted()
        #expect(sums == ["QAA=01A", "QBB=02B+02C"])
        let suppressed = CountKnowledge(rules: DisclosureRules()).bounds(.suppressed, recovered: nil)!
        var attack = DisclosureAttack(
            bounds: [system: .exact(43), place("02B", parent: "QBB"): .exact(40), place("02C", parent: "QBB"): suppressed], relations: relations)
        #expect(attack.recoveredHiddenCells() == [place("02C", parent: "QBB")])
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

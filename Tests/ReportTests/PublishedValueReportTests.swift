import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

@testable import Report

/// Values published without counts in the published tables (docs/DISCLOSURE.md, "Values without counts"):
/// the source's values and limits as given, every count cell withheld with its reason, and a value whose
/// limits give a small count away hidden.
struct PublishedValueReportTests {
    /// Runs the four stages over the tiny value world with `values`.
    static func publish(_ values: String) throws -> CheckpointStore {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld(values: values)
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        return try StageHarness.run(ReportStage(), configPath: config)
    }

    @Test func valuesAsGivenAndCountsSaidToBeUnpublished() throws {
        let store = try Self.publish(TestWorkspace.tinyPublishedValues)
        try store.pool.read { db in
            let league = try Row.fetchAll(
                db,
                sql: """
                    SELECT ics_ods_code, value, lcl95, ucl95, numerator, denominator, compare_england_2level, funnel_band FROM soc_ics_league
                    WHERE indicator_id = 'PUB' AND period_start = '2024-04-01' ORDER BY ics_ods_code
                    """)
            #expect(league.count == 2)
            let alpha = league[0], beta = league[1]
            #expect(alpha["value"] as Double? == 60 && alpha["lcl95"] as Double? == 55 && alpha["ucl95"] as Double? == 65)
            #expect(alpha["compare_england_2level"] as String? == "better_998" || alpha["compare_england_2level"] as String? == "better")
            #expect(alpha["funnel_band"] as String? == "not_applicable")
            // Never a number where the source published none: each count cell withheld, with its reason.
            for row in league { #expect(row["numerator"] as Double? == nil && row["denominator"] as Double? == nil) }
            #expect(beta["value"] as Double? == nil)
            let reasons = try String.fetchAll(
                db,
                sql: """
                    SELECT column_name || ' ' || action || ' ' || reason_code FROM soc_suppressed_cells WHERE indicator_id = 'PUB'
                    AND table_name = 'soc_ics_league' AND row_key LIKE 'PUB|2024-04-01|%' AND column_name IN ('numerator', 'denominator', 'value')
                    ORDER BY row_key, column_name
                    """)
            #expect(
                reasons == [
                    "denominator withheld counts_not_published_by_source", "numerator withheld counts_not_published_by_source",
                    "denominator withheld counts_not_published_by_source", "numerator withheld counts_not_published_by_source",
                    "value withheld suppressed_at_source",
                ], "\(reasons)")
            let england = try Row.fetchOne(
                db,
                sql: """
                    SELECT value, method, counted_from FROM soc_national_by_group WHERE indicator_id = 'PUB' AND period_start = '2024-04-01'
                    AND breakdown_type = 'all'
                    """)
            #expect(england?["value"] as Double? == 50)
            #expect((england?["method"] as String?)?.hasPrefix("proportion as its source published it") == true)
            let counts = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'PUB' AND item = 'counts'")
            #expect(counts?.hasPrefix("Not published by the source") == true && counts?.contains("the publisher's own England row") == true)
        }
    }

    /// Wilson limits of 3 of 10 give 3 and 10 back to anyone who inverts them: a count the rules suppress, so
    /// the value and its limits are hidden although the source published them; 30 of 100 give nothing away.
    @Test func aValueWhoseLimitsGiveASmallCountAwayIsHidden() throws {
        func row(_ code: String, _ x: Double, _ n: Double) throws -> String {
            let estimate = try #require(Proportion.estimate(numerator: x, denominator: n, multiplier: 100))
            let fields = [estimate.value, estimate.lower95, estimate.upper95].map { String(format: "%.10f", $0!) }
            return "\(code),ICBs,2024/25,\(fields.joined(separator: ",")),,,\n"
        }
        let header = TestWorkspace.tinyPublishedValues.split(separator: "\n")[0] + "\n"
        let values = header + "E92000001,England,2024/25,50.0,49.0,51.0,48.5,51.5,\n" + (try row("QAA", 3, 10)) + (try row("QBB", 30, 100))
        let store = try Self.publish(values)
        try store.pool.read { db in
            let shown = try Row.fetchAll(db, sql: "SELECT ics_ods_code, value, lcl95 FROM soc_ics_league WHERE indicator_id = 'PUB' ORDER BY ics_ods_code")
            #expect(shown.count == 2)
            #expect(shown[0]["value"] as Double? == nil && shown[0]["lcl95"] as Double? == nil)
            #expect(abs((shown[1]["value"] as Double? ?? 0) - 30) < 1e-6)
            let hidden = try String.fetchOne(
                db,
                sql: """
                    SELECT action || ' ' || reason_code FROM soc_suppressed_cells WHERE indicator_id = 'PUB' AND table_name = 'soc_ics_league'
                    AND row_key LIKE '%QAA' AND column_name = 'value'
                    """)
            #expect(hidden == "secondary_suppressed reveals_suppressed_count")
        }
    }
}

import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

@testable import Aggregate

/// The tiny world through all three stages: its LSOAs sit in deciles 1, 3, 8 and 10, so quintile 3 is missing.
struct AggregateStageTests {
    static let indicators = """
        [ { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better" } ]
        """

    @Test func missingQuintileIsFlaggedAndComparisonsAreWritten() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        let store = try StageHarness.run(AggregateStage(), configPath: config)
        try store.pool.read { (db: Database) throws -> Void in
            let england = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM inequality_index WHERE geography_level = 'england' AND quantile_type = 'imd_quintile'
                    """)
            #expect(england?["sii"] as Double? == nil)
            #expect((england?["unstable_reason"] as String?)?.hasPrefix("quantile 3 has no value") == true)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM england_comparison WHERE breakdown_type = 'all'") == 2)
            let gap = try Row.fetchOne(db, sql: "SELECT * FROM quintile_gap WHERE geography_level = 'england'")
            // Quintile 1 = LSOA 1 (12 events / 3,800), quintile 5 = LSOA 2 (3 / 3,800).
            #expect(abs((gap?["ratio"] as Double? ?? 0) - 4) < 1e-12)
            // England's facts only, as figures: the report stage words them and builds the ICS statements.
            let ratio = try Row.fetchAll(db, sql: "SELECT * FROM headline_fact WHERE statement_type = 'ratio_most_vs_least'")
            #expect(ratio.count == 1)
            #expect(abs((ratio.first?["value"] as Double? ?? 0) - 4) < 1e-12)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM headline_fact WHERE statement_type LIKE 'top_n_%' OR statement_type LIKE 'range_%'") == 0)
        }
    }

    /// England's relative index is a headline only when its SII is not flagged unstable: unstable figures
    /// are never headlined.
    @Test func anUnstableRelativeIndexIsNotHeadlined() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        try store.pool.read { (db: Database) throws -> Void in
            let values = try IndicatorValues(db, definitions: try IndicatorDefinition.fetchAll(db, orderedBy: [.indicator]))
            let definition = try #require(values.definitions.first)
            let period = try #require(try String.fetchOne(db, sql: "SELECT max(period) FROM indicator_value"))
            let key = InequalityKey(definition.indicator, period, IndicatorValues.england, .imdDecile)
            func relativeIndexFacts(unstable: String?) -> Int {
                let result = InequalityCalculator.Result(
                    sii: 2, siiLower: 1, siiUpper: 3, rii: 1.5, riiLower: 1.2, riiUpper: 1.8, closedForm: false,
                    unstableReason: unstable, quantiles: 10)
                return HeadlineFacts(values: values).facts(definition, period: period, baseline: nil, inequality: [key: result])
                    .filter { $0.kind == .relativeIndex }.count
            }
            #expect(relativeIndexFacts(unstable: nil) == 1)
            #expect(relativeIndexFacts(unstable: "quantile 2 population below 1000") == 0)
        }
    }

    /// Each place against its own ICS, not England (docs/METHODS.md §10, "Places"): QBB's places hold 40
    /// and 2 events in 3,800 people each, so one is far above the system's 5.5 per 1,000 and one far below.
    @Test func placesAreComparedWithTheirOwnSystem() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,40\nE01000004,2025-03,male,65-69,2\n")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        let store = try StageHarness.run(AggregateStage(), configPath: config)
        try store.pool.read { (db: Database) throws -> Void in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM place_comparison ORDER BY place_code")
            #expect(rows.map { $0["place_code"] as String } == ["01A", "02B", "02C"])
            let (alpha, beta, gamma) = (rows[0], rows[1], rows[2])
            // The benchmark is the ICS's own value: 42 events in 7,600 people.
            #expect(abs((beta["ics_value"] as Double) - 42.0 / 7_600 * 1000) < 1e-12)
            #expect(abs((alpha["ics_value"] as Double) - 15.0 / 7_600 * 1000) < 1e-12)
            // Lower is better: 40 / 3,800 (10.5) is worse, 2 / 3,800 (0.53) better, both beyond 99.8%.
            #expect(beta["comparison"] == "worse_998")
            #expect(beta["funnel_band"] == "high_998")
            #expect(gamma["comparison"] == "better_998")
            #expect(gamma["funnel_band"] == "low_998")
            // A system with one place: the place is the system.
            #expect(alpha["comparison"] == "similar")
            #expect(alpha["funnel_band"] == "within")
            // The funnel is centred on the ICS: its limits at a place's denominator bracket the ICS value.
            let lower: Double = beta["funnel_lcl95"], upper: Double = beta["funnel_ucl95"], ics: Double = beta["ics_value"]
            #expect(lower < ics && ics < upper)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM england_comparison WHERE icb_code IN ('01A', '02B', '02C')") == 0)
        }
    }
}

import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source with no age column (`"ageBand": []`): every row is all ages. It serves crude rates over all
/// ages; an age-standardised rate or an age range asked of it is a configuration error naming both.
struct AllAgesSourceTests {
    static func world(indicators: String) throws -> (TestWorkspace, String) {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: "lsoa_code,period,sex,events\nE01000001,2025-03,male,5\nE01000002,2025-03,female,7\n")
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,events\nE01000003,2025-03,female,4\nE01000004,2025-03,male,6\n")
        let config = TestWorkspace.tinyConfigJSON(indicators: indicators)
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"", with: "\"files\": \"extracts/{icb}/admissions.csv\", \"columns\": {\"ageBand\": []}")
        try workspace.write("pipeline.json", config)
        return (workspace, workspace.path("pipeline.json"))
    }

    @Test func crudeRatesOverAllAges() throws {
        let (workspace, config) = try Self.world(
            indicators:
                #"[{ "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "lower_is_better" }]"#
        )
        let store = try withExtendedLifetime(workspace) {
            try StageHarness.run(IngestStage(), configPath: config)
            return try StageHarness.run(TransformStage(), configPath: config)
        }
        try store.pool.read { db in
            let value = try Double.fetchOne(
                db,
                sql: "SELECT value FROM indicator_value WHERE indicator_id = 'RATE' AND geography_level = 'england' AND breakdown_type = 'all'")
            // 22 events over the tiny world's 4 LSOAs × 2 sexes × 19 bands × 100 people, per 1,000.
            #expect(value == 22.0 / 15_200 * 1_000)
            // All-ages rows are not "unknown age" in data quality.
            #expect(try Int.fetchOne(db, sql: "SELECT sum(records_unknown_age) FROM ingest_data_quality WHERE dataset = 'admissions'") == 0)
        }
    }

    @Test func ageStandardisationAndAgeRangesAreRefused() throws {
        let (dsrWorkspace, dsr) = try Self.world(
            indicators:
                #"[{ "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000, "unit": "per 100,000", "polarity": "lower_is_better" }]"#
        )
        #expect {
            try withExtendedLifetime(dsrWorkspace) { try StageHarness.run(IngestStage(), configPath: dsr) }
        } throws: { error in
            (error as? PipelineError)?.message.contains("indicators[0].method: DSR is age-standardised ('dsr'), but source 'admissions' has no ages") == true
        }
        let (rangeWorkspace, range) = try Self.world(
            indicators:
                #"[{ "id": "YOUNG", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "lower_is_better", "ageRange": { "from": 0, "to": 17 } }]"#
        )
        #expect {
            try withExtendedLifetime(rangeWorkspace) { try StageHarness.run(IngestStage(), configPath: range) }
        } throws: { error in
            (error as? PipelineError)?.message.contains("indicators[0].ageRange: YOUNG covers an age range, but source 'admissions' has no ages") == true
        }
    }

    /// "All ages" rows in an age column: a crude rate over them; mixed with rows by age, the later kind is
    /// set aside; a DSR of them is refused at transform, naming the indicator and the source.
    @Test func allAgesRowsInAnAgeColumn() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            admissionsQAA:
                "lsoa_code,period,sex,age_band,events\nE01000001,2025-03,male,All ages,5\nE01000002,2025-03,female,Total,7\nE01000002,2025-03,male,0-4,9\n",
            indicators:
                #"[{ "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "lower_is_better" }]"#
        )
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,all,4\n")
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        try store.pool.read { db in
            let value = try Double.fetchOne(
                db,
                sql: "SELECT value FROM indicator_value WHERE indicator_id = 'RATE' AND geography_level = 'england' AND breakdown_type = 'all'")
            #expect(value == 16.0 / 15_200 * 1_000)
            let quarantined = try Row.fetchAll(db, sql: "SELECT line, reason FROM ingest_quarantine WHERE source = 'admissions'")
            #expect(quarantined.map { "\($0[0] as Int) \($0[1] as String)" } == ["4 mixed_all_ages"])
            #expect(try String.fetchOne(db, sql: "SELECT top_age_band FROM ingest_source WHERE source = 'admissions'") == "all ages")
            #expect(try Int.fetchOne(db, sql: "SELECT sum(records_unknown_age) FROM ingest_data_quality WHERE dataset = 'admissions'") == 0)
        }
        try workspace.write(
            "pipeline.json",
            TestWorkspace.tinyConfigJSON(
                indicators:
                    #"[{ "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000, "unit": "per 100,000", "polarity": "lower_is_better" }]"#
            ))
        try StageHarness.run(IngestStage(), configPath: config)
        #expect {
            try StageHarness.run(TransformStage(), configPath: config)
        } throws: { error in
            (error as? PipelineError)?.message == "indicators: DSR needs ages ('dsr'), but source 'admissions' gives all-ages rows"
        }
    }
}

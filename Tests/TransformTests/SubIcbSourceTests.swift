import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source with one row per sub-ICB location and no deprivation split: added up to its ICS
/// (docs/DATA.md, "ICS-level sources").
struct SubIcbSourceTests {
    @Test func subIcbRowsAddUpToTheirSystem() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            admissionsQAA: "sub_icb_code,period,events\n01A,2025-03,5\n02B,2025-03,4\nE38000003,2025-03,6\n99Z,2025-03,2\n01A,2025-03,1\n")
        try workspace.write("extracts/QBB/admissions.csv", "sub_icb_code,period,events\n")
        let indicators =
            #"[{ "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "lower_is_better" }]"#
        let config = TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false", indicators: indicators)
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"",
                with: "\"files\": \"extracts/QAA/admissions.csv\", \"grain\": \"sub-icb\", \"columns\": {\"sex\": [], \"ageBand\": []}")
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { db in
            func rate(_ code: String) throws -> Double? {
                try Double.fetchOne(
                    db, sql: "SELECT value FROM indicator_value WHERE indicator_id = 'RATE' AND geography_code = ? AND breakdown_type = 'all'",
                    arguments: [code])
            }
            // QAA: 01A's 5 (its repeat is a duplicate) over 2 LSOAs × 2 sexes × 19 bands × 100 people; QBB:
            // 02B by ODS code and 02C by ONS code.
            #expect(try rate("QAA") == 5.0 / 7_600 * 1_000)
            #expect(try rate("QBB") == 10.0 / 7_600 * 1_000)
            let reasons = try String.fetchAll(db, sql: "SELECT reason FROM ingest_quarantine WHERE source = 'admissions' ORDER BY line")
            #expect(reasons == ["unknown_sub_icb", "duplicate_key"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_value WHERE indicator_id = 'RATE' AND breakdown_type = 'imd_quintile'") == 0)
        }
    }
}

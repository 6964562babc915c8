import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source that stops at an `85+` band (docs/DATA.md, "Ages"): age-standardised rates take 85-89 and
/// 90+ as one band, with both weights and both populations.
struct TopAgeBandTests {
    @Test func anEightyFivePlusBandIsStandardisedAsOne() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            admissionsQAA: """
                lsoa_code,period,sex,age_band,events
                E01000001,2025-03,male,85+,20
                E01000002,2025-03,female,0-4,12
                E01000002,2025-03,male,90+,3
                E01000001,2025-03,female,85 and over,0

                """,
            indicators:
                #"[{ "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000, "unit": "per 100,000", "polarity": "lower_is_better" }]"#
        )
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        try store.pool.read { db in
            let value = try Double.fetchOne(
                db, sql: "SELECT value FROM indicator_value WHERE indicator_id = 'DSR' AND geography_level = 'england' AND breakdown_type = 'all'")
            // England has 800 people in each band (4 LSOAs × 2 sexes × 100); QBB adds 4 events at 20-24 and 6 at
            // 65-69. The 85+ band has 1,600 people and the weights of 85-89 and 90+ (1,500 + 1,000), of 100,000:
            // (12/800 × 5,000 + 4/800 × 6,000 + 6/800 × 5,500 + 20/1,600 × 2,500) = 177.5 per 100,000.
            #expect(abs((value ?? 0) - 177.5) < 1e-9, "\(String(describing: value))")
            // The 90+ row contradicts the source's 85+ top band: set aside by line and reason.
            let quarantined = try Row.fetchAll(db, sql: "SELECT line, reason FROM ingest_quarantine WHERE source = 'admissions'")
            #expect(quarantined.map { "\($0[0] as Int) \($0[1] as String)" } == ["4 mixed_top_age_bands"])
            #expect(try String.fetchOne(db, sql: "SELECT top_age_band FROM ingest_source WHERE source = 'admissions'") == "85+")
        }
    }
}

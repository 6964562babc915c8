import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source counted by provider reads its ages as any source does (docs/DATA.md, "Ages" and "Counts by
/// provider"): here all-ages rows, shared out to ICBs in fractions.
struct ProviderSourceTests {
    @Test func allAgesRowsByProviderAreSharedOut() throws {
        let workspace = try TestWorkspace()
        let indicators =
            #"[{ "id": "RATE", "title": "Attendances", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "none" }]"#
        try workspace.writeTinyWorld(indicators: indicators)
        try workspace.write("ref/weights.csv", "provider_code,icb_code,share\nP1,QAA,0.25\nP1,QBB,0.75\nP2,QBB,1\n")
        try workspace.write("trusts.csv", "provider_code,period,age_band,events\nP1,2025-03,All ages,10\nP2,2025-03,all,3\nP9,2025-03,all ages,7\n")
        let config = TestWorkspace.tinyConfigJSON(indicators: indicators)
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"",
                with: "\"files\": \"trusts.csv\", \"grain\": \"provider\", \"attribution\": {\"file\": \"ref/weights.csv\"}, \"columns\": {\"sex\": []}")
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { (db: Database) throws -> Void in
            func rate(_ code: String) throws -> Double? {
                try Double.fetchOne(
                    db, sql: "SELECT value FROM indicator_value WHERE indicator_id = 'RATE' AND geography_code = ? AND breakdown_type = 'all'",
                    arguments: [code])
            }
            // QAA: a quarter of P1's 10; QBB: three quarters of it and all of P2's 3; 7,600 people each.
            #expect(try rate("QAA") == 2.5 / 7_600 * 1_000)
            #expect(try rate("QBB") == 10.5 / 7_600 * 1_000)
            #expect(try Int.fetchOne(db, sql: "SELECT events FROM ingest_unattributed WHERE provider_code = 'P9'") == 7)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_quarantine") == 0)
        }
    }
}

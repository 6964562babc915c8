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
            // England counts P9's 7 as well, in no ICS (docs/DATA.md, "Unknown places in the totals").
            #expect(try rate(GeographyLevel.englandCode) == 20 / 15_200 * 1_000)
            #expect(
                try Double.fetchOne(
                    db, sql: "SELECT numerator FROM indicator_value WHERE indicator_id = 'RATE' AND breakdown_type = 'ics_unknown'") == 7)
        }
    }

    /// Ingest with weights for R0A only and trust rows under R0A, its predecessor RW6 and RW6's own
    /// predecessor RX1, reading `successors` (the lookup's file is written by `lookup`).
    func ingestMerged(successors: String, lookup: String) throws -> CheckpointStore {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("ref/weights.csv", "provider_code,icb_code,share\nR0A,QAA,0.25\nR0A,QBB,0.75\n")
        try workspace.write("ref/succ.csv", lookup)
        try workspace.write(
            "trusts.csv", "provider_code,period,age_band,events\nR0A,2025-03,all,100\nRW6,2025-03,all,40\nRX1,2025-03,all,8\nP9,2025-03,all,5\n")
        let config = TestWorkspace.tinyConfigJSON()
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"",
                with:
                    "\"files\": \"trusts.csv\", \"grain\": \"provider\", \"attribution\": {\"file\": \"ref/weights.csv\", \"successors\": \(successors)}, \"columns\": {\"sex\": []}"
            )
        try workspace.write("pipeline.json", config)
        return try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
    }

    /// Merged providers (docs/DATA.md, "Merged providers"): RW6 and RX1 became R0A before the weights were
    /// drawn. Read through the lookup — a file with a header, or ODS's `succ.csv` as published, with no
    /// header row — their attendances are shared out by R0A's weights, down the line RX1 → RW6 → R0A; only
    /// P9, which the lookup does not name, is left unattributed.
    @Test(arguments: [
        (#"{"file": "ref/succ.csv"}"#, "predecessor_code,successor_code\nRW6,R0A\nRX1,RW6\n"),
        (#"{"file": "ref/succ.csv", "headerless": true, "vintage": "ODS succ.csv"}"#, "RW6,R0A,R,20200701,\nRX1,RW6,R,20170401,\n"),
    ])
    func mergedProvidersAreSharedOutByTheirSuccessorsWeights(successors: String, lookup: String) throws {
        let store = try ingestMerged(successors: successors, lookup: lookup)
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Double.fetchOne(db, sql: "SELECT sum(events) FROM ingest_attributed_event_total WHERE icb_code = 'QAA'") == 148 * 0.25)
            #expect(try Double.fetchOne(db, sql: "SELECT sum(events) FROM ingest_attributed_event_total WHERE icb_code = 'QBB'") == 148 * 0.75)
            #expect(try String.fetchAll(db, sql: "SELECT provider_code FROM ingest_unattributed") == ["P9"])
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") ?? ""
            #expect(notes.contains("2 merged providers shared out by their successors' weights: RW6 → R0A, RX1 → R0A"), "\(notes)")
            #expect(try String.fetchOne(db, sql: "SELECT kind FROM ref_vintage WHERE file = 'ref/succ.csv'") == "provider_successors")
        }
    }

    /// A split (one predecessor, two successors) or a line that comes back on itself would need weights the
    /// lookup does not give: refused, naming the file and line.
    @Test(arguments: [
        ("predecessor_code,successor_code\nRW6,R0A\nRW6,RXQ\n", "provider RW6 has two successors, R0A (line 2) and RXQ", "ref/succ.csv:3"),
        ("predecessor_code,successor_code\nRW6,RX1\nRX1,RW6\n", "the successors of provider RW6 lead back to RW6", "ref/succ.csv:3"),
    ])
    func aLookupThatCannotBeFollowedIsRefused(lookup: String, message: String, location: String) throws {
        #expect {
            try ingestMerged(successors: #"{"file": "ref/succ.csv"}"#, lookup: lookup)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains(location)
        }
    }
}

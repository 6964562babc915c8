import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// Sources coded to another LSOA vintage, converted onto the basis (docs/DATA.md, "Geography basis").
/// The tiny world's basis is E01000001…4; its "2011" codes E01900001…4 are unchanged (1), merged (2 and
/// 3 into E01000002) and split (4 into E01000003 and E01000004, a quarter and three quarters).
struct LsoaConversionTests {
    static let conversion = """
        from_code,to_code,change_code,share
        E01900001,E01000001,U,1
        E01900002,E01000002,M,1
        E01900003,E01000002,M,1
        E01900004,E01000003,S,0.25
        E01900004,E01000004,S,0.75

        """

    /// The tiny world with QAA's and QBB's admissions coded to 2011; returns the workspace and config path.
    static func world(admissionsQAA: String, admissionsQBB: String, conversion: String = conversion, basis: String = "\"2021\"") throws
        -> (TestWorkspace, String)
    {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: admissionsQAA)
        try workspace.write("extracts/QBB/admissions.csv", admissionsQBB)
        try workspace.write("ref/lsoa11_lsoa21.csv", conversion)
        var config = TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false")
        config = config.replacingOccurrences(
            of: "\"standardPopulation\": { \"name\": \"ESP2013\", \"file\": \"ref/esp2013.csv\" }",
            with: """
                "standardPopulation": { "name": "ESP2013", "file": "ref/esp2013.csv" },
                    "lsoaVintage": \(basis),
                    "lsoaConversions": [{ "from": "2011", "file": "ref/lsoa11_lsoa21.csv" }]
                """)
        config = config.replacingOccurrences(
            of: "\"files\": \"extracts/{icb}/admissions.csv\"", with: "\"files\": \"extracts/{icb}/admissions.csv\", \"lsoaVintage\": \"2011\"")
        try workspace.write("pipeline.json", config)
        return (workspace, workspace.path("pipeline.json"))
    }

    static let qaa = """
        lsoa_code,period,sex,age_band,events
        E01900001,2025-03,male,0-4,5
        E01900002,2025-03,female,90+,7
        E01900003,2025-03,female,90+,2
        E01900001,2025-03,male,0-4,1
        E01000001,2025-03,male,0-4,4

        """
    static let qbb = "lsoa_code,period,sex,age_band,events\nE01900004,2025-03,male,65-69,10\nE01900004,2025-03,female,65-69,3\n"

    @Test func unchangedMergedAndSplitAreas() throws {
        let (workspace, config) = try Self.world(admissionsQAA: Self.qaa, admissionsQBB: Self.qbb)
        let store = try withExtendedLifetime(workspace) { try StageHarness.run(IngestStage(), configPath: config) }
        try store.pool.read { db in
            func events(_ sub: String, _ decile: Int, _ sex: String, _ band: String) throws -> Int? {
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT events FROM ingest_event_total WHERE dataset = 'admissions' AND sub_icb_code = ? AND imd_decile = ?
                        AND sex = ? AND age_band = ?
                        """, arguments: [sub, decile, sex, band])
            }
            // Unchanged: exactly; the repeated 2011 row is a duplicate, the 2021 code is unknown to a 2011 source.
            #expect(try events("01A", 1, "male", "0-4") == 5)
            // Merged: both 2011 areas' rows, which are not duplicates of each other.
            #expect(try events("01A", 10, "female", "90+") == 9)
            // Split 1:3 — 10 events as 2 and 8 (D'Hondt: floors 2 and 7, the last to 0.75 / 8 > 0.25 / 3),
            // 3 events as 1 and 2 (floors 0 and 2, then a tie 0.25 / 1 = 0.75 / 3 to the first).
            #expect(try events("02B", 3, "male", "65-69") == 2)
            #expect(try events("02C", 8, "male", "65-69") == 8)
            #expect(try events("02B", 3, "female", "65-69") == 1)
            #expect(try events("02C", 8, "female", "65-69") == 2)
            let reasons = try String.fetchAll(db, sql: "SELECT reason FROM ingest_quarantine WHERE source = 'admissions' ORDER BY line")
            #expect(reasons == ["duplicate_key", "unknown_lsoa"])
            #expect(
                try Int.fetchOne(db, sql: "SELECT sum(events_apportioned) FROM ingest_data_quality WHERE dataset = 'admissions' AND icb_code = 'QBB'")
                    == 13)
            #expect(
                try Int.fetchOne(db, sql: "SELECT sum(events_apportioned) FROM ingest_data_quality WHERE dataset = 'admissions' AND icb_code = 'QAA'")
                    == 0)
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") ?? ""
            // 13 of the 27 events loaded.
            #expect(notes.contains("48.15% of events shared out from LSOAs split between vintages"), "\(notes)")
        }
    }

    @Test func sharedNumeratorsNeverExceedTheirDenominators() {
        var codes = LsoaIndex()
        _ = codes.insert("E01900004")
        let conversion = LsoaConversion(from: .lsoa2011, codes: codes, offsets: [0, 3], targets: [0, 1, 2], shares: [0.2, 0.3, 0.5])
        var numerator: [Int64] = [], denominator: [Int64] = []
        for total in Int64(0)...60 {
            conversion.apportion(total, range: 0..<3, into: &denominator)
            #expect(denominator.reduce(0, +) == total)
            for part in Int64(0)...total {
                conversion.apportion(part, range: 0..<3, into: &numerator)
                #expect(zip(numerator, denominator).allSatisfy { $0 <= $1 }, "\(part) of \(total): \(numerator) vs \(denominator)")
            }
        }
    }

    @Test func misconfiguredConversionsAreRefusedWithTheFix() throws {
        // A 2011 source with no conversion from 2011.
        let (workspace, config) = try Self.world(admissionsQAA: Self.qaa, admissionsQBB: Self.qbb)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try workspace.write(
            "pipeline.json", text.replacingOccurrences(of: "[{ \"from\": \"2011\", \"file\": \"ref/lsoa11_lsoa21.csv\" }]", with: "[]"))
        #expect {
            try withExtendedLifetime(workspace) { try StageHarness.run(IngestStage(), configPath: config) }
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("sources[1].lsoaVintage: 'admissions' is coded to 2011 LSOAs, the basis is 2021") == true
                && error?.hint?.contains("reference.lsoaConversions") == true
        }
        // Shares that do not sum to 1, named by file and line.
        let (badWorkspace, badShares) = try Self.world(
            admissionsQAA: Self.qaa, admissionsQBB: Self.qbb,
            conversion: Self.conversion.replacingOccurrences(of: "E01000004,S,0.75", with: "E01000004,S,0.70"))
        #expect {
            try withExtendedLifetime(badWorkspace) { try StageHarness.run(IngestStage(), configPath: badShares) }
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("the shares of E01900004 sum to 0.95") == true && error?.location?.line == 5
                && error?.location?.file == "ref/lsoa11_lsoa21.csv"
        }
        // A target outside the basis.
        let (outsideWorkspace, outside) = try Self.world(
            admissionsQAA: Self.qaa, admissionsQBB: Self.qbb,
            conversion: Self.conversion.replacingOccurrences(of: "E01900001,E01000001", with: "E01900001,E01000009"))
        #expect {
            try withExtendedLifetime(outsideWorkspace) { try StageHarness.run(IngestStage(), configPath: outside) }
        } throws: { error in
            (error as? PipelineError)?.message.contains("LSOA E01000009 is not in the ICB lookup") == true
        }
    }
}

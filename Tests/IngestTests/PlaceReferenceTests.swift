import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

/// The sub-ICB locations ("places") of the lookup and their names (docs/DATA.md, "Places").
struct PlaceReferenceTests {
    /// The tiny world with `reference.icb.subIcbs` pointing at `names`.
    func world(names: String) throws -> (TestWorkspace, String) {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        try workspace.write("ref/sub_icbs.csv", names)
        let json = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(
            of: "\"lsoaLookup\": \"ref/lsoa_icb.csv\"", with: "\"lsoaLookup\": \"ref/lsoa_icb.csv\", \"subIcbs\": \"ref/sub_icbs.csv\"")
        try workspace.write("pipeline.json", json)
        return (workspace, config)
    }

    @Test func everyLocationOfTheLookupIsAPlaceNamedWhenTheFileNamesIt() throws {
        let (workspace, config) = try world(
            names: "sub_icb_ods_code,sub_icb_ons_code,sub_icb_name,place_name,icb_ods_code\n02B,E38000002,NHS Beta ICB - 02B,Betatown,QBB\n")
        let store = try StageHarness.run(IngestStage(), configPath: config)
        let rows = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM ref_sub_icb ORDER BY sub_icb_code") }
        #expect(rows.map { $0["sub_icb_code"] as String } == ["01A", "02B", "02C"])
        #expect(rows.map { $0["icb_ods_code"] as String } == ["QAA", "QBB", "QBB"])
        // Named in the file: both names; not named: its code, never a made-up name.
        #expect(rows[1]["place_name"] == "Betatown")
        #expect(rows[1]["sub_icb_name"] == "NHS Beta ICB - 02B")
        #expect(rows[1]["sub_icb_ons_code"] == "E38000002")
        #expect(rows[2]["place_name"] == "02C")
        #expect(rows[2]["sub_icb_ons_code"] as String? == nil)
        _ = workspace
    }

    @Test func aNameForALocationTheLookupLacksNamesTheLineAndTheFix() throws {
        let (workspace, config) = try world(names: "sub_icb_ods_code,place_name\n02B,Betatown\n09Z,Nowhere\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error?.location?.file == "ref/sub_icbs.csv" && error?.location?.line == 3
                && error!.message.contains("09Z") && (error?.hint ?? "").contains("same ICB vintage")
        }
        _ = workspace
    }

    @Test func aLocationUnderAnotherIcbIsRefused() throws {
        let (workspace, config) = try world(names: "sub_icb_ods_code,place_name,icb_ods_code\n02B,Betatown,QAA\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error!.message.contains("under QBB in the LSOA lookup but QAA here")
        }
        _ = workspace
    }
}

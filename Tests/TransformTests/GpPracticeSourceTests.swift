import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source counted by GP practice (docs/DATA.md, "Counts by provider"): each practice's counts go whole to
/// the ICB the practice list gives it, with no share column; a practice the list does not name is reported.
struct GpPracticeSourceTests {
    @Test func practicesAreGivenToTheirIcb() throws {
        let workspace = try TestWorkspace()
        let indicators =
            #"[{ "id": "RATE", "title": "Attendances aged 0-4", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "none" }]"#
        try workspace.writeTinyWorld(indicators: indicators)
        try workspace.write("ref/practices.csv", "practice_code,icb_code\nA81001,QAA\nA81002,QBB\nA81003,E54000099\n")
        try workspace.write(
            "practices.csv", "practice_code,period,age_band,events\nA81001,2025-03,all,12\nA81002,2025-03,all,5\nA81003,2025-03,all,4\nZ99999,2025-03,all,9\n")
        let config = TestWorkspace.tinyConfigJSON(indicators: indicators)
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"",
                with:
                    "\"files\": \"practices.csv\", \"grain\": \"gp-practice\", \"attribution\": {\"file\": \"ref/practices.csv\", \"providerColumn\": \"practice_code\"}, \"columns\": {\"sex\": [], \"provider\": [\"practice_code\"]}"
            )
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { db in
            let values = Dictionary(
                try IndicatorValue.filter(IndicatorValue.Columns.breakdown == BreakdownType.all).fetchAll(db).map { ($0.code, $0) },
                uniquingKeysWith: { first, _ in first })
            // QAA: practice A81001's 12; QBB (named by its 2023 ONS code too): 5 + 4; 7,600 people each.
            #expect(values["QAA"]?.numerator == 12 && values["QBB"]?.numerator == 9)
            #expect(values["QAA"]?.value == 12.0 / 7_600 * 1_000)
            #expect(try UnattributedProvider.fetchAll(db).map(\.providerCode) == ["Z99999"])
            #expect(try IngestedSource.fetchAll(db).first { $0.source == "admissions" }?.grain == .gpPractice)
        }
    }
}

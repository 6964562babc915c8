import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source by GP practice split by the deprivation of each practice's registered population (docs/DATA.md,
/// "Deprivation of a practice's registered population"): practices ranked into national deciles by their
/// score, each given whole to its ICB by the practice list, rates over the lists the rows carry.
struct PracticeDeprivationSourceTests {
    /// Twelve scored practices (P12 the most deprived); the extract holds six of them, one the list lacks, one
    /// with no score, and one whose count the publisher suppressed with a note.
    func world(_ workspace: TestWorkspace, source: String? = nil, method: String = "crude_rate") throws -> String {
        let indicators =
            #"[{ "id": "AEU5", "title": "A&E attendances aged 0-4", "source": "admissions", "method": "\#(method)", "multiplier": 1000, "unit": "per 1,000", "polarity": "none", "breakdowns": ["imd_quintile", "imd_decile"] }]"#
        try workspace.writeTinyWorld(indicators: indicators)
        try workspace.write(
            "ref/practices.csv", "practice_code,icb_code\nP12,QAA\nP11,QAA\nP01,QBB\nP02,QBB\nP13,QBB\n")
        try workspace.write(
            "ref/scores.csv",
            "AreaCode,Year,Value\n" + (1...12).map { "P\(String(format: "%02d", $0)),2019,\($0).5\n" }.joined() + "P01,2015,40\n")
        try workspace.write(
            "practices.csv",
            """
            Area Code,Time period,Count,Denominator,Value note
            P12,2021/22,30,100,
            P11,2021/22,20,100,
            P01,2021/22,10,200,
            P02,2021/22,,100,Value suppressed for disclosure control reasons
            P13,2021/22,5,50,
            Z99,2021/22,7,70,

            """)
        let config = TestWorkspace.tinyConfigJSON(indicators: indicators)
            .replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"",
                with: source
                    ?? """
                    "files": "practices.csv", "grain": "gp-practice-deprivation", "rejectThreshold": 0.5,
                    "attribution": {"file": "ref/practices.csv", "providerColumn": "practice_code"},
                    "practiceDeprivation": {"file": "ref/scores.csv", "where": {"Year": ["2019"]}, "vintage": "test scores"},
                    "suppressedWhen": {"Value note": ["Value suppressed for disclosure control reasons"]},
                    "columns": {"sex": [], "ageBand": [], "provider": ["Area Code"], "period": ["Time period"], "events": ["Count"], "denominator": ["Denominator"]}
                    """
            )
        try workspace.write("pipeline.json", config)
        return workspace.path("pipeline.json")
    }

    @Test func practicesAreRankedGivenToTheirIcbAndCountedOverTheirLists() throws {
        let workspace = try TestWorkspace()
        let path = try world(workspace)
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { db in
            let values = try IndicatorValue.fetchAll(db)
            func value(_ code: String, _ type: BreakdownType, _ index: Int) -> IndicatorValue? {
                values.first { $0.code == code && $0.breakdown == type && $0.breakdownIndex == index }
            }
            // England: every practice with a count, over the lists of those rows (the suppressed P02 adds neither).
            #expect(value("E92000001", .all, 0)?.numerator == 72 && value("E92000001", .all, 0)?.denominator == 520)
            #expect(value("E92000001", .all, 0)?.value == 72.0 / 520 * 1000)
            // P12 and P11 are deciles 1 and 2 (the highest scores); P01 and P02 decile 10 (the two lowest, the larger group).
            #expect(value("E92000001", .imdQuintile, 1)?.numerator == 50 && value("E92000001", .imdQuintile, 1)?.denominator == 200)
            #expect(value("E92000001", .imdDecile, 1)?.numerator == 30 && value("E92000001", .imdDecile, 2)?.numerator == 20)
            #expect(value("E92000001", .imdQuintile, 5)?.numerator == 10 && value("E92000001", .imdQuintile, 5)?.denominator == 200)
            #expect(value("E92000001", .imdQuintile, 5)?.suppressedAtSourceRecords == 1)
            // P13 has no score: in QBB's total and England's, in no quintile; Z99 is in no list and has no score:
            // England's only, in no quintile either.
            #expect(value("E92000001", .imdUnknown, 0)?.numerator == 12)
            #expect(value("E92000001", .icsUnknown, 0)?.numerator == 7 && value("E92000001", .icsUnknown, 0)?.denominator == 70)
            #expect(value("QAA", .all, 0)?.numerator == 50 && value("QAA", .all, 0)?.value == 250)
            #expect(value("QBB", .all, 0)?.numerator == 15 && value("QBB", .all, 0)?.denominator == 250)
            let source = try #require(try IngestedSource.fetchAll(db).first { $0.source == "admissions" })
            #expect(source.grain == .gpPracticeDeprivation && source.rateDenominator == .sourceRows)
            let reasons = Set(try QuarantinedRow.fetchAll(db).map(\.reason))
            #expect(reasons == [.unknownPractice, .unrankedPractice])
        }
    }

    /// Places of GP practices (docs/DATA.md, "Places of GP practices"): with the practice list's sub-ICB column,
    /// each practice's counts and list are in its place, one with no score too (in no quintile); an ICS is the
    /// sum of its places.
    @Test func practicesArePlacedByTheirListsSubIcbLocation() throws {
        let workspace = try TestWorkspace()
        let path = try world(workspace)
        try workspace.write("ref/practices.csv", "practice_code,icb_code,loc\nP12,QAA,01A\nP11,QAA,01A\nP01,QBB,02B\nP02,QBB,02C\nP13,QBB,02C\n")
        let config = try String(contentsOfFile: path, encoding: .utf8)
        try workspace.write(
            "pipeline.json",
            config.replacingOccurrences(of: #""providerColumn": "practice_code"}"#, with: #""providerColumn": "practice_code", "placeColumn": "loc"}"#))
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { db in
            let places = try IndicatorValue.filter(IndicatorValue.Columns.level == GeographyLevel.place.rawValue).fetchAll(db)
            func place(_ code: String) -> IndicatorValue? { places.first { $0.code == code } }
            // 01A: P12 and P11; 02B: P01; 02C: P13, which has no score (P02's count was suppressed).
            #expect(place("01A")?.numerator == 50 && place("01A")?.denominator == 200 && place("01A")?.value == 250)
            #expect(place("02B")?.numerator == 10 && place("02B")?.denominator == 200)
            #expect(place("02C")?.numerator == 5 && place("02C")?.denominator == 50 && place("02C")?.value == 100)
            #expect(Set(places.map(\.breakdown)) == [.all])
            // QBB's 15 are its places' 10 and 5.
            let qbb = try IndicatorValue.filter(IndicatorValue.Columns.code == "QBB" && IndicatorValue.Columns.breakdown == "all").fetchOne(db)
            #expect(qbb?.numerator == 15 && qbb?.denominator == 250)
            #expect(try IndicatorPlace.fetchCount(db) == 3)
            #expect(try IngestedSource.fetchAll(db).first { $0.source == "admissions" }?.places == true)
        }
        // A place of another ICB, or not in the reference, stops ingest at its line.
        for (list, message) in [
            ("practice_code,icb_code,loc\nP12,QAA,02B\n", "sub-ICB location 02B of practice P12 (column 'loc') is not in its ICB QAA"),
            (
                "practice_code,icb_code,loc\nP12,QAA,01A\nP11,QAA,99Z\n",
                "sub-ICB location '99Z' of practice P11 (column 'loc') is not in the reference's sub-ICB locations"
            ),
        ] {
            try workspace.write("ref/practices.csv", list)
            let refused = ConfigLoaderMessage.of { try StageHarness.run(IngestStage(), configPath: path) }
            #expect(refused?.contains(message) == true, "\(refused ?? "")")
        }
        // Only practices are placed by their list.
        let provider = config.replacingOccurrences(of: #""grain": "gp-practice-deprivation""#, with: #""grain": "gp-practice""#)
            .replacingOccurrences(of: #""providerColumn": "practice_code"}"#, with: #""providerColumn": "practice_code", "placeColumn": "loc"}"#)
        try workspace.write("pipeline.json", provider)
        let refused = ConfigLoaderMessage.of { _ = try ConfigLoader.load(path: path) }
        #expect(refused?.contains("a place column gives each GP practice's sub-ICB location at grain 'gp-practice-deprivation'") == true, "\(refused ?? "")")
    }

    /// Fingertips' way of cutting practices into deciles: 11 − dplyr's `ntile` of the score.
    @Test func decilesAsFingertipsCutsThem() {
        let scores = (1...23).map { (code: String(format: "P%02d", $0), score: Double($0)) }
        let deciles = PracticeDeprivationReference.deciles(scores: scores)
        // 23 practices: the three least deprived groups take three, the rest two; the highest scores are decile 1.
        let sizes = (1...10).map { decile in deciles.values.filter { $0 == decile }.count }
        #expect(sizes == [2, 2, 2, 2, 2, 2, 2, 3, 3, 3])
        #expect(deciles["P23"] == 1 && deciles["P01"] == 10 && deciles["P09"] == 8 && deciles["P10"] == 7)
        // Ties are ranked by code, so the cut never depends on the file's order.
        let tied = PracticeDeprivationReference.deciles(scores: [("B", 5), ("A", 5)] + (1...8).map { ("Z\($0)", Double($0 + 10)) })
        #expect(tied["A"] == 10 && tied["B"] == 9)
        #expect(PracticeDeprivationReference.deciles(scores: [("A", 1), ("B", 2), ("C", 3)]) == ["A": 10, "B": 9, "C": 8])
    }

    @Test func aPracticeSourceThatCannotBeReadAsAskedIsRefused() throws {
        let workspace = try TestWorkspace()
        // Without the scores, the grain has nothing to rank practices by.
        let missing = try world(
            workspace,
            source:
                #""files": "practices.csv", "grain": "gp-practice-deprivation", "attribution": {"file": "ref/practices.csv", "providerColumn": "practice_code"}, "columns": {"sex": [], "ageBand": [], "provider": ["Area Code"], "period": ["Time period"], "events": ["Count"]}"#
        )
        #expect(throws: PipelineError.self) { _ = try ConfigLoader.load(path: missing) }
        // Scores beside a grain of other deciles, and a registered list at provider grain, are refused.
        let stray = try world(
            workspace,
            source:
                #""files": "practices.csv", "grain": "gp-practice", "attribution": {"file": "ref/practices.csv", "providerColumn": "practice_code"}, "practiceDeprivation": {"file": "ref/scores.csv"}, "columns": {"sex": [], "ageBand": [], "provider": ["Area Code"], "period": ["Time period"], "events": ["Count"], "denominator": ["Denominator"]}"#
        )
        let message = try #require(ConfigLoaderMessage.of { _ = try ConfigLoader.load(path: stray) })
        #expect(message.contains("practices are ranked by deprivation only at grain 'gp-practice-deprivation'"), "\(message)")
        // Scores that would rank a practice twice, or not at all as a number, stop ingest at their line.
        let twice = try world(workspace)
        try workspace.write("ref/scores.csv", "AreaCode,Year,Value\nP01,2019,1.5\nP02,2019,2.5\nP01,2019,3\n")
        let repeated = ConfigLoaderMessage.of { try StageHarness.run(IngestStage(), configPath: twice) }
        #expect(repeated?.contains("practice P01 has two deprivation scores (the first on line 2)") == true, "\(repeated ?? "")")
        try workspace.write("ref/scores.csv", "AreaCode,Year,Value\nP01,2019,high\n")
        let word = ConfigLoaderMessage.of { try StageHarness.run(IngestStage(), configPath: twice) }
        #expect(word?.contains("the deprivation score of practice P01 is not a number") == true, "\(word ?? "")")
        // Over a registered list, only a crude rate is computed.
        let standardised = try world(workspace, method: "dsr")
        let refused = try #require(ConfigLoaderMessage.of { _ = try ConfigLoader.load(path: standardised) })
        #expect(refused.contains("carries its own denominator"), "\(refused)")
    }
}

/// The message of the error a configuration is refused with.
enum ConfigLoaderMessage {
    static func of(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as PipelineError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}

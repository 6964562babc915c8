import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// Rates over a need-weighted population (docs/DATA.md, "Access against need"): a component of NHS England's
/// weighted populations by GP practice, summed over each ICB's practices, as an indicator's denominator.
struct NeedWeightedDenominatorTests {
    /// The tiny world's admissions (QAA 15, QBB 10) over residents and over need; the weights name QBB by its
    /// 2023 ONS code once.
    func world(_ workspace: TestWorkspace, indicator: String, weights: String? = nil) throws -> String {
        let indicators =
            #"[{ "id": "RES", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "none" }, \#(indicator)]"#
        try workspace.writeTinyWorld(indicators: indicators)
        try workspace.write(
            "ref/need.csv",
            weights ?? "practice_code,icb_ods_code,wp_mh,list\nP1,QAA,1000.25,900\nP2,QAA,499.75,600\nP3,E54000099,2500,2000\n")
        let config = TestWorkspace.tinyConfigJSON(indicators: indicators)
            .replacingOccurrences(
                of: "\"standardPopulation\": { \"name\": \"ESP2013\", \"file\": \"ref/esp2013.csv\" }",
                with:
                    "\"standardPopulation\": { \"name\": \"ESP2013\", \"file\": \"ref/esp2013.csv\" }, \"needWeights\": {\"file\": \"ref/need.csv\", \"components\": {\"mental_health\": \"wp_mh\", \"registered\": \"list\"}, \"vintage\": \"test weights\"}"
            )
        try workspace.write("pipeline.json", config)
        return workspace.path("pipeline.json")
    }

    static let needIndicator =
        #"{ "id": "NEED", "title": "Admissions against need", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000 weighted", "polarity": "none", "needWeighted": "mental_health" }"#

    @Test func ratesAreOverEachIcbsSummedWeights() throws {
        let workspace = try TestWorkspace()
        let path = try world(workspace, indicator: Self.needIndicator)
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        try store.pool.read { db in
            let sums = Dictionary(
                try NeedPopulation.filter(NeedPopulation.Columns.component == "mental_health").fetchAll(db).map { ($0.icbOdsCode, $0) },
                uniquingKeysWith: { first, _ in first })
            #expect(sums["QAA"]?.weightedPopulation == 1500 && sums["QAA"]?.practices == 2 && sums["QBB"]?.weightedPopulation == 2500)
            let values = try IndicatorValue.filter(IndicatorValue.Columns.indicator == "NEED").fetchAll(db)
            func value(_ code: String) -> IndicatorValue? { values.first { $0.code == code && $0.breakdown == .all } }
            // QAA's 15 admissions (all ages) over 1,500 weighted; England's 25 over 4,000; no split of any kind.
            #expect(value("QAA")?.numerator == 15 && value("QAA")?.denominator == 1500 && value("QAA")?.value == 10)
            #expect(value("QBB")?.value == 10.0 / 2500 * 1000)
            #expect(value("E92000001")?.numerator == 25 && value("E92000001")?.denominator == 4000)
            #expect(Set(values.map(\.breakdown)) == [.all])
            // The same events over residents are unchanged beside it.
            let residents = try IndicatorValue.filter(IndicatorValue.Columns.indicator == "RES" && IndicatorValue.Columns.code == "QAA").fetchAll(db)
            #expect(residents.first { $0.breakdown == .all }?.denominator == 7_600)
        }
    }

    /// Weights by allocation year (`{year}` in the file's name): March 2025 is over 2024/25's where a file
    /// gives that year, else the nearest (2023/24 before 2025/26, as near), and the transform says which.
    @Test func eachPeriodIsOverItsFinancialYearsAllocation() throws {
        let workspace = try TestWorkspace()
        let path = try world(workspace, indicator: Self.needIndicator)
        let config = try String(contentsOfFile: path, encoding: .utf8)
        try workspace.write("pipeline.json", config.replacingOccurrences(of: "\"file\": \"ref/need.csv\"", with: "\"file\": \"ref/need/{year}_*.csv\""))
        let header = "practice_code,icb_ods_code,wp_mh,list\n"
        try workspace.write("ref/need/2023_24.csv", header + "P1,QAA,1500,1\nP3,QBB,2500,1\n")
        try workspace.write("ref/need/2025_26.csv", header + "P1,QAA,3000,1\nP3,QBB,5000,1\n")
        func outcome() throws -> (qaa: Double?, year: NeedAllocationPeriod?) {
            try StageHarness.run(IngestStage(), configPath: path)
            let store = try StageHarness.run(TransformStage(), configPath: path)
            return try store.pool.read { db in
                let value = try IndicatorValue.filter(
                    IndicatorValue.Columns.indicator == "NEED" && IndicatorValue.Columns.code == "QAA" && IndicatorValue.Columns.breakdown == "all"
                ).fetchOne(db)
                return (value?.value, try NeedAllocationPeriod.fetchOne(db))
            }
        }
        // QAA's 15 admissions over 2023/24's 1,500: 10 per 1,000, the nearest year and not the period's own.
        let nearest = try outcome()
        #expect(nearest.qaa == 10 && nearest.year == NeedAllocationPeriod(period: "2025-03", allocationYear: 2023, ownYear: false))
        // With 2024/25's own weights (750), over those.
        try workspace.write("ref/need/2024_25.csv", header + "P1,QAA,750,1\nP3,QBB,2500,1\n")
        let own = try outcome()
        #expect(own.qaa == 20 && own.year == NeedAllocationPeriod(period: "2025-03", allocationYear: 2024, ownYear: true))
        // Two files of one year, or none at all, are refused naming the pattern's meaning.
        try workspace.write("ref/need/2024_25b.csv", header + "P1,QAA,750,1\n")
        let twice = ConfigLoaderMessage.of { try StageHarness.run(IngestStage(), configPath: path) }
        #expect(twice?.contains("two files give the allocation year 2024/25") == true, "\(twice ?? "")")
        try workspace.write("pipeline.json", config.replacingOccurrences(of: "\"file\": \"ref/need.csv\"", with: "\"file\": \"ref/none/{year}.csv\""))
        // (the error names the pattern as the missing file, wherever it is first looked for)
        #expect(throws: PipelineError.self) { try StageHarness.run(IngestStage(), configPath: path) }
        do {
            try StageHarness.run(IngestStage(), configPath: path)
        } catch let error as PipelineError {
            #expect(error.code == .inputMissing && error.location?.file == "ref/none/{year}.csv", "\(error)")
        }
    }

    @Test func whatANeedWeightedPopulationCannotGiveIsRefused() throws {
        let workspace = try TestWorkspace()
        func refusal(_ indicator: String, weights: String? = nil) throws -> String? {
            let path = try world(workspace, indicator: indicator, weights: weights)
            return ConfigLoaderMessage.of { _ = try ConfigLoader.load(path: path) }
        }
        let unknown = try refusal(Self.needIndicator.replacingOccurrences(of: "\"mental_health\"", with: "\"maternity\""))
        #expect(unknown?.contains("'maternity' is not a component of reference.needWeights (it has: mental_health, registered)") == true, "\(unknown ?? "")")
        let split = try refusal(Self.needIndicator.replacingOccurrences(of: "\"needWeighted\"", with: "\"breakdowns\": [\"imd_quintile\"], \"needWeighted\""))
        #expect(split?.contains("has no split by deprivation, sex or group") == true, "\(split ?? "")")
        let standardised = try refusal(Self.needIndicator.replacingOccurrences(of: "\"crude_rate\"", with: "\"dsr\""))
        #expect(standardised?.contains("only a crude_rate without an ageRange") == true, "\(standardised ?? "")")
        // A practice listed twice would double its weight: ingest refuses it with both lines.
        let path = try world(
            workspace, indicator: Self.needIndicator, weights: "practice_code,icb_ods_code,wp_mh,list\nP1,QAA,1,1\nP2,QBB,2,2\nP1,QAA,1,1\n")
        let message = ConfigLoaderMessage.of { try StageHarness.run(IngestStage(), configPath: path) }
        #expect(message?.contains("practice P1 is listed twice (first on line 2)") == true, "\(message ?? "")")
    }
}

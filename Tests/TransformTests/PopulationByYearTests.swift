import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Ingest

/// A population delivered by mid-year (`{year}` in its files): each period's rates over its own
/// mid-year's population, or the nearest year's, and the choice recorded for the publication (docs/DATA.md,
/// "Populations by year").
struct PopulationByYearTests {
    @Test func theMidYearOfAPeriodIsTheYearOfItsMiddleMonth() throws {
        func year(_ label: String, _ available: [Int]) throws -> (Int, Bool) {
            let period = try #require(Period(label: label))
            let choice = PopulationYear.choose(for: period, among: available)
            return (choice.year, choice.own)
        }
        #expect(try year("2024-25", [2023, 2024, 2025]) == (2024, true), "a financial year: its September")
        #expect(try year("2025-03", [2024, 2025]) == (2025, true))
        #expect(try year("12m-to-2022-12", [2021, 2022]) == (2022, true), "twelve months to December: their June")
        #expect(try year("12m-to-2025-03", [2024, 2025]) == (2024, true), "twelve months to March: the previous September")
        #expect(try year("2024-Q4", [2024]) == (2024, true))
        #expect(try year("2026-03", [2023, 2024]) == (2024, false), "the nearest year the source has")
        #expect(try year("2022-03", [2021, 2023]) == (2021, false), "of two as near, the earlier")
        #expect(try year("2022-03", [PopulationYear.everyPeriod]) == (PopulationYear.everyPeriod, true), "one population for every period")
    }

    @Test func yearGlobsMatchFourDigitsAndRecordThem() throws {
        let workspace = try TestWorkspace()
        try workspace.write("pop/mid-2021/lsoa.csv", "x\n")
        try workspace.write("pop/mid-2022/lsoa.csv", "x\n")
        try workspace.write("pop/mid-latest/lsoa.csv", "x\n")
        try workspace.write("files/sapelsoasyoa2020.csv", "x\n")
        let folders = try FileDiscovery.files(matching: "pop/mid-{year}/lsoa.csv", base: workspace.root)
        #expect(folders.map(\.year) == [2021, 2022])
        let names = try FileDiscovery.files(matching: "files/sapelsoasyoa{year}.csv", base: workspace.root)
        #expect(names.map(\.year) == [2020])
    }

    @Test func anExtractMayNotNameAYear() throws {
        let json = TestWorkspace.tinyConfigJSON().replacingOccurrences(of: "extracts/{icb}/admissions.csv", with: "extracts/{year}/admissions.csv")
        let error = try #require(throws: PipelineError.self) { try ConfigLoader.decode(Data(json.utf8), file: "pipeline.json") }
        #expect(error.description.contains("only a population's files name a {year}"))
    }

    /// The tiny world with its population as mid-2023 (100 per cell) and mid-2024 (200 per cell), and
    /// admissions in March 2023, 2024 and 2025: each period's rate is over its own year's population,
    /// March 2025 over mid-2024's, the nearest.
    @Test func eachPeriodIsOverItsOwnMidYear() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: TransformStageTests.indicators)
        let population = try String(contentsOfFile: workspace.path("ref/population.csv"), encoding: .utf8)
        try workspace.write("ref/population/mid-2023.csv", population)
        try workspace.write("ref/population/mid-2024.csv", population.replacingOccurrences(of: ",100\n", with: ",200\n"))
        try FileManager.default.removeItem(atPath: workspace.path("ref/population.csv"))
        var admissions = "lsoa_code,period,sex,age_band,events\n"
        for month in ["2023-03", "2024-03", "2025-03"] { admissions += "E01000001,\(month),male,50-54,6\nE01000003,\(month),female,20-24,4\n" }
        try workspace.write("extracts/QAA/admissions.csv", admissions)
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\n")
        try workspace.write("extracts/QAA/admissions.csv", admissions.replacingOccurrences(of: "E01000003", with: "E01000002"))
        try workspace.write(
            "extracts/QBB/admissions.csv",
            "lsoa_code,period,sex,age_band,events\n" + ["2023-03", "2024-03", "2025-03"].map { "E01000003,\($0),female,20-24,4\n" }.joined())
        let config = TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false", indicators: TransformStageTests.indicators)
            .replacingOccurrences(of: "\"files\": \"ref/population.csv\"", with: "\"files\": \"ref/population/mid-{year}.csv\"")
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        let (years, denominators) = try store.pool.read { db in
            (
                try PopulationPeriod.fetchAll(db, orderedBy: [.period]),
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT period, denominator FROM indicator_value WHERE indicator_id = 'RATE' AND geography_level = 'england' AND breakdown_type = 'all' ORDER BY period"
                )
            )
        }
        #expect(
            years == [
                PopulationPeriod(period: "2023-03", populationYear: 2023, ownYear: true),
                PopulationPeriod(period: "2024-03", populationYear: 2024, ownYear: true),
                PopulationPeriod(period: "2025-03", populationYear: 2024, ownYear: false),
            ])
        // 4 LSOAs × 2 sexes × 19 bands of 100 (mid-2023) or 200 (mid-2024).
        #expect(denominators.map { $0["denominator"] as Double } == [15_200, 30_400, 30_400])
        let stored = try store.pool.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT population_year FROM ingest_population ORDER BY 1") }
        #expect(stored == [2023, 2024])
    }
}

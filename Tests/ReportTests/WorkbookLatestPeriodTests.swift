import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Publication
@testable import Render
@testable import Report

/// The workbook holds each indicator's latest period (docs/PUBLISHED_TABLES.md, "The workbook"): at 24 months
/// of history a workbook of every period peaked at 666 MiB while written; the CSV and JSON keep every period.
struct WorkbookLatestPeriodTests {
    @Test func theWorkbookHoldsTheLatestPeriodAndTheCSVEvery() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: ReportStageTests.indicators)
        // A second, earlier month for both systems.
        for (icb, rows) in [("QAA", "E01000001,2025-02,male,0-4,9\nE01000002,2025-02,male,50-54,12\n"), ("QBB", "E01000003,2025-02,female,20-24,10\n")] {
            let path = workspace.path("extracts/\(icb)/admissions.csv")
            try workspace.write("extracts/\(icb)/admissions.csv", try String(contentsOfFile: path, encoding: .utf8) + rows)
        }
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        try StageHarness.run(ReportStage(), configPath: config)
        let latest = workspace.path("out/published/latest")
        let csv = try String(contentsOfFile: "\(latest)/csv/soc_ics_league.csv", encoding: .utf8)
        #expect(csv.contains("RATE,2025-02-01") && csv.contains("RATE,2025-03-01"), "the CSV keeps every period")
        let path = "\(latest)/state-of-care.xlsx"
        let sheets = try XLSXReader.sheetNames(path)
        let leagueSheet = try #require(sheets.firstIndex(of: XLSXWorkbookRenderer.sheetName(PublishedCatalog.icsLeague.table))) + 1
        let starts = try XLSXReader.cells(path, sheet: leagueSheet).filter { $0.row > 4 && $0.column == "C" }.map(\.value)
        #expect(!starts.isEmpty)
        // Period starts are dates (Excel serials): 2025-03-01 is 45717.
        #expect(Set(starts) == ["45717"], "only March 2025's rows: \(Set(starts))")
        let leagueRows = Set(try XLSXReader.cells(path, sheet: leagueSheet).filter { $0.row > 4 }.map(\.row)).count
        // The contents count what the workbook holds, and the cover says which periods.
        let contents = try XLSXReader.cells(path, sheet: 2)
        let listed = try #require(contents.first { $0.column == "B" && $0.value == PublishedCatalog.icsLeague.table.title }?.row)
        #expect(contents.first { $0.column == "D" && $0.row == listed }?.value == "\(leagueRows)")
        let cover = try XLSXReader.allText(path)
        #expect(cover.contains { $0.hasPrefix("Each indicator's latest period (March 2025). Every period published, February 2025 to March 2025") })
    }
}

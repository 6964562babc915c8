import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// The export reads tables a page at a time (docs/ARCHITECTURE.md, "Report memory"): pages must not show.
@Suite struct ReportExporterTests {
    @Test func tinyPagesWriteTheSameFilesAsOnePagePerTable() throws {
        let workspace = try TestWorkspace()
        let (store, latest) = try ReportStageTests.publish(workspace)
        let settings = try ConfigLoader.load(path: workspace.path("pipeline.json")).report
        let rowCounts = try store.reader.read { db in
            try PublishedCatalog.tables.map { try PublishedTableData.heading(db, table: $0).rowCount }
        }
        #expect(rowCounts.contains { $0 > 7 }, "some table must span several pages of 3")
        for (name, pageRows) in [("paged", 3), ("whole", 1_000_000)] {
            _ = try store.reader.read { db in
                try ReportExporter(settings: settings, pageRows: pageRows)
                    .export(db, formats: ReportSettings.Format.allCases, to: workspace.path(name))
            }
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: workspace.path("whole")).filter { $0.contains(".") }.sorted()
        #expect(files.count > 20)
        // The workbook records the second it was made, so it and the manifest's line for it may differ.
        func withoutWorkbook(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.contains(ReportExporter.workbookName) }.joined(separator: "\n")
        }
        for file in files where file != ReportExporter.workbookName {
            let paged = try Data(contentsOf: URL(fileURLWithPath: workspace.path("paged/\(file)")))
            let whole = try Data(contentsOf: URL(fileURLWithPath: workspace.path("whole/\(file)")))
            if file == ReportExporter.manifestName {
                #expect(withoutWorkbook(paged) == withoutWorkbook(whole), "the manifest differs between page sizes")
            } else {
                #expect(paged == whole, "\(file) differs between page sizes")
            }
        }
        // The workbook's package records when it was made; its sheets must match exactly.
        for sheet in 1...(3 + PublishedCatalog.tables.count) {
            let member = "xl/worksheets/sheet\(sheet).xml"
            #expect(
                try XLSXReader.member(workspace.path("paged/\(ReportExporter.workbookName)"), member)
                    == XLSXReader.member(workspace.path("whole/\(ReportExporter.workbookName)"), member), "\(member)")
        }
        // And the stage's own publication (pages of 1,000) is the same tables.
        let published = try Data(contentsOf: URL(fileURLWithPath: "\(latest)/csv/soc_ics_league.csv"))
        #expect(published == (try Data(contentsOf: URL(fileURLWithPath: workspace.path("paged/csv/soc_ics_league.csv")))))
    }
}

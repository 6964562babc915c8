import Foundation
import PipelineTestSupport
import Testing

@testable import Publication
@testable import Render

/// A percentage disclosure control shows whole is a whole number in the workbook too (docs/PUBLISHED_TABLES.md,
/// "Headers and precision"): `62`, never `62.0`, while the figures of its group that keep their decimals
/// (funnel limits) keep their format, and a row shown as computed keeps one decimal.
struct WorkbookPrecisionTests {
    @Test func aPercentageShownWholeIsFormattedWhole() throws {
        let workspace = try TestWorkspace()
        let table = PublishedCatalog.icsLeague.table
        let columns = table.columns
        func row(value: Double, funnelLower: Double) -> [PublishedTableData.Cell] {
            columns.map { column in
                switch column.name {
                case "indicator_id": .text("EIA01")
                case "period_start": .text("2025-03-01")
                case "period_end": .text("2025-03-31")
                case "value", "lcl95", "ucl95": .number(value)
                case "funnel_lcl95": .number(funnelLower)
                case "unit": .text("%")
                default: .empty
                }
            }
        }
        let reduced = table.statusGroups.map { $0.name == "value_status" ? PublishedCell.Action.reducedPrecision : nil }
        let data = PublishedTableData(
            table: table, columns: columns, rows: [row(value: 62, funnelLower: 57.9), row(value: 58.0, funnelLower: 57.9)],
            statuses: [reduced, Array(repeating: nil, count: table.statusGroups.count)], runID: "run", manifestSHA256: "hash")
        let cover = WorkbookCover(
            title: "Test", periodCovered: "March 2025", sources: [], publicationDate: Date(timeIntervalSince1970: 0), publisher: nil, contact: nil)
        let path = workspace.path("book.xlsx")
        try XLSXWorkbookRenderer(cover: cover, notes: []).write([data], to: path)
        // Worksheet columns: the published ones, shifted one right after the indicator's title.
        let letter = { (name: String) in XLSXReader.columnLetters(columns.firstIndex { $0.name == name }! + 1) }
        #expect(try XLSXReader.numberFormat(of: letter("value"), row: 5, sheet: 4, in: path) == "#,##0", "shown whole: 62")
        #expect(try XLSXReader.numberFormat(of: letter("lcl95"), row: 5, sheet: 4, in: path) == "#,##0")
        #expect(try XLSXReader.numberFormat(of: letter("funnel_lcl95"), row: 5, sheet: 4, in: path) == "#,##0.0", "its group's funnel limit keeps 57.9")
        #expect(try XLSXReader.numberFormat(of: letter("value"), row: 6, sheet: 4, in: path) == "#,##0.0", "computed 58.0 keeps its decimal")
    }
}

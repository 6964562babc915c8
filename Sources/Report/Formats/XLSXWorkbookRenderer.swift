import CXlsxWriter
import Foundation
import PipelineCore

/// One workbook of every published table, written with libxlsxwriter and laid out after the UK
/// Government Analysis Function guidance for releasing statistics in spreadsheets: a cover sheet,
/// a contents sheet, a notes sheet, then one table per sheet — title in A1, no merged cells, no blank
/// rows inside a table, numbers stored as numbers, `[c]`/`[x]`/`[z]` for hidden or empty cells.
public struct XLSXWorkbookRenderer {
    public static let suppressedSymbol = "[c]"
    public static let notApplicableSymbol = "[z]"

    let title: String
    /// Cover notes as (item, text).
    let notes: [(String, String)]

    /// - Parameter notes: cover notes as (item, text), e.g. the general rows of `soc_metadata`.
    public init(title: String, notes: [(String, String)]) {
        self.title = title
        self.notes = notes
    }

    /// Sheet name for a table: its name without `soc_` (at most 31 characters, as Excel requires).
    public static func sheetName(_ table: PublishedTable) -> String {
        String(table.name.replacingOccurrences(of: "soc_", with: "").prefix(31))
    }

    /// The formats every sheet shares.
    struct Formats {
        let bold, heading, wrap, count: UnsafeMutablePointer<lxw_format>

        init(_ workbook: Workbook) throws {
            bold = try workbook.format { format_set_bold($0) }
            heading = try workbook.format {
                format_set_bold($0); format_set_font_size($0, 14)
            }
            wrap = try workbook.format { format_set_text_wrap($0) }
            count = try workbook.format { format_set_num_format($0, "#,##0") }
        }
    }

    /// Writes a workbook of tables held whole (the same bytes as writing them page by page).
    public func write(_ tables: [PublishedTableData], to path: String) throws {
        let writer = try Writer(self, headings: tables.map(TableHeading.init), path: path)
        for data in tables {
            try writer.begin(TableHeading(data))
            try writer.write(data.rows)
            try writer.end()
        }
        try writer.close()
    }

    /// The workbook as a format written sheet by sheet: the cover, contents and notes first (they need
    /// only the tables' headings), then each table's rows as they arrive. The workbook is in
    /// constant-memory mode, so rows leave memory as they are written.
    final class Writer {
        let renderer: XLSXWorkbookRenderer
        let workbook: Workbook
        let formats: Formats
        let runID: String
        let manifest: String
        private var number = 0
        private var sheet: Workbook.Sheet?
        private var heading: TableHeading?
        private var nextRow = 0

        static let headerRow = 3

        init(_ renderer: XLSXWorkbookRenderer, headings: [TableHeading], path: String) throws {
            self.renderer = renderer
            workbook = try Workbook(path: path)
            formats = try Formats(workbook)
            runID = headings.lazy.compactMap(\.runID).first ?? "none"
            manifest = headings.lazy.compactMap(\.manifestSHA256).first ?? "none"
            try renderer.cover(workbook.addSheet("Cover"), formats, runID: runID, manifest: manifest)
            try renderer.contents(workbook.addSheet("Contents"), formats, headings)
            try renderer.notesSheet(workbook.addSheet("Notes"), formats)
        }

        func begin(_ heading: TableHeading) throws {
            number += 1
            let sheet = try workbook.addSheet(XLSXWorkbookRenderer.sheetName(heading.table))
            try sheet.write(0, 0, "Table \(number): \(heading.table.title)", formats.heading)
            try sheet.write(
                1, 0, XLSXWorkbookRenderer.cellText("This worksheet contains one table. \(heading.table.description) Symbols are explained on the notes sheet.")
            )
            try sheet.write(2, 0, "Run \(runID); manifest SHA-256 \(manifest).")
            for (column, definition) in heading.columns.enumerated() {
                try sheet.write(Self.headerRow, column, definition.name, formats.bold)
                try sheet.columnWidth(column, column, Double(min(max(definition.name.count + 2, 10), 45)))
            }
            self.sheet = sheet
            self.heading = heading
            nextRow = Self.headerRow + 1
        }

        func write(_ rows: [[PublishedTableData.Cell]]) throws {
            guard let sheet, let heading else { return }
            for row in rows {
                for (column, cell) in row.enumerated() {
                    switch cell {
                    case .text(let text): try sheet.write(nextRow, column, XLSXWorkbookRenderer.cellText(text))
                    case .integer(let value):
                        try sheet.write(nextRow, column, Double(value), heading.columns[column].kind == .count ? formats.count : nil)
                    case .number(let value): try sheet.write(nextRow, column, value)
                    case .suppressed: try sheet.write(nextRow, column, XLSXWorkbookRenderer.suppressedSymbol)
                    case .withheld: try sheet.write(nextRow, column, CellText.withheldSymbol)
                    case .empty: try sheet.write(nextRow, column, XLSXWorkbookRenderer.notApplicableSymbol)
                    }
                }
                nextRow += 1
            }
        }

        func end() throws {
            guard let sheet, let heading else { return }
            sheet.freezePanes(row: Self.headerRow + 1, column: 0)
            if !heading.columns.isEmpty {
                try sheet.autofilter(
                    firstRow: Self.headerRow, firstColumn: 0, lastRow: nextRow - 1, lastColumn: heading.columns.count - 1)
            }
            self.sheet = nil
            self.heading = nil
        }

        func close() throws { try workbook.close() }
    }

    func cover(_ sheet: Workbook.Sheet, _ formats: Formats, runID: String, manifest: String) throws {
        try sheet.write(0, 0, title, formats.heading)
        try sheet.write(
            1, 0,
            "Equity in access to health and care across England's 42 Integrated Care Systems: values by deprivation, inequality indices, comparisons with England and change since the baseline."
        )
        var rows: [(String, String)] = [("Run id", runID), ("Manifest SHA-256", manifest)]
        rows += notes.filter { ["program_version", "icb_vintage", "imd_vintage", "population_source", "disclosure_rules"].contains($0.0) }
            .map { ($0.0.replacingOccurrences(of: "_", with: " ").capitalized, $0.1) }
        rows.append(("Contents", "The contents sheet lists every table; the notes sheet explains symbols and methods."))
        try sheet.write(3, 0, "Item", formats.bold)
        try sheet.write(3, 1, "Detail", formats.bold)
        for (offset, row) in rows.enumerated() {
            try sheet.write(4 + offset, 0, row.0, formats.bold)
            try sheet.write(4 + offset, 1, Self.cellText(row.1), formats.wrap)
        }
        try sheet.columnWidth(0, 0, 22)
        try sheet.columnWidth(1, 1, 110)
    }

    func contents(_ sheet: Workbook.Sheet, _ formats: Formats, _ tables: [TableHeading]) throws {
        try sheet.write(0, 0, "Contents", formats.heading)
        try sheet.write(1, 0, "This worksheet contains one table. Select a sheet name to go to it.")
        for (column, header) in ["Sheet name", "Table title", "Description", "Rows"].enumerated() {
            try sheet.write(2, column, header, formats.bold)
        }
        for (offset, data) in tables.enumerated() {
            let row = 3 + offset, name = Self.sheetName(data.table)
            try sheet.link(row, 0, to: "internal:'\(name)'!A1", text: name)
            try sheet.write(row, 1, data.table.title)
            try sheet.write(row, 2, Self.cellText(data.table.description), formats.wrap)
            try sheet.write(row, 3, Double(data.rowCount), formats.count)
        }
        try sheet.columnWidth(0, 1, 26)
        try sheet.columnWidth(2, 2, 90)
    }

    func notesSheet(_ sheet: Workbook.Sheet, _ formats: Formats) throws {
        try sheet.write(0, 0, "Notes", formats.heading)
        try sheet.write(1, 0, "This worksheet contains one table.")
        try sheet.write(2, 0, "Note number", formats.bold)
        try sheet.write(2, 1, "Note text", formats.bold)
        let symbolNotes = [
            "\(Self.suppressedSymbol) = confidential: suppressed by disclosure control (a count in the suppression range, or a figure that would reveal one).",
            "\(CellText.withheldSymbol) = not available: the method gives no reliable figure (for example a directly standardised rate of fewer than 10 events).",
            "\(Self.notApplicableSymbol) = not applicable.",
        ]
        let allNotes =
            symbolNotes
            + notes.filter { !["title", "run_id", "manifest_sha256"].contains($0.0) }
            .map { "\($0.0.replacingOccurrences(of: "_", with: " ")): \($0.1)" }
        for (offset, note) in allNotes.enumerated() {
            try sheet.write(3 + offset, 0, "Note \(offset + 1)")
            try sheet.write(3 + offset, 1, Self.cellText(note), formats.wrap)
        }
        try sheet.columnWidth(0, 0, 14)
        try sheet.columnWidth(1, 1, 120)
    }

    /// Excel cells hold at most 32,767 characters.
    static func cellText(_ text: String) -> String { text.count > 32_000 ? String(text.prefix(32_000)) + "…" : text }
}

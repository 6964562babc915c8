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

    public func write(_ tables: [PublishedTableData], to path: String) throws {
        // Constant-memory mode: each row is flushed as soon as the next begins (rows are written in
        // order), so memory stays flat however many periods the tables hold; strings are stored inline.
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.use_zip64 = 1
        guard let workbook = workbook_new_opt(path, &options) else {
            throw PipelineError(.internal, "cannot create the workbook", at: InputLocation(file: path))
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let heading = workbook_add_format(workbook)
        format_set_bold(heading)
        format_set_font_size(heading, 14)
        let wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
        let count = workbook_add_format(workbook)
        format_set_num_format(count, "#,##0")

        let runID = tables.lazy.compactMap(\.runID).first ?? "none"
        let manifest = tables.lazy.compactMap(\.manifestSHA256).first ?? "none"

        // Cover.
        let cover = workbook_add_worksheet(workbook, "Cover")
        worksheet_write_string(cover, 0, 0, title, heading)
        worksheet_write_string(cover, 1, 0, "Equity in access to health and care across England's 42 Integrated Care Systems: values by deprivation, inequality indices, comparisons with England and change since the baseline.", nil)
        var coverRows: [(String, String)] = [("Run id", runID), ("Manifest SHA-256", manifest)]
        coverRows += notes.filter { ["program_version", "icb_vintage", "imd_vintage", "population_source", "disclosure_rules"].contains($0.0) }
            .map { ($0.0.replacingOccurrences(of: "_", with: " ").capitalized, $0.1) }
        coverRows.append(("Contents", "The contents sheet lists every table; the notes sheet explains symbols and methods."))
        worksheet_write_string(cover, 3, 0, "Item", bold)
        worksheet_write_string(cover, 3, 1, "Detail", bold)
        for (offset, row) in coverRows.enumerated() {
            worksheet_write_string(cover, lxw_row_t(4 + offset), 0, row.0, bold)
            worksheet_write_string(cover, lxw_row_t(4 + offset), 1, Self.cellText(row.1), wrap)
        }
        worksheet_set_column(cover, 0, 0, 22, nil)
        worksheet_set_column(cover, 1, 1, 110, nil)

        // Contents.
        let contents = workbook_add_worksheet(workbook, "Contents")
        worksheet_write_string(contents, 0, 0, "Contents", heading)
        worksheet_write_string(contents, 1, 0, "This worksheet contains one table. Select a sheet name to go to it.", nil)
        for (column, header) in ["Sheet name", "Table title", "Description", "Rows"].enumerated() {
            worksheet_write_string(contents, 2, lxw_col_t(column), header, bold)
        }
        for (offset, data) in tables.enumerated() {
            let row = lxw_row_t(3 + offset), sheet = Self.sheetName(data.table)
            worksheet_write_url_opt(contents, row, 0, "internal:'\(sheet)'!A1", nil, sheet, nil)
            worksheet_write_string(contents, row, 1, data.table.title, nil)
            worksheet_write_string(contents, row, 2, Self.cellText(data.table.description), wrap)
            worksheet_write_number(contents, row, 3, Double(data.rows.count), count)
        }
        worksheet_set_column(contents, 0, 1, 26, nil)
        worksheet_set_column(contents, 2, 2, 90, nil)

        // Notes.
        let notesSheet = workbook_add_worksheet(workbook, "Notes")
        worksheet_write_string(notesSheet, 0, 0, "Notes", heading)
        worksheet_write_string(notesSheet, 1, 0, "This worksheet contains one table.", nil)
        worksheet_write_string(notesSheet, 2, 0, "Note number", bold)
        worksheet_write_string(notesSheet, 2, 1, "Note text", bold)
        let symbolNotes = [
            "\(Self.suppressedSymbol) = confidential: suppressed by disclosure control (a count in the suppression range, or a figure that would reveal one).",
            "\(CellText.withheldSymbol) = not available: the method gives no reliable figure (for example a directly standardised rate of fewer than 10 events).",
            "\(Self.notApplicableSymbol) = not applicable.",
        ]
        let allNotes = symbolNotes + notes.filter { !["title", "run_id", "manifest_sha256"].contains($0.0) }.map { "\($0.0.replacingOccurrences(of: "_", with: " ")): \($0.1)" }
        for (offset, note) in allNotes.enumerated() {
            worksheet_write_string(notesSheet, lxw_row_t(3 + offset), 0, "Note \(offset + 1)", nil)
            worksheet_write_string(notesSheet, lxw_row_t(3 + offset), 1, Self.cellText(note), wrap)
        }
        worksheet_set_column(notesSheet, 0, 0, 14, nil)
        worksheet_set_column(notesSheet, 1, 1, 120, nil)

        // One table per sheet.
        for (number, data) in tables.enumerated() {
            let sheet = workbook_add_worksheet(workbook, Self.sheetName(data.table))
            worksheet_write_string(sheet, 0, 0, "Table \(number + 1): \(data.table.title)", heading)
            worksheet_write_string(sheet, 1, 0, Self.cellText("This worksheet contains one table. \(data.table.description) Symbols are explained on the notes sheet."), nil)
            worksheet_write_string(sheet, 2, 0, "Run \(runID); manifest SHA-256 \(manifest).", nil)
            let headerRow: lxw_row_t = 3
            for (column, definition) in data.columns.enumerated() {
                worksheet_write_string(sheet, headerRow, lxw_col_t(column), definition.name, bold)
                let width = Double(min(max(definition.name.count + 2, 10), 45))
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            for (offset, row) in data.rows.enumerated() {
                let rowIndex = headerRow + lxw_row_t(offset + 1)
                for (column, cell) in row.enumerated() {
                    let col = lxw_col_t(column)
                    switch cell {
                    case .text(let text): worksheet_write_string(sheet, rowIndex, col, Self.cellText(text), nil)
                    case .integer(let value): worksheet_write_number(sheet, rowIndex, col, Double(value), data.columns[column].kind == .count ? count : nil)
                    case .number(let value): worksheet_write_number(sheet, rowIndex, col, value, nil)
                    case .suppressed: worksheet_write_string(sheet, rowIndex, col, Self.suppressedSymbol, nil)
                    case .withheld: worksheet_write_string(sheet, rowIndex, col, CellText.withheldSymbol, nil)
                    case .empty: worksheet_write_string(sheet, rowIndex, col, Self.notApplicableSymbol, nil)
                    }
                }
            }
            worksheet_freeze_panes(sheet, headerRow + 1, 0)
            if !data.columns.isEmpty {
                worksheet_autofilter(sheet, headerRow, 0, headerRow + lxw_row_t(data.rows.count), lxw_col_t(data.columns.count - 1))
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw PipelineError(.internal, "cannot write the workbook: \(String(cString: lxw_strerror(status)))", at: InputLocation(file: path),
                                hint: "check free space and permissions of the output folder")
        }
    }

    /// Excel cells hold at most 32,767 characters.
    static func cellText(_ text: String) -> String { text.count > 32_000 ? String(text.prefix(32_000)) + "…" : text }
}

package import CXlsxWriter
import Foundation
import PipelineCore
package import Publication

/// One workbook of every published table, laid out after the UK Government Analysis Function guidance
/// for releasing statistics in spreadsheets (docs/PUBLISHED_TABLES.md, "The workbook"): a cover sheet
/// (title, period, sources, publication date, publisher, contact, disclosure control), a contents sheet,
/// a notes sheet, then one Excel table per sheet — title in A1, readable headers with units and note
/// references, columns as wide as their content, numbers stored as numbers at their stated precision
/// with a matching number format, dates as dates, `[c]`/`[x]`/`[z]` for hidden or empty cells, no merged
/// cells and no blank rows inside a table. Document properties are set.
package struct XLSXWorkbookRenderer {
    package static let suppressedSymbol = "[c]"
    package static let notApplicableSymbol = "[z]"

    package let cover: WorkbookCover
    /// General notes as (item, text), e.g. the general rows of `soc_metadata`.
    package let notes: [(String, String)]

    package init(cover: WorkbookCover, notes: [(String, String)]) {
        self.cover = cover
        self.notes = notes
    }

    /// Sheet name for a table: its name without `soc_` (at most 31 characters, as Excel requires).
    package static func sheetName(_ table: PublishedTable) -> String {
        String(table.name.replacingOccurrences(of: "soc_", with: "").prefix(31))
    }

    /// The notes sheet's rows, in order: the symbols, the disclosure control, then the general notes.
    package var noteTexts: [String] {
        [
            "\(Self.suppressedSymbol) = confidential: suppressed by disclosure control (a count in the suppression range, or a figure that would reveal one).",
            "\(CellText.withheldSymbol) = not available: the method gives no reliable figure (for example a directly standardised rate of fewer than 10 events).",
            "\(Self.notApplicableSymbol) = not applicable.",
            "Disclosure control: " + Self.inWorkbookSymbols(notes.first { $0.0 == "disclosure_rules" }?.1 ?? "none recorded")
                + ". Columns marked [note 4] may be suppressed, rounded or recomputed; the CSV and JSON files say which in their status columns.",
        ]
            + notes.filter { !["title", "run_id", "manifest_sha256", "disclosure_rules"].contains($0.0) }
            .map { "\($0.0.replacingOccurrences(of: "_", with: " ").capitalizedFirst): \($0.1)" }
    }

    /// The rules as the workbook shows them: the suppressed cells' symbol is the workbook's `[c]`, whatever
    /// the other formats use (`1–7 shown as *` is `1–7 shown as [c]` here; docs/PUBLISHED_TABLES.md, "The
    /// workbook").
    package static func inWorkbookSymbols(_ rules: String) -> String {
        guard let shown = rules.range(of: "shown as "), let end = rules[shown.upperBound...].firstIndex(of: ",") else { return rules }
        return rules.replacingCharacters(in: shown.upperBound..<end, with: suppressedSymbol)
    }

    /// The note that explains disclosure control, which controlled columns' headers cite.
    package static let disclosureNote = 4

    /// The formats every sheet shares, and one number format per precision.
    package final class Formats {
        package let bold, heading, wrap, header, count, date: UnsafeMutablePointer<lxw_format>
        private let workbook: Workbook
        private var numbers: [String: UnsafeMutablePointer<lxw_format>] = [:]

        package init(_ workbook: Workbook) throws {
            self.workbook = workbook
            bold = try workbook.format { format_set_bold($0) }
            heading = try workbook.format {
                format_set_bold($0); format_set_font_size($0, 14)
            }
            wrap = try workbook.format {
                format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            header = try workbook.format {
                format_set_bold($0); format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            count = try workbook.format { format_set_num_format($0, "#,##0") }
            date = try workbook.format { format_set_num_format($0, "d mmmm yyyy") }
        }

        /// The number format of a precision (created once).
        package func number(_ precision: PublishedColumn.Precision) throws -> UnsafeMutablePointer<lxw_format> {
            let code = precision.excelFormat
            if let format = numbers[code] { return format }
            let format = try workbook.format { format_set_num_format($0, code) }
            numbers[code] = format
            return format
        }
    }

    /// Writes a workbook of tables held whole (the same bytes as writing them page by page).
    package func write(_ tables: [PublishedTableData], to path: String) throws {
        let writer = try Writer(self, headings: tables.map(TableHeading.init), path: path)
        for data in tables {
            try writer.begin(TableHeading(data))
            try writer.write(data.rows, statuses: data.statuses)
            try writer.end()
        }
        try writer.close()
    }

    /// The workbook written sheet by sheet: the cover, contents and notes first (they need only the
    /// tables' headings), then each table's rows as they arrive, its Excel table and widths at its end.
    package final class Writer {
        package let renderer: XLSXWorkbookRenderer
        package let workbook: Workbook
        package let formats: Formats
        package let runID: String
        package let manifest: String
        private var number = 0
        private var sheet: Workbook.Sheet?
        private var heading: TableHeading?
        private var nextRow = 0
        /// Per column of the current table: the widest content so far, in characters.
        private var widths: [Int] = []
        private var cellFormats: [UnsafeMutablePointer<lxw_format>?] = []
        /// What each worksheet column shows: a published column, or the title of the indicator whose code is
        /// in the column before it.
        package enum Slot: Equatable {
            case column(Int)
            case indicatorTitle(of: Int)
        }
        private var slots: [Slot] = []
        /// The contents sheet, whose row counts are written as each table ends (rows of older periods are left out).
        private var contentsSheet: Workbook.Sheet?
        /// Where the current table's rows name their indicator and period, to keep only the latest period.
        private var indicatorColumn: Int?, periodColumn: Int?
        private var written = 0

        package static let headerRow = 3
        /// Columns are at most this wide; longer text wraps.
        package static let maximumWidth = 60

        package init(_ renderer: XLSXWorkbookRenderer, headings: [TableHeading], path: String) throws {
            self.renderer = renderer
            workbook = try Workbook(path: path)
            formats = try Formats(workbook)
            runID = headings.lazy.compactMap(\.runID).first ?? "none"
            manifest = headings.lazy.compactMap(\.manifestSHA256).first ?? "none"
            try workbook.setProperties(
                title: renderer.cover.title, subject: "Equity in access to health and care by deprivation across England's Integrated Care Systems",
                author: renderer.cover.publisher ?? "soc-pipeline", company: renderer.cover.publisher ?? "",
                keywords: "State of Care, equity in access, deprivation, ICS, slope index of inequality",
                comments: "Period covered: \(renderer.cover.periodCovered). Run \(runID).", created: renderer.cover.publicationDate)
            try renderer.coverSheet(workbook.addSheet("Cover"), formats, runID: runID, manifest: manifest)
            let contents = try workbook.addSheet("Contents")
            try renderer.contents(contents, formats, headings)
            contentsSheet = contents
            try renderer.notesSheet(workbook.addSheet("Notes"), formats)
        }

        /// The header a column shows: its label, with the disclosure note where disclosure control may act on it.
        /// `units` are the publication's units (``WorkbookCover/units``), named in place of "(in unit)".
        package static func header(_ column: PublishedColumn, in table: PublishedTable, units: [String] = []) -> String {
            let label = WorkbookUnitHeader.label(column, units: units)
            return table.statusGroup(of: column.name) == nil ? label : "\(label) [note \(XLSXWorkbookRenderer.disclosureNote)]"
        }

        package func begin(_ heading: TableHeading) throws {
            number += 1
            let sheet = try workbook.addSheet(XLSXWorkbookRenderer.sheetName(heading.table))
            try sheet.write(0, 0, "Table \(number): \(heading.table.title)", formats.heading)
            try sheet.write(1, 0, XLSXWorkbookRenderer.cellText("This worksheet contains one table. \(heading.table.description)"))
            let controlled = heading.columns.contains { heading.table.statusGroup(of: $0.name) != nil }
            try sheet.write(
                2, 0,
                "Notes 1 to 3 explain the symbols"
                    + (controlled
                        ? "; note \(XLSXWorkbookRenderer.disclosureNote) the disclosure control on columns marked [note \(XLSXWorkbookRenderer.disclosureNote)]"
                        : "")
                    + ". Run \(runID); manifest SHA-256 \(manifest).")
            slots = Self.slots(heading.columns)
            let headers = Self.headers(heading, units: renderer.cover.units)
            for (column, header) in headers.enumerated() { try sheet.write(Self.headerRow, column, header, formats.header) }
            // Headers wrap: a column is as wide as its content or its longest header word, whichever is wider.
            widths = headers.map { header in max(min(header.count, 14), header.split(separator: " ").map(\.count).max() ?? 0) }
            cellFormats = try slots.map { slot in
                guard case .column(let index) = slot else { return nil }
                let column = heading.columns[index]
                switch column.kind {
                case .count, .integer: return formats.count
                case .number: return try formats.number(column.precision)
                case .text: return Self.isDate(column.name) ? formats.date : nil
                }
            }
            self.sheet = sheet
            self.heading = heading
            nextRow = Self.headerRow + 1
            indicatorColumn = heading.columns.firstIndex { $0.name == "indicator_id" }
            periodColumn = heading.columns.firstIndex { $0.name == "period_start" }
            written = 0
        }

        /// Whether a row belongs in the workbook: a row of no period or indicator, or of its indicator's
        /// latest period (``WorkbookCover/latestPeriods``).
        private func isLatest(_ row: [PublishedTableData.Cell]) -> Bool {
            let latest = renderer.cover.latestPeriods
            guard !latest.isEmpty, let indicatorColumn, let periodColumn, indicatorColumn < row.count, periodColumn < row.count,
                let indicator = row[indicatorColumn].text, let newest = latest[indicator], let period = row[periodColumn].text, !period.isEmpty
            else { return true }
            return period == newest
        }

        package static func isDate(_ column: String) -> Bool { column == "period_start" || column == "period_end" }

        /// The worksheet's columns: every published column, with the indicator's title after its code.
        package static func slots(_ columns: [PublishedColumn]) -> [Slot] {
            columns.indices.flatMap { index in
                columns[index].name == "indicator_id" ? [Slot.column(index), .indicatorTitle(of: index)] : [.column(index)]
            }
        }

        /// The headers of a table's worksheet columns.
        package static func headers(_ heading: TableHeading, units: [String] = []) -> [String] {
            slots(heading.columns).map { slot in
                switch slot {
                case .column(let index): header(heading.columns[index], in: heading.table, units: units)
                case .indicatorTitle: "Indicator"
                }
            }
        }

        /// `statuses` are the rows' status groups' actions: a number disclosure control shows whole (reduced
        /// precision) is formatted whole, never as `62.0`.
        package func write(_ rows: [[PublishedTableData.Cell]], statuses: [[PublishedCell.Action?]] = []) throws {
            guard let sheet, let heading else { return }
            let groupOf = heading.columns.map { column in heading.table.statusGroups.firstIndex { $0.members.contains(column.name) } }
            let whole = try formats.number(.decimals(0))
            for (rowIndex, row) in rows.enumerated() where isLatest(row) {
                written += 1
                for (column, slot) in slots.enumerated() {
                    let cell: PublishedTableData.Cell
                    let definition: PublishedColumn
                    switch slot {
                    case .column(let index):
                        guard index < row.count else { continue }
                        cell = row[index]
                        definition = heading.columns[index]
                    case .indicatorTitle(let index):
                        let code = index < row.count ? row[index].text ?? "" : ""
                        let title = renderer.cover.indicatorTitles[code] ?? (code == "all" ? "The whole publication" : "")
                        try sheet.write(nextRow, column, XLSXWorkbookRenderer.cellText(title))
                        widths[column] = max(widths[column], title.count)
                        continue
                    }
                    let shown: String
                    switch cell {
                    case .text(let text):
                        if Self.isDate(definition.name), let date = Self.date(text), let format = cellFormats[column] {
                            try sheet.write(nextRow, column, date: date, format)
                            shown = "\(date.day) \(Period.monthNames[date.month - 1]) \(date.year)"
                        } else {
                            // Outcome codes in words here; the CSV and JSON keep the codes.
                            let words = WorkbookWords.isOutcome(definition.name) ? WorkbookWords.words(text, column: definition.name) : text
                            shown = XLSXWorkbookRenderer.cellText(words)
                            try sheet.write(nextRow, column, shown)
                        }
                    case .integer(let value):
                        try sheet.write(nextRow, column, Double(value), cellFormats[column])
                        shown = FigureText.figure(Double(value), decimals: 0)
                    case .number(let value):
                        let rounded = definition.precision.round(value)
                        // Whole where its group was shown to fewer places: the group may hold other figures (funnel
                        // limits) that keep their decimals, so only a whole number is formatted whole.
                        var reduced = false
                        if case .column(let index) = slot, let group = groupOf[index], rowIndex < statuses.count, group < statuses[rowIndex].count {
                            reduced = statuses[rowIndex][group] == .reducedPrecision && rounded == rounded.rounded()
                        }
                        try sheet.write(nextRow, column, rounded, reduced ? whole : cellFormats[column])
                        shown = CellText(suppressedSymbol: "").display(cell, definition)
                    case .suppressed, .withheld, .empty:
                        shown = Self.symbol(cell)
                        try sheet.write(nextRow, column, shown)
                    }
                    widths[column] = max(widths[column], shown.count)
                }
                nextRow += 1
            }
        }

        /// The symbol a hidden or empty cell shows.
        package static func symbol(_ cell: PublishedTableData.Cell) -> String {
            switch cell {
            case .suppressed: XLSXWorkbookRenderer.suppressedSymbol
            case .withheld: CellText.withheldSymbol
            case .empty, .text, .integer, .number: XLSXWorkbookRenderer.notApplicableSymbol
            }
        }

        /// `2024-03-01` as year, month and day.
        package static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
            return (parts[0], parts[1], parts[2])
        }

        package func end() throws {
            guard let sheet, let heading else { return }
            try contentsSheet?.write(3 + number - 1, 3, Double(written), formats.count)
            sheet.freezePanes(row: Self.headerRow + 1, column: 0)
            for (column, width) in widths.enumerated() {
                try sheet.columnWidth(column, column, Double(min(max(width, 6), Self.maximumWidth) + 2))
            }
            // An Excel table needs a row under its header; an empty table keeps its header row only.
            if nextRow > Self.headerRow + 1 {
                try sheet.addTable(
                    name: "table_" + XLSXWorkbookRenderer.sheetName(heading.table), firstRow: Self.headerRow, lastRow: nextRow - 1,
                    headers: Self.headers(heading, units: renderer.cover.units), headerFormat: formats.header)
            }
            self.sheet = nil
            self.heading = nil
        }

        package func close() throws { try workbook.close() }
    }

    package func coverSheet(_ sheet: Workbook.Sheet, _ formats: Formats, runID: String, manifest: String) throws {
        try sheet.write(0, 0, cover.title, formats.heading)
        try sheet.write(
            1, 0,
            "Equity in access to health and care across England's 42 Integrated Care Systems: values by deprivation, inequality indices, comparisons with England and change since the baseline."
        )
        var rows: [(String, String)] = [
            ("Period covered", cover.periodCovered)
        ]
        if let latest = cover.latestCovered, cover.periodCovered != latest {
            rows.append(
                (
                    "Periods in this workbook",
                    "Each indicator's latest period (\(latest)). Every period published, \(cover.periodCovered), is in the CSV and JSON files of the publication (csv/<table>.csv)."
                ))
        }
        rows += [
            ("Publication date", cover.publicationDateText),
            ("Published by", cover.publisher ?? "Not configured (report.publisher in pipeline.json)"),
            ("Contact", cover.contact ?? "Not configured (report.contact in pipeline.json)"),
        ]
        rows += cover.sources.map { ("Source: \($0.indicator)", $0.text) }
        let general = Dictionary(notes, uniquingKeysWith: { first, _ in first })
        rows += [
            ("Disclosure control", Self.inWorkbookSymbols(general["disclosure_rules"] ?? "none recorded")),
            ("Deprivation", general["imd_vintage"] ?? ""),
            ("ICB boundaries", general["icb_vintage"] ?? ""),
            ("Populations", general["population_source"] ?? ""),
            ("Program version", general["program_version"] ?? ""),
            ("Run id", runID), ("Input manifest SHA-256", manifest),
            ("Contents", "The contents sheet lists every table; the notes sheet explains symbols and methods."),
        ]
        try sheet.write(3, 0, "Item", formats.bold)
        try sheet.write(3, 1, "Detail", formats.bold)
        for (offset, row) in rows.enumerated() {
            try sheet.write(4 + offset, 0, row.0, formats.bold)
            try sheet.write(4 + offset, 1, Self.cellText(row.1), formats.wrap)
            try sheet.rowHeight(4 + offset, Self.wrappedHeight(row.1, width: 110))
        }
        try sheet.columnWidth(0, 0, 24)
        try sheet.columnWidth(1, 1, 110)
    }

    /// The height (points) a wrapped text needs in a column `width` characters wide: 15 points a line.
    package static func wrappedHeight(_ text: String, width: Int) -> Double {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { $0 + max(1, ($1.count + width - 6) / (width - 5)) }
        return Double(max(1, lines)) * 15
    }

    package func contents(_ sheet: Workbook.Sheet, _ formats: Formats, _ tables: [TableHeading]) throws {
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
            // The rows this workbook holds: written as each table ends (``Writer/end()``).
            try sheet.write(row, 3, Double(cover.latestPeriods.isEmpty ? data.rowCount : 0), formats.count)
            try sheet.rowHeight(row, Self.wrappedHeight(data.table.description, width: 90))
        }
        // A real Excel table, as the sheet's first line says.
        if !tables.isEmpty {
            try sheet.addTable(
                name: "contents", firstRow: 2, lastRow: 2 + tables.count, headers: ["Sheet name", "Table title", "Description", "Rows"],
                headerFormat: formats.header)
        }
        try sheet.columnWidth(0, 1, 26)
        try sheet.columnWidth(2, 2, 90)
    }

    package func notesSheet(_ sheet: Workbook.Sheet, _ formats: Formats) throws {
        try sheet.write(0, 0, "Notes", formats.heading)
        try sheet.write(1, 0, "This worksheet contains one table. Tables and headers cite these notes as [note N].")
        try sheet.write(2, 0, "Note number", formats.bold)
        try sheet.write(2, 1, "Note text", formats.bold)
        for (offset, note) in noteTexts.enumerated() {
            try sheet.write(3 + offset, 0, "note \(offset + 1)")
            try sheet.write(3 + offset, 1, Self.cellText(note), formats.wrap)
            try sheet.rowHeight(3 + offset, Self.wrappedHeight(note, width: 120))
        }
        try sheet.addTable(name: "notes", firstRow: 2, lastRow: 2 + noteTexts.count, headers: ["Note number", "Note text"], headerFormat: formats.header)
        try sheet.columnWidth(0, 0, 14)
        try sheet.columnWidth(1, 1, 120)
    }

    /// Excel cells hold at most 32,767 characters.
    package static func cellText(_ text: String) -> String { text.count > 32_000 ? String(text.prefix(32_000)) + "…" : text }
}

extension String {
    /// The string with its first letter upper-cased, the rest untouched (`icb vintage` → `Icb vintage`).
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

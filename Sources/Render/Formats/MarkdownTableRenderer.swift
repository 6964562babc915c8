package import Foundation
import PipelineCore
package import Publication

/// A Markdown version of a table for pasting into drafts (docs/PUBLISHED_TABLES.md, "Markdown"): the
/// title, description, run and symbols once, then a narrow GitHub pipe table per indicator and period
/// with the table's summary columns, or exactly the columns a reader chose (`tables show --columns`).
/// Every column is in the CSV.
package struct MarkdownTableRenderer: Sendable {
    package let text: CellText
    package let showsChosenColumns: Bool

    /// `showsChosenColumns`: the data holds the columns the reader asked for, so show them all, in
    /// order, instead of the table's summary.
    package init(text: CellText, showsChosenColumns: Bool = false) {
        self.text = text
        self.showsChosenColumns = showsChosenColumns
    }

    package func render(_ data: PublishedTableData) -> Data {
        let heading = TableHeading(data)
        var out = header(heading)
        var group: String?
        appendRows(data.rows, heading: heading, group: &group, to: &out)
        return Data(out.utf8)
    }

    /// Title, description, run and symbols.
    package func header(_ heading: TableHeading) -> String {
        var out = "## \(heading.table.title) (`\(heading.table.name)`)\n\n\(heading.table.description)\n\n"
        out += "Run `\(heading.runID ?? "none")`, manifest SHA-256 `\(heading.manifestSHA256 ?? "none")`. "
        out +=
            "`\(text.suppressedSymbol)` = suppressed (a small count, or a figure that would reveal one); `\(CellText.withheldSymbol)` = not available (the method gives no reliable figure). "
        out += "Every column is in `csv/\(heading.table.name).csv`.\n"
        return out
    }

    /// Rows as summary tables, a new one (with its heading) whenever the indicator or period changes;
    /// `group` carries the current one from page to page.
    package func appendRows(_ rows: [[PublishedTableData.Cell]], heading: TableHeading, group: inout String?, to out: inout String) {
        let index = Dictionary(uniqueKeysWithValues: heading.columns.enumerated().map { ($1.name, $0) })
        let fields =
            showsChosenColumns
            ? heading.columns.map { SummaryField.column($0.name, heading: $0.label) }
            : heading.table.summary.filter { $0.names.allSatisfy { index[$0] != nil } }
        // Each field's cells by position, found once per page rather than once per cell.
        let positions = fields.map { $0.names.map { index[$0]! } }
        // The cells a group title is made of; the title is worked out again only when they change.
        let titled = [ProvenanceColumn.indicatorID.rawValue, ProvenanceColumn.periodStart.rawValue, ProvenanceColumn.periodEnd.rawValue, "unit"]
            .compactMap { index[$0] }
        var titledCells: [PublishedTableData.Cell]?
        for row in rows {
            let cellsOfTitle = titled.map { row[$0] }
            if cellsOfTitle != titledCells {
                titledCells = cellsOfTitle
                let title = Self.groupTitle(row, index: index)
                if title != group {
                    group = title
                    out += title.isEmpty ? "\n" : "\n### \(title)\n\n"
                    out += "| " + fields.map { Self.escape($0.heading) }.joined(separator: " | ") + " |\n"
                    out += "|" + fields.map { heading.table.column($0.names[0])?.kind == .text ? "---|" : "---:|" }.joined() + "\n"
                }
            }
            out += "| "
            for (number, field) in fields.enumerated() {
                if number > 0 { out += " | " }
                let at = positions[number]
                switch field {
                case .column:
                    out += Self.escape(text.display(row[at[0]], heading.columns[at[0]]))
                case .interval:
                    let low = row[at[0]], high = row[at[1]]
                    let shown = text.display(low, heading.columns[at[0]])
                    out += Self.escape(low.number != nil && high.number != nil ? "\(shown) to \(text.display(high, heading.columns[at[1]]))" : shown)
                }
            }
            out += " |\n"
        }
    }

    /// The heading of a row's summary table: its indicator, its period as people read it, and its unit
    /// (empty when the columns shown have none of them).
    package static func groupTitle(_ row: [PublishedTableData.Cell], index: [String: Int]) -> String {
        var parts = index[ProvenanceColumn.indicatorID.rawValue].flatMap { row[$0].text }.map { [$0] } ?? []
        if let start = index[ProvenanceColumn.periodStart.rawValue].flatMap({ row[$0].text }),
            let end = index[ProvenanceColumn.periodEnd.rawValue].flatMap({ row[$0].text })
        {
            parts.append(FigureText.period(start: start, end: end))
        }
        if let unit = index["unit"].flatMap({ row[$0].text }) { parts.append("values in \(unit)") }
        return parts.joined(separator: " · ")
    }

    /// One pass: backslash, pipe and asterisk escaped, line breaks as spaces.
    package static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "*") || $0 == 0x0A }) else {
            return value
        }
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        for character in value {
            switch character {
            case "\\", "|", "*": out.append("\\"); out.append(character)
            case "\n", "\r\n": out.append(" ")
            default: out.append(character)
            }
        }
        return out
    }
}

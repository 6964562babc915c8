public import Foundation
import PipelineCore

/// A Markdown (GitHub pipe table) version of a table, for pasting into drafts: the title, the
/// description, the run it comes from, the symbols, then the table without the run-wide columns.
public struct MarkdownTableRenderer: Sendable {
    let text: CellText
    /// Columns the same on every row of a run, stated once above the table instead.
    static let runWideColumns: Set<String> = ["run_id", "manifest_sha256", "imd_vintage", "icb_vintage", "population_source"]

    public init(text: CellText) { self.text = text }

    public func render(_ data: PublishedTableData) -> Data {
        let heading = TableHeading(data)
        var out = header(heading)
        appendRows(data.rows, shown: shown(heading), to: &out)
        return Data(out.utf8)
    }

    /// Indices of the columns shown in the table (the run-wide ones are stated above it).
    func shown(_ heading: TableHeading) -> [Int] {
        heading.columns.indices.filter { !Self.runWideColumns.contains(heading.columns[$0].name) }
    }

    /// Title, description, run, symbols, and the table's header and alignment rows.
    func header(_ heading: TableHeading) -> String {
        let shown = shown(heading)
        var out = "## \(heading.table.title) (`\(heading.table.name)`)\n\n\(heading.table.description)\n\n"
        out += "Run `\(heading.runID ?? "none")`, manifest SHA-256 `\(heading.manifestSHA256 ?? "none")`. "
        out +=
            "`\(text.suppressedSymbol)` = suppressed (a small count, or a figure that would reveal one); `\(CellText.withheldSymbol)` = not available (the method gives no reliable figure).\n\n"
        out += "| " + shown.map { Self.escape(heading.columns[$0].name) }.joined(separator: " | ") + " |\n"
        out += "|" + shown.map { heading.columns[$0].kind == .text ? "---|" : "---:|" }.joined() + "\n"
        return out
    }

    /// Table rows, the shown columns only.
    func appendRows(_ rows: [[PublishedTableData.Cell]], shown: [Int], to out: inout String) {
        for row in rows {
            out += "| " + shown.map { Self.escape(text.display(row[$0])) }.joined(separator: " | ") + " |\n"
        }
    }

    /// One pass: backslash, pipe and asterisk escaped, line breaks as spaces.
    static func escape(_ value: String) -> String {
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

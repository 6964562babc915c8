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
        let shown = data.columns.indices.filter { !Self.runWideColumns.contains(data.columns[$0].name) }
        var out = "## \(data.table.title) (`\(data.table.name)`)\n\n\(data.table.description)\n\n"
        out += "Run `\(data.runID ?? "none")`, manifest SHA-256 `\(data.manifestSHA256 ?? "none")`. "
        out +=
            "`\(text.suppressedSymbol)` = suppressed (a small count, or a figure that would reveal one); `\(CellText.withheldSymbol)` = not available (the method gives no reliable figure).\n\n"
        out += "| " + shown.map { Self.escape(data.columns[$0].name) }.joined(separator: " | ") + " |\n"
        out += "|" + shown.map { data.columns[$0].kind == .text ? "---|" : "---:|" }.joined() + "\n"
        for row in data.rows {
            out += "| " + shown.map { Self.escape(text.display(row[$0])) }.joined(separator: " | ") + " |\n"
        }
        return Data(out.utf8)
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

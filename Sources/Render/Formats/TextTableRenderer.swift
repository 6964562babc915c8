import PipelineCore
package import Publication

/// Aligned columns for a terminal (`tables show`), numbers right-aligned, long text cut at 40 characters.
package struct TextTableRenderer: Sendable {
    package let text: CellText

    package init(text: CellText) { self.text = text }

    package func render(_ data: PublishedTableData) -> String {
        let header = data.columns.map(\.name)
        let body = data.rows.map { row in row.map { Self.clip(text.display($0)) } }
        let widths = header.indices.map { index in ([header[index]] + body.map { $0[index] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return data.columns[index].kind == .text ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) + "\n" }
        out += "(\(data.rows.count) rows; run \(data.runID ?? "none"); \(text.suppressedSymbol) suppressed, \(CellText.withheldSymbol) not available)\n"
        return out
    }

    package static func clip(_ value: String) -> String { value.count > 40 ? String(value.prefix(39)) + "…" : value }
}

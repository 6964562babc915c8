import Foundation
import PipelineCore
package import Publication

/// How cells read as text: exact for data files (CSV, JSON), rounded for reading (Markdown, HTML).
package struct CellText: Sendable {
    package let suppressedSymbol: String
    package static let withheldSymbol = "[x]"

    package init(suppressedSymbol: String) { self.suppressedSymbol = suppressedSymbol }

    /// The exact value: integers as digits, numbers in shortest round-trip form without exponents.
    package func data(_ cell: PublishedTableData.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let number): Self.plain(number)
        case .suppressed: suppressedSymbol
        case .withheld: Self.withheldSymbol
        case .empty: ""
        }
    }

    /// For people: counts with thousands separators, statistics to a sensible number of decimals.
    package func display(_ cell: PublishedTableData.Cell) -> String {
        switch cell {
        case .integer(let number): FigureText.figure(Double(number), decimals: 0)
        case .number(let number): FigureText.figure(number, decimals: Self.decimals(for: number))
        case .text, .suppressed, .withheld, .empty: data(cell)
        }
    }

    /// For people, at the column's published precision (docs/PUBLISHED_TABLES.md, "Headers and precision").
    package func display(_ cell: PublishedTableData.Cell, _ column: PublishedColumn) -> String {
        switch (cell, column.precision) {
        // A whole number stays whole: a percentage shown to fewer places (reduced precision) must not gain them.
        case (.number(let number), .decimals(let count)): FigureText.figure(number, decimals: number == number.rounded() ? 0 : count)
        case (.integer, _), (.number, .significant), (.text, _), (.suppressed, _), (.withheld, _), (.empty, _): display(cell)
        }
    }

    /// Decimals for display: whole numbers stay whole; otherwise about four significant figures.
    package static func decimals(for value: Double) -> Int {
        if value == value.rounded() { return 0 }
        let magnitude = abs(value)
        return magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
    }

    package static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let text = "\(value)"
        guard text.utf8.contains(UInt8(ascii: "e")) else { return text.hasSuffix(".0") ? String(text.dropLast(2)) : text }
        var fixed = String(format: "%.20f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }
}

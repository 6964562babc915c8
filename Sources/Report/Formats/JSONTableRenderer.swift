public import Foundation
import PipelineCore

/// One JSON document per table: provenance, the column contract, then rows as objects in column
/// order. Hidden cells hold their symbol as a string (`"*"`, `"[x]"`); not applicable is `null`.
public struct JSONTableRenderer: Sendable {
    let text: CellText

    public init(text: CellText) { self.text = text }

    public func render(_ data: PublishedTableData) -> Data {
        let heading = TableHeading(data)
        var out = header(heading)
        out.reserveCapacity(out.utf8.count + data.rows.count * data.columns.count * 24)
        appendRows(data.rows, keys: keys(heading), first: 0, to: &out)
        out += footer(rowCount: data.rows.count)
        return Data(out.utf8)
    }

    /// Everything before the first row: provenance, symbols and the column contract.
    func header(_ heading: TableHeading) -> String {
        var out = "{\n"
        out += "  \"table\": \(Self.string(heading.table.name)),\n"
        out += "  \"title\": \(Self.string(heading.table.title)),\n"
        out += "  \"description\": \(Self.string(heading.table.description)),\n"
        out += "  \"run_id\": \(heading.runID.map(Self.string) ?? "null"),\n"
        out += "  \"manifest_sha256\": \(heading.manifestSHA256.map(Self.string) ?? "null"),\n"
        out += "  \"symbols\": {\"suppressed\": \(Self.string(text.suppressedSymbol)), \"withheld\": \(Self.string(CellText.withheldSymbol))},\n"
        out += "  \"columns\": [\n"
        out += heading.columns.map {
            "    {\"name\": \(Self.string($0.name)), \"type\": \(Self.string($0.kind.rawValue)), \"description\": \(Self.string($0.description))}"
        }
        .joined(separator: ",\n")
        out += "\n  ],\n  \"rows\": [\n"
        return out
    }

    /// Each column's quoted name and separator, as every row object repeats them.
    func keys(_ heading: TableHeading) -> [String] { heading.columns.map { Self.string($0.name) + ": " } }

    /// Row objects; `first` is the number of rows written before these (rows after the first are comma-led).
    func appendRows(_ rows: [[PublishedTableData.Cell]], keys: [String], first: Int, to out: inout String) {
        for (offset, row) in rows.enumerated() {
            out += first + offset == 0 ? "    {" : ",\n    {"
            for (index, cell) in row.enumerated() {
                if index > 0 { out += ", " }
                out += keys[index]
                out += value(cell)
            }
            out += "}"
        }
    }

    /// Closes the rows array and the document.
    func footer(rowCount: Int) -> String { rowCount == 0 ? "  ]\n}\n" : "\n  ]\n}\n" }

    private func value(_ cell: PublishedTableData.Cell) -> String {
        switch cell {
        case .text(let value): Self.string(value)
        case .integer(let number): String(number)
        case .number(let number): number.isFinite ? CellText.plain(number) : "null"
        case .suppressed, .withheld: Self.string(text.data(cell))
        case .empty: "null"
        }
    }

    static func string(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

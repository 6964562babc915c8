public import Foundation
import PipelineCore

/// One JSON document per table: provenance, the column contract, then rows as objects in column
/// order. Hidden cells hold their symbol as a string (`"*"`, `"[x]"`); not applicable is `null`.
public struct JSONTableRenderer: Sendable {
    let text: CellText

    public init(text: CellText) { self.text = text }

    public func render(_ data: PublishedTableData) -> Data {
        var out = "{\n"
        out += "  \"table\": \(Self.string(data.table.name)),\n"
        out += "  \"title\": \(Self.string(data.table.title)),\n"
        out += "  \"description\": \(Self.string(data.table.description)),\n"
        out += "  \"run_id\": \(data.runID.map(Self.string) ?? "null"),\n"
        out += "  \"manifest_sha256\": \(data.manifestSHA256.map(Self.string) ?? "null"),\n"
        out += "  \"symbols\": {\"suppressed\": \(Self.string(text.suppressedSymbol)), \"withheld\": \(Self.string(CellText.withheldSymbol))},\n"
        out += "  \"columns\": [\n"
        out += data.columns.map {
            "    {\"name\": \(Self.string($0.name)), \"type\": \(Self.string($0.kind.rawValue)), \"description\": \(Self.string($0.description))}"
        }
        .joined(separator: ",\n")
        out += "\n  ],\n  \"rows\": [\n"
        let keys = data.columns.map { Self.string($0.name) + ": " }
        out.reserveCapacity(out.utf8.count + data.rows.count * data.columns.count * 24)
        for (rowIndex, row) in data.rows.enumerated() {
            out += rowIndex == 0 ? "    {" : ",\n    {"
            for (index, cell) in row.enumerated() {
                if index > 0 { out += ", " }
                out += keys[index]
                out += value(cell)
            }
            out += "}"
        }
        out += data.rows.isEmpty ? "  ]\n}\n" : "\n  ]\n}\n"
        return Data(out.utf8)
    }

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

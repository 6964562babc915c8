package import Foundation
import PipelineCore
package import Publication

/// One JSON document per table: provenance, the column contract, then rows as objects in column
/// order. A number column holds a number (rounded to the column's precision) or `null`; a status column
/// says why a cell is null or how it was changed (docs/PUBLISHED_TABLES.md, "Status columns").
package struct JSONTableRenderer: Sendable {
    package init() {}

    package func render(_ data: PublishedTableData) -> Data {
        let heading = TableHeading(data)
        let layout = DataFileLayout(heading)
        var out = header(heading, layout: layout)
        out.reserveCapacity(out.utf8.count + data.rows.count * layout.fields.count * 24)
        appendRows(data.page, layout: layout, keys: keys(layout), first: 0, to: &out)
        out += footer(rowCount: data.rows.count)
        return Data(out.utf8)
    }

    /// Everything before the first row: provenance, the status vocabulary and the column contract.
    package func header(_ heading: TableHeading, layout: DataFileLayout) -> String {
        var out = "{\n"
        out += "  \"table\": \(Self.string(heading.table.name)),\n"
        out += "  \"title\": \(Self.string(heading.table.title)),\n"
        out += "  \"description\": \(Self.string(heading.table.description)),\n"
        out += "  \"run_id\": \(heading.runID.map(Self.string) ?? "null"),\n"
        out += "  \"manifest_sha256\": \(heading.manifestSHA256.map(Self.string) ?? "null"),\n"
        out += "  \"statuses\": [" + PublishedCell.Action.allCases.map { Self.string($0.rawValue) }.joined(separator: ", ") + "],\n"
        out += "  \"columns\": [\n"
        out += layout.columns.map { column in
            var entry = "    {\"name\": \(Self.string(column.name)), \"type\": \(Self.string(column.kind.rawValue)), "
            entry += "\"label\": \(Self.string(column.label)), "
            if column.kind == .number { entry += "\"precision\": \(Self.string(column.precision.summary)), " }
            return entry + "\"description\": \(Self.string(column.description))}"
        }
        .joined(separator: ",\n")
        out += "\n  ],\n  \"rows\": [\n"
        return out
    }

    /// Each field's quoted name and separator, as every row object repeats them.
    package func keys(_ layout: DataFileLayout) -> [String] { layout.columns.map { Self.string($0.name) + ": " } }

    /// Row objects; `first` is the number of rows written before these (rows after the first are comma-led).
    package func appendRows(_ page: PublishedPage, layout: DataFileLayout, keys: [String], first: Int, to out: inout String) {
        for (offset, (row, statuses)) in zip(page.rows, page.statuses).enumerated() {
            out += first + offset == 0 ? "    {" : ",\n    {"
            for index in layout.fields.indices {
                if index > 0 { out += ", " }
                out += keys[index]
                out += Self.literal(layout.value(of: index, row, statuses: statuses))
            }
            out += "}"
        }
    }

    /// Closes the rows array and the document.
    package func footer(rowCount: Int) -> String { rowCount == 0 ? "  ]\n}\n" : "\n  ]\n}\n" }

    package static func literal(_ value: DataFileLayout.Value) -> String {
        switch value {
        case .text(let text): string(text)
        case .integer(let number): String(number)
        case .number(let number): CellText.plain(number)
        case .none: "null"
        }
    }

    package static func string(_ value: String) -> String {
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

import CLibCSV
package import Foundation
import PipelineCore
package import Publication

/// RFC 4180 CSV (UTF-8, CRLF line ends, header row) that tools read as typed columns: a number column
/// holds numbers (rounded to the column's precision) or nothing, and a status column says why a cell is
/// empty or how it was changed (docs/PUBLISHED_TABLES.md, "Status columns"). Fields that need quoting go
/// through libcsv's writer (`csv_write`), the rest are written as they are.
package struct CSVTableRenderer: Sendable {
    package init() {}

    package func render(_ data: PublishedTableData) -> Data {
        let layout = DataFileLayout(table: data.table, selected: data.columns)
        var output = header(layout)
        output.reserveCapacity(data.rows.count * layout.fields.count * 12 + 1024)
        appendRows(data.page, layout: layout, to: &output)
        return Data(output)
    }

    /// The header row.
    package func header(_ layout: DataFileLayout) -> [UInt8] {
        var output: [UInt8] = []
        append(layout.columns.map(\.name), to: &output)
        return output
    }

    /// Rows, appended to what was written before them.
    package func appendRows(_ page: PublishedPage, layout: DataFileLayout, to output: inout [UInt8]) {
        for (row, statuses) in zip(page.rows, page.statuses) {
            for index in layout.fields.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                switch layout.value(of: index, row, statuses: statuses) {
                case .text(let text): Self.appendField(text, to: &output)
                case .integer(let number): Self.appendField(String(number), to: &output)
                case .number(let number): Self.appendField(CellText.plain(number), to: &output)
                case .none: break
                }
            }
            output.append(0x0D)
            output.append(0x0A)
        }
    }

    package static func text(_ value: DataFileLayout.Value) -> String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let number): CellText.plain(number)
        case .none: ""
        }
    }

    private func append(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            Self.appendField(field, to: &output)
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    package static func appendField(_ field: String, to output: inout [UInt8]) {
        let needsQuotes =
            field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            || field.utf8.first == UInt8(ascii: " ") || field.utf8.last == UInt8(ascii: " ")
        if needsQuotes { output.append(contentsOf: Self.field(field)) } else { output.append(contentsOf: field.utf8) }
    }

    /// One field: quoted by libcsv when it holds a comma, quote, CR or LF (or starts or ends with a space).
    package static func field(_ field: String) -> [UInt8] {
        let bytes = Array(field.utf8)
        let needsQuotes =
            bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            || bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
        guard needsQuotes else { return bytes }
        var buffer = [UInt8](repeating: 0, count: bytes.count * 2 + 2)
        let written = bytes.withUnsafeBytes { source in
            buffer.withUnsafeMutableBytes { destination in
                csv_write(destination.baseAddress, destination.count, source.baseAddress, source.count)
            }
        }
        return Array(buffer.prefix(written))
    }
}

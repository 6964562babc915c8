import Foundation

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// Reads a workbook back with `unzip` (the test checks the file as Excel would open it).
enum XLSXReader {
    /// The archive's member names.
    static func members(_ path: String) throws -> [String] {
        try run(["-Z1", path]).split(separator: "\n").map(String.init)
    }

    static func member(_ path: String, _ name: String) throws -> String { try run(["-p", path, name]) }

    /// Sheet names in workbook order.
    static func sheetNames(_ path: String) throws -> [String] {
        let workbook = try member(path, "xl/workbook.xml")
        let pattern = try NSRegularExpression(pattern: "<sheet name=\"([^\"]+)\"")
        return pattern.matches(in: workbook, range: NSRange(workbook.startIndex..., in: workbook)).map {
            (workbook as NSString).substring(with: $0.range(at: 1))
        }
    }

    static func sharedStrings(_ path: String) throws -> [String] {
        guard try members(path).contains("xl/sharedStrings.xml") else { return [] }
        let xml = try member(path, "xl/sharedStrings.xml")
        let pattern = try NSRegularExpression(pattern: "<si><t[^>]*>([^<]*)</t></si>")
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map {
            unescape((xml as NSString).substring(with: $0.range(at: 1)))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A cell: its column letters, row number, whether it holds text (shared or inline) and its text or number.
    struct Cell {
        var column: String
        var row: Int
        var isText: Bool
        var value: String
    }

    /// Cells of one sheet, text resolved (shared strings or inline strings, as constant-memory mode writes).
    static func cells(_ path: String, sheet index: Int) throws -> [Cell] {
        let strings = try sharedStrings(path)
        let xml = try member(path, "xl/worksheets/sheet\(index).xml")
        let pattern = try NSRegularExpression(pattern: "<c r=\"([A-Z]+)([0-9]+)\"([^>]*)>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>")
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { match in
            let text = { (range: Int) in match.range(at: range).location == NSNotFound ? "" : (xml as NSString).substring(with: match.range(at: range)) }
            let attributes = text(3)
            if attributes.contains("t=\"inlineStr\"") { return Cell(column: text(1), row: Int(text(2)) ?? 0, isText: true, value: unescape(text(5))) }
            if attributes.contains("t=\"s\"") { return Cell(column: text(1), row: Int(text(2)) ?? 0, isText: true, value: strings[Int(text(4)) ?? 0]) }
            return Cell(column: text(1), row: Int(text(2)) ?? 0, isText: false, value: text(4))
        }
    }

    /// The publication's units in indicator order, as the workbook's headers name them (from `soc_metadata`).
    static func units(_ latest: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(latest)/json/soc_metadata.json"))
        let rows = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        var units: [String] = []
        for row in rows.sorted(by: { ($0["indicator_id"] as? String ?? "") < ($1["indicator_id"] as? String ?? "") })
        where row["item"] as? String == "unit" {
            if let unit = row["value"] as? String, !units.contains(unit) { units.append(unit) }
        }
        return units
    }

    /// Every text cell of every sheet.
    static func allText(_ path: String) throws -> [String] {
        try (1...sheetNames(path).count).flatMap { try cells(path, sheet: $0).filter(\.isText).map(\.value) }
    }

    /// Count cells (by header name) holding 1–7 on every table sheet except `skipping`.
    static func smallCounts(in path: String, skipping: Set<String>) throws -> [String] {
        var found: [String] = []
        let units = try Self.units((path as NSString).deletingLastPathComponent)
        for (offset, name) in try sheetNames(path).enumerated() where offset >= 3 && !skipping.contains("soc_" + name) {
            let cells = try cells(path, sheet: offset + 1)
            let counts = PublishedFileScanner.countColumns("soc_" + name)
            // Headers are labels: map each back to its column's name.
            let table = PublishedCatalog.table(named: "soc_" + name)
            let names = Dictionary(
                (table?.columns ?? []).map { (XLSXWorkbookRenderer.Writer.header($0, in: table!, units: units), $0.name) }, uniquingKeysWith: { a, _ in a })
            let header = Dictionary(
                cells.filter { $0.row == 4 && $0.isText }.map { ($0.column, names[$0.value] ?? $0.value) }, uniquingKeysWith: { a, _ in a })
            for cell in cells where cell.row > 4 && !cell.isText {
                if let column = header[cell.column], counts.contains(column), let value = Double(cell.value), (1...7).contains(value) {
                    found.append("state-of-care.xlsx \(name)!\(cell.column)\(cell.row): \(column) \(cell.value)")
                }
            }
        }
        return found
    }

    /// Column letters of a zero-based column index (0 → A, 26 → AA).
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1, letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Text as an XML attribute holds it.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The number format code a cell is shown with (custom formats and the built-in General).
    static func numberFormat(of column: String, row: Int, sheet: Int, in path: String) throws -> String? {
        let xml = try member(path, "xl/worksheets/sheet\(sheet).xml")
        let cell = try NSRegularExpression(pattern: "<c r=\"\(column)\(row)\"([^>]*)>")
        guard let match = cell.firstMatch(in: xml, range: NSRange(xml.startIndex..., in: xml)) else { return nil }
        let attributes = (xml as NSString).substring(with: match.range(at: 1))
        let styleAttribute = try NSRegularExpression(pattern: " s=\"([0-9]+)\"").firstMatch(
            in: attributes, range: NSRange(attributes.startIndex..., in: attributes))
        let style = styleAttribute.map { Int((attributes as NSString).substring(with: $0.range(at: 1))) ?? 0 } ?? 0
        let styles = try member(path, "xl/styles.xml")
        guard let xfs = styles.range(of: "<cellXfs"), let end = styles.range(of: "</cellXfs>") else { return nil }
        let section = String(styles[xfs.upperBound..<end.lowerBound])
        let ids = try NSRegularExpression(pattern: "<xf numFmtId=\"([0-9]+)\"").matches(in: section, range: NSRange(section.startIndex..., in: section))
            .map { Int((section as NSString).substring(with: $0.range(at: 1))) ?? 0 }
        guard style < ids.count else { return nil }
        if ids[style] == 0 { return "General" }
        let format = try NSRegularExpression(pattern: "<numFmt numFmtId=\"\(ids[style])\" formatCode=\"([^\"]*)\"")
        return format.firstMatch(in: styles, range: NSRange(styles.startIndex..., in: styles)).map {
            unescape((styles as NSString).substring(with: $0.range(at: 1)))
        }
    }

    /// Column widths of a sheet by column letters.
    static func columnWidths(_ path: String, sheet: Int) throws -> [String: Double] {
        let xml = try member(path, "xl/worksheets/sheet\(sheet).xml")
        let pattern = try NSRegularExpression(pattern: "<col min=\"([0-9]+)\" max=\"([0-9]+)\" width=\"([0-9.]+)\"")
        var widths: [String: Double] = [:]
        for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            let text = { (index: Int) in (xml as NSString).substring(with: match.range(at: index)) }
            for column in (Int(text(1)) ?? 1)...(Int(text(2)) ?? 1) { widths[columnLetters(column - 1)] = Double(text(3)) }
        }
        return widths
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

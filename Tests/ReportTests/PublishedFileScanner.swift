import Foundation
import PipelineCore

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// Reads every published file back — CSV, JSON, Markdown, the workbook's sheets and the HTML data
/// tables — and lists each sub-national count cell that holds a value in the suppression range.
enum PublishedFileScanner {
    static let nationalTables: Set<String> = ["soc_national_by_group", "soc_national_inequality"]

    static func countColumns(_ table: String) -> Set<String> {
        Set(PublishedCatalog.table(named: table)?.columns.filter { $0.kind == .count }.map(\.name) ?? [])
    }

    static func small(_ text: String) -> Bool {
        guard let value = Int(text.replacingOccurrences(of: ",", with: "")) else { return false }
        return (1...7).contains(value)
    }

    /// Violations as `file: column value`.
    static func scan(_ folder: String) throws -> [String] {
        var found: [String] = []
        for table in PublishedCatalog.tables.map(\.name) where !nationalTables.contains(table) {
            let counts = countColumns(table)
            // CSV (no field of these tables holds a comma inside quotes before the count columns' values matter: parse properly).
            let csv = try String(contentsOfFile: "\(folder)/csv/\(table).csv", encoding: .utf8)
            let lines = CSVLines.parse(csv)
            if let header = lines.first {
                for row in lines.dropFirst() {
                    for (index, name) in header.enumerated() where counts.contains(name) && index < row.count && small(row[index]) {
                        found.append("csv/\(table).csv: \(name) \(row[index])")
                    }
                }
            }
            // JSON.
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/json/\(table).json"))) as? [String: Any]
            for row in json?["rows"] as? [[String: Any]] ?? [] {
                for name in counts {
                    if let number = row[name] as? Int, (1...7).contains(number) { found.append("json/\(table).json: \(name) \(number)") }
                }
            }
            // Markdown.
            let markdown = try String(contentsOfFile: "\(folder)/markdown/\(table).md", encoding: .utf8)
            let tableLines = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
            // Markdown headings are the summary's: map each back to its column's name.
            let headings = Dictionary(
                (PublishedCatalog.table(named: table)?.summary ?? []).map { ($0.heading, $0.names[0]) }, uniquingKeysWith: { a, _ in a })
            if let header = tableLines.first.map({ $0.split(separator: "|").map { headings[$0.trimmingCharacters(in: .whitespaces)] ?? "" } }) {
                for line in tableLines.dropFirst() {
                    let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst()
                    for (index, name) in header.enumerated() where counts.contains(name) {
                        let cell = Array(cells)[safe: index] ?? ""
                        if small(cell) { found.append("markdown/\(table).md: \(name) \(cell)") }
                    }
                }
            }
        }
        found += try XLSXReader.smallCounts(in: "\(folder)/state-of-care.xlsx", skipping: nationalTables)
        // HTML: the funnel plots' data tables list each ICS's denominator, and each profile its population.
        let pattern = try NSRegularExpression(
            pattern: "(?:<th scope=\"row\">(?:<a [^>]*>)?[^<]*(?:</a>)?</th><td>|<dt>Resident population \\(rounded\\)</dt><dd>)([0-9,]+)</(?:td|dd)>")
        let profiles = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/ics").sorted().map { "ics/\($0)" }
        for page in ["state-of-care.html", "map.html"] + profiles where FileManager.default.fileExists(atPath: "\(folder)/\(page)") {
            let html = try String(contentsOfFile: "\(folder)/\(page)", encoding: .utf8)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let value = (html as NSString).substring(with: match.range(at: 1))
                if small(value) { found.append("\(page): count \(value)") }
            }
        }
        return found
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import Foundation
import PipelineCore

/// Finds each wanted column in a header row by name: order-independent, case- and
/// spacing-tolerant (`Age Band`, `age_band` and `AGE-BAND` match), with configured aliases.
public struct HeaderMap<Field: Hashable> {
    /// Column index (0-based) of each field found.
    public private(set) var columns: [Field: Int] = [:]
    public let headerCount: Int
    public let headers: [String]

    /// - Throws: ``PipelineError`` `.dataQuality` at line 1 naming a required column that is
    ///   missing (with the names accepted) or a column matched twice.
    public init(header: CSVRecord, required: [(Field, [String])], optional: [(Field, [String])] = [], file: String) throws {
        headerCount = header.count
        headers = (0..<header.count).map { header.string($0) }
        let normalised = headers.map(HeaderName.normalise)
        var wantedFields: [(Field, [String], Bool)] = []
        for (field, names) in required { wantedFields.append((field, names, true)) }
        for (field, names) in optional { wantedFields.append((field, names, false)) }
        for (field, names, isRequired) in wantedFields {
            let wanted = Set(names.map(HeaderName.normalise))
            let matches = normalised.indices.filter { wanted.contains(normalised[$0]) }
            if matches.count > 1 {
                throw PipelineError(
                    .dataQuality, "columns \(matches.map { "\($0 + 1) '\(headers[$0])'" }.joined(separator: " and ")) both match the same field",
                    at: InputLocation(file: file, line: header.line, column: matches[1] + 1),
                    hint: "rename one, or set the source's 'columns' mapping in pipeline.json")
            }
            if let match = matches.first {
                columns[field] = match
            } else if isRequired {
                // Columns are named by position, never by a cell's text: a file without a header row would
                // otherwise have its first data row printed (docs/DISCLOSURE.md).
                let dataLike = headers.indices.filter { Self.looksLikeData(headers[$0]) }
                // A single column is rarely a header: another delimiter, or a title above the header.
                let otherDelimiter = headers.count == 1 ? [";", "\t", "|"].first { headers[0].contains($0) } : nil
                let shape: String, hint: String
                if let otherDelimiter {
                    let name = otherDelimiter == "\t" ? "a tab" : "'\(otherDelimiter)'"
                    shape = "the header row has 1 column, holding \(name): the file's fields are separated by \(name), not the source's delimiter"
                    hint = "set \"dialect\": {\"delimiter\": \"\(otherDelimiter == "\t" ? "\\t" : otherDelimiter)\"} on the source"
                } else if headers.count == 1 {
                    shape = "the header row has 1 column: line \(header.line) looks like a title above the header"
                    hint = "set \"dialect\": {\"headerRow\": N} on the source, N the line the column names are on"
                } else if dataLike.isEmpty {
                    shape = "the header row has \(headers.count) columns and none is headed with an accepted name"
                    hint =
                        "accepted header names: \(names.joined(separator: ", ")); or map the column in the source's 'columns' in pipeline.json; if the column names are on a later line, set \"dialect\": {\"headerRow\": N}"
                } else {
                    shape =
                        "the first row looks like data, not a header (column \(dataLike.map { String($0 + 1) }.prefix(3).joined(separator: ", ")) holds a code, date or number)"
                    hint = "add a header row naming the columns (accepted for this one: \(names.joined(separator: ", ")))"
                }
                throw PipelineError(
                    .dataQuality, "missing column '\(names.first ?? "?")': \(shape)",
                    at: InputLocation(file: file, line: header.line, column: 1), hint: hint)
            }
        }
    }

    public subscript(field: Field) -> Int? { columns[field] }

    /// A cell that is a number, a date or a code (`E01001099`, `2024-03`, `4321`) rather than a column name.
    static func looksLikeData(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, trimmed.contains(where: \.isNumber) else { return false }
        if trimmed.allSatisfy({ $0.isNumber || "-./:, ".contains($0) }) { return true }
        return first.isLetter && trimmed.dropFirst().allSatisfy(\.isNumber) && trimmed.count >= 4
    }
}

/// Header-name comparison rules.
public enum HeaderName {
    /// Lowercased, trimmed, with runs of spaces, hyphens and underscores folded to one `_`.
    public static func normalise(_ name: String) -> String {
        var out = ""
        var pendingSeparator = false
        for character in name.lowercased() {
            if character == " " || character == "_" || character == "-" || character == "\t" {
                pendingSeparator = !out.isEmpty
            } else {
                if pendingSeparator { out.append("_") }
                pendingSeparator = false
                out.append(character)
            }
        }
        return out
    }
}

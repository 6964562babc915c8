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
                throw PipelineError(
                    .dataQuality, "missing column '\(names.first ?? "?")'",
                    at: InputLocation(file: file, line: header.line, column: 1),
                    hint: "accepted header names: \(names.joined(separator: ", ")); found: \(headers.joined(separator: ", "))")
            }
        }
    }

    public subscript(field: Field) -> Int? { columns[field] }
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

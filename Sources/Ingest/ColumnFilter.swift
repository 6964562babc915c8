import PipelineCore

/// One column of a source's row filter (`where`, `englandRows`, `suppressedWhen`) with the values it
/// matches, found in a file's header by name as the columns are (docs/DATA.md, "England as published").
struct ColumnFilter {
    let column: Int
    let values: Set<String>

    /// The filter's columns in `headers`, each with its values; a column the header lacks is an error naming
    /// the filter (`named`) and the header's columns.
    static func resolve(_ filter: [String: [String]]?, named: String, headers: [String], file: String, line: Int) throws -> [ColumnFilter] {
        let normalised = headers.map(HeaderName.normalise)
        return try (filter ?? [:]).sorted(by: { $0.key < $1.key }).map { name, values in
            guard let column = normalised.firstIndex(of: HeaderName.normalise(name)) else {
                throw PipelineError(
                    .dataQuality, "missing column '\(name)' named in the source's \(named)",
                    at: InputLocation(file: file, line: line, column: 1), hint: "the header has: \(headers.joined(separator: ", "))")
            }
            return ColumnFilter(column: column, values: Set(values))
        }
    }

    /// Whether the record's cell (as written, without surrounding spaces) is one of the values.
    func matches(_ record: CSVRecord) -> Bool {
        values.contains(String(decoding: ExtractParser.trimmed(record[column]), as: UTF8.self))
    }
}

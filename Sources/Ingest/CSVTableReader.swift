import Checkpoints
import Foundation
import PipelineCore

/// Reads a small CSV (reference files) into string rows keyed by named columns.
///
/// Not for extracts: it allocates a String per cell.
public struct CSVTableReader {
    public struct Row {
        public var line: Int
        public var values: [String: String]
        public subscript(name: String) -> String? { values[name] }
    }

    /// - Parameters:
    ///   - required: column names that must be present.
    ///   - optional: column names read when present.
    ///   - positional: for a file with no header row, the names of its first columns, in order (the
    ///     required columns must be among them).
    public static func read(path: String, displayPath: String, required: [String], optional: [String] = [], positional: [String]? = nil) throws -> (
        rows: [Row], sha256: String
    ) {
        let collector = Collector(required: required, optional: optional, file: displayPath)
        collector.positional = positional
        let summary = try CSVReader().read(path: path, displayPath: displayPath, into: collector)
        if summary.records == 0 {
            throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: displayPath, line: 1))
        }
        return (collector.rows, summary.sha256)
    }

    private final class Collector: CSVRecordHandler {
        let required: [String]
        let optional: [String]
        let file: String
        var map: HeaderMap<String>?
        var rows: [Row] = []

        init(required: [String], optional: [String], file: String) {
            self.required = required
            self.optional = optional
            self.file = file
        }

        /// Column names by position, for a file with no header row.
        var positional: [String]?

        func handle(_ record: CSVRecord) throws {
            if let positional {
                guard record.count >= positional.count else {
                    throw PipelineError(
                        .dataQuality, "expected at least \(positional.count) fields, found \(record.count)",
                        at: InputLocation(file: file, line: record.line, column: record.count + 1),
                        hint: "a file read without a header row has \(positional.joined(separator: ", ")) as its first columns")
                }
                var values: [String: String] = [:]
                for (column, name) in positional.enumerated() {
                    guard let text = String(validating: ExtractParser.trimmed(record[column]), as: UTF8.self) else {
                        throw PipelineError(.dataQuality, "invalid UTF-8", at: InputLocation(file: file, line: record.line, column: column + 1))
                    }
                    values[name] = text
                }
                rows.append(Row(line: record.line, values: values))
                return
            }
            guard let map else {
                map = try HeaderMap(
                    header: record, required: required.map { ($0, [$0]) },
                    optional: optional.map { ($0, [$0]) }, file: file)
                return
            }
            guard record.count == map.headerCount else {
                throw PipelineError(
                    .dataQuality, "expected \(map.headerCount) fields, found \(record.count)",
                    at: InputLocation(file: file, line: record.line, column: min(record.count, map.headerCount) + 1))
            }
            var values: [String: String] = [:]
            for (name, column) in map.columns {
                // Trim spaces and tabs on the bytes, then decode once (Foundation's trimming cost more than parsing).
                guard let text = String(validating: ExtractParser.trimmed(record[column]), as: UTF8.self) else {
                    throw PipelineError(.dataQuality, "invalid UTF-8", at: InputLocation(file: file, line: record.line, column: column + 1))
                }
                values[name] = text
            }
            rows.append(Row(line: record.line, values: values))
        }
    }
}

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
    public static func read(path: String, displayPath: String, required: [String], optional: [String] = []) throws -> (rows: [Row], sha256: String) {
        let collector = Collector(required: required, optional: optional, file: displayPath)
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

        func handle(_ record: CSVRecord) throws {
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

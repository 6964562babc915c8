public import PipelineCore

/// Checks every configured file exists and has the columns its source needs, reading only header rows.
public enum HeaderValidator {
    /// - Returns: one line per source for display.
    /// - Throws: the first problem, as a ``PipelineError`` naming the file.
    public static func validate(_ config: PipelineConfig) throws -> [String] {
        var lines: [String] = []
        for file in ReferenceLoader.files(config) where !file.isGeoJSON {
            try readHeader(path: config.resolve(file.path), display: file.path) { record in
                _ = try HeaderMap(header: record, required: file.required.map { ($0, [$0]) }, file: file.path)
            }
        }
        let optional = [config.reference.needWeights?.vintage, config.reference.ethnicGroupPopulation?.vintage].compactMap { $0.map { ", \($0)" } }
        lines.append(
            "reference: ok (ICB \(config.reference.icb.vintage), IMD \(config.reference.imd.vintage), \(config.reference.standardPopulation.name)\(optional.joined()))"
        )
        for source in config.sources {
            let files = try FileDiscovery.files(for: source, config: config)
            var unused: [String] = []
            for file in files {
                try readHeader(path: file.path, display: file.displayPath, dialect: source.dialect) { record in
                    let map = try HeaderMap(
                        header: record, required: source.requiredFields.map { ($0, source.headerNames(for: $0)) },
                        optional: source.optionalFields.map { ($0, source.headerNames(for: $0)) }, file: file.displayPath)
                    let used = Set(map.columns.values)
                    for index in map.headers.indices where !used.contains(index) {
                        let name = map.headers[index]
                        // A wide population's age columns are read by name pattern.
                        if source.layout == .wide, index != map[.lsoa], name.lowercased().contains("age") || name.first?.isNumber == true { continue }
                        let label = HeaderMap<SourceField>.looksLikeData(name) ? "column \(index + 1)" : "'\(name)'"
                        if !unused.contains(label) { unused.append(label) }
                    }
                }
            }
            if !unused.isEmpty {
                lines.append(
                    "source \(source.name): header columns not used: \(unused.prefix(12).joined(separator: ", "))"
                        + " (map one in the source's 'columns' if it holds a field)")
            }
            let icbFolders = Set(files.compactMap(\.icbFolder))
            lines.append(
                "source \(source.name) (\(source.kind.rawValue)): \(files.count) files" + (icbFolders.isEmpty ? "" : ", \(icbFolders.count) ICB folders")
                    + ", headers ok")
        }
        return lines
    }

    private static func readHeader(
        path: String, display: String, dialect: CSVDialect = CSVDialect(),
        check: @escaping (CSVRecord) throws -> Void
    ) throws {
        let handler = HeaderOnly(headerRow: dialect.headerRow, check: check)
        do {
            let summary = try CSVReader(dialect: dialect, chunkSize: 64 * 1024).read(path: path, displayPath: display, into: handler)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: display, line: 1))
            }
        } catch is HeaderOnly.Stop {
            return
        }
    }

    private final class HeaderOnly: CSVRecordHandler {
        struct Stop: Error {}
        let headerRow: Int
        let check: (CSVRecord) throws -> Void
        init(headerRow: Int, check: @escaping (CSVRecord) throws -> Void) {
            self.headerRow = headerRow
            self.check = check
        }
        func handle(_ record: CSVRecord) throws {
            // Title lines above the header are skipped, as ingest skips them.
            guard record.line >= headerRow else { return }
            try check(record)
            throw Stop()
        }
    }
}

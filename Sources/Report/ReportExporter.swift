import Foundation
public import GRDB
public import PipelineCore

/// Renders the published tables from the checkpoint database into a folder, in the chosen formats:
///
///     csv/<table>.csv   json/<table>.json   markdown/<table>.md
///     state-of-care.xlsx   state-of-care.html   manifest.json
///
/// Used by the report stage (into its staging folder) and by `tables export` (into any folder).
public struct ReportExporter: Sendable {
    public static let workbookName = "state-of-care.xlsx"
    public static let htmlName = "state-of-care.html"
    public static let manifestName = "manifest.json"

    let settings: ReportSettings

    public init(settings: ReportSettings) { self.settings = settings }

    /// One written file.
    public struct WrittenFile: Sendable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    /// Loads every published table from `db`.
    public static func loadTables(_ db: Database) throws -> [PublishedTableData] {
        try PublishedCatalog.tables.map { try PublishedTableData.load(db, table: $0) }
    }

    /// Writes the formats into `folder` (created if needed), each format on its own thread; returns the
    /// files, relative to the folder, in format order (`manifest.json`, written last, lists them).
    @discardableResult
    public func export(
        _ tables: [PublishedTableData], formats: [ReportSettings.Format], to folder: String,
        fingerprint: String? = nil
    ) throws -> [WrittenFile] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Publisher.notWritable(folder, error)
        }
        // Every file names the run and manifest, an empty table's too.
        let runID = tables.lazy.compactMap(\.runID).first, manifestHash = tables.lazy.compactMap(\.manifestSHA256).first
        let tables = tables.map {
            PublishedTableData(
                table: $0.table, columns: $0.columns, rows: $0.rows, runID: $0.runID ?? runID,
                manifestSHA256: $0.manifestSHA256 ?? manifestHash)
        }
        // The workbook takes longest: start it first so the other formats fill the second core.
        let order = formats.indices.sorted { (formats[$0] == .xlsx ? 0 : 1, $0) < (formats[$1] == .xlsx ? 0 : 1, $1) }
        let exporter = self
        let files = try ParallelWork.map(count: formats.count, workers: ProcessInfo.processInfo.activeProcessorCount, order: order) { index in
            try exporter.render(formats[index], tables, to: folder)
        }.flatMap { $0 }
        _ = try Self.write(manifest(tables, files: files, fingerprint: fingerprint), Self.manifestName, in: folder)
        return files
    }

    private func render(_ format: ReportSettings.Format, _ tables: [PublishedTableData], to folder: String) throws -> [WrittenFile] {
        let text = CellText(suppressedSymbol: settings.disclosure.suppressedSymbol)
        switch format {
        case .csv:
            return try tables.map { try Self.write(CSVTableRenderer(text: text).render($0), "csv/\($0.table.name).csv", in: folder) }
        case .json:
            return try tables.map { try Self.write(JSONTableRenderer(text: text).render($0), "json/\($0.table.name).json", in: folder) }
        case .md:
            return try tables.map { try Self.write(MarkdownTableRenderer(text: text).render($0), "markdown/\($0.table.name).md", in: folder) }
        case .xlsx:
            let path = (folder as NSString).appendingPathComponent(Self.workbookName)
            try XLSXWorkbookRenderer(title: settings.title, notes: Self.generalNotes(tables)).write(tables, to: path)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return [WrittenFile(path: Self.workbookName, bytes: data.count, sha256: Fingerprint.sha256(data))]
        case .html:
            let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.table.name, $0) })
            let page = HTMLReportRenderer(title: settings.title, focusIcs: settings.focusIcs, text: text).render(byName)
            return [try Self.write(page, Self.htmlName, in: folder)]
        }
    }

    private static func write(_ data: Data, _ relative: String, in folder: String) throws -> WrittenFile {
        let path = (folder as NSString).appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw Publisher.notWritable(folder, error)
        }
        return WrittenFile(path: relative, bytes: data.count, sha256: Fingerprint.sha256(data))
    }

    /// The general (`indicator_id = all`) rows of `soc_metadata`, as the workbook's notes.
    static func generalNotes(_ tables: [PublishedTableData]) -> [(String, String)] {
        guard let metadata = tables.first(where: { $0.table.name == PublishedCatalog.metadata.name }) else { return [] }
        return metadata.records.filter { $0["indicator_id"]?.text == "all" }.compactMap { row in
            row["item"]?.text.flatMap { item in row["value"]?.text.map { (item, $0) } }
        }
    }

    private func manifest(_ tables: [PublishedTableData], files: [WrittenFile], fingerprint: String?) -> Data {
        let string = JSONTableRenderer.string
        var out = "{\n"
        out += "  \"run_id\": \(tables.lazy.compactMap(\.runID).first.map(string) ?? "null"),\n"
        out += "  \"manifest_sha256\": \(tables.lazy.compactMap(\.manifestSHA256).first.map(string) ?? "null"),\n"
        out += "  \"report_fingerprint\": \(fingerprint.map(string) ?? "null"),\n"
        out += "  \"program_version\": \(string(ProgramVersion.current)),\n"
        out += "  \"disclosure_rules\": \(string(settings.disclosure.summary)),\n"
        out += "  \"tables\": [\n" + tables.map { "    {\"name\": \(string($0.table.name)), \"rows\": \($0.rows.count)}" }.joined(separator: ",\n") + "\n  ],\n"
        out +=
            "  \"files\": [\n"
            + files.map { "    {\"path\": \(string($0.path)), \"bytes\": \($0.bytes), \"sha256\": \(string($0.sha256))}" }.joined(separator: ",\n")
            + "\n  ]\n}\n"
        return Data(out.utf8)
    }

    /// The run id recorded in a published folder's manifest, if it has one of ours.
    public static func publishedRunID(in folder: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(manifestName))),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["report_fingerprint"] != nil
        else { return nil }
        return object["run_id"] as? String
    }

    /// The report fingerprint recorded in a published folder's manifest, if any.
    public static func publishedFingerprint(in folder: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(manifestName))),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["report_fingerprint"] as? String
    }
}

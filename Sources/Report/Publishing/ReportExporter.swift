import Checkpoints
import Disclosure
import Foundation
package import GRDB
package import PipelineCore
import Publication
package import Render
import Synchronization

/// Renders the published tables from the checkpoint database into a folder, in the chosen formats:
///
///     csv/<table>.csv   json/<table>.json   markdown/<table>.md
///     state-of-care.xlsx   state-of-care.html   manifest.json
///
/// Used by the report stage (into its staging folder) and by `tables export` (into any folder).
package struct ReportExporter: Sendable {
    package static let workbookName = PublicationFileName.workbook
    package static let htmlName = PublicationFileName.html
    package static let manifestName = PublicationFileName.manifest

    let settings: ReportSettings
    /// Rows per page handed from the database to the formats (tests use tiny pages to cross boundaries).
    let pageRows: Int

    package init(settings: ReportSettings, pageRows: Int = 1_000) {
        self.settings = settings
        self.pageRows = max(1, pageRows)
    }

    /// Pages queued per format; with ``pageRows`` they bound what the report holds while rendering
    /// (docs/ARCHITECTURE.md, "Report memory").
    static let queuedPages = 4

    /// Writes the formats of every published table in `db` into `folder` (created if needed); returns the
    /// files, relative to the folder, in format order (`manifest.json`, written last, lists them).
    ///
    /// Each table is read once, a page at a time, on the calling thread (which owns `db`); each format
    /// writes on its own thread from a short queue of pages. Memory therefore stays that of a few pages
    /// per format however many periods are published.
    @discardableResult
    package func export(
        _ db: Database, formats: [ReportSettings.Format], to folder: String, fingerprint: String? = nil
    ) throws -> [WrittenFile] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Publisher.notWritable(folder, error)
        }
        let stored = try PublishedCatalog.tables.map { try PublishedTableData.heading(db, table: $0) }
        // Every file names the run and manifest, an empty table's too.
        let runID = stored.lazy.compactMap(\.runID).first, manifestHash = stored.lazy.compactMap(\.manifestSHA256).first
        let headings = stored.map {
            TableHeading(
                table: $0.table, columns: $0.columns, rowCount: $0.rowCount, runID: $0.runID ?? runID,
                manifestSHA256: $0.manifestSHA256 ?? manifestHash)
        }
        let notes = Self.generalNotes(try PublishedTableData.load(db, table: PublishedCatalog.metadata.table))
        let latest = try Self.latestPeriods(db)
        let maps = formats.contains(.html) ? PublicationMaps(ics: try MapGeometry.load(db), places: try PlaceMap.load(db)) : PublicationMaps()
        var workbookCover = try self.cover(db, title: settings.title, runID: runID)
        workbookCover.latestPeriods = latest
        let cover = workbookCover

        let queues = formats.map { _ in PageQueue<ExportMessage>(capacity: Self.queuedPages) }
        let outcomes = Mutex([Result<[WrittenFile], any Error>?](repeating: nil, count: formats.count))
        let group = DispatchGroup()
        let exporter = self
        // A thread of its own per format: they block on their queues, which would starve Dispatch's pool.
        for (index, format) in formats.enumerated() {
            let queue = queues[index]
            group.enter()
            let thread = Thread {
                let outcome = Result {
                    try exporter.consume(
                        queue, format: format, headings: headings, notes: notes, cover: cover, latest: latest, maps: maps, folder: folder)
                }
                outcomes.withLock { $0[index] = outcome }
                group.leave()
            }
            thread.start()
        }
        // Whatever happens while reading, every format is told to finish, so its thread ends.
        let reading = Result {
            for heading in headings {
                for queue in queues { queue.put(.begin(heading)) }
                try PublishedTableData.forEachPage(db, table: heading.table, pageRows: pageRows) { page in
                    for queue in queues { queue.put(.rows(page)) }
                }
                for queue in queues { queue.put(.end) }
            }
        }
        for queue in queues { queue.put(.finish) }
        group.wait()
        try reading.get()
        let files = try outcomes.withLock { $0 }.flatMap { try $0!.get() }
        _ = try Self.write(manifest(headings, files: files, fingerprint: fingerprint), Self.manifestName, in: folder)
        return files
    }

    /// One format's thread: writes what arrives until told to finish. After a failure it keeps taking
    /// messages (so the reader never waits on it) and reports the failure at the end.
    private func consume(
        _ queue: PageQueue<ExportMessage>, format: ReportSettings.Format, headings: [TableHeading], notes: [(String, String)],
        cover: WorkbookCover, latest: [String: String], maps: PublicationMaps, folder: String
    ) throws -> [WrittenFile] {
        var failure: (any Error)?
        var writer: (any FormatWriter)?
        do {
            writer = try makeWriter(format, headings: headings, notes: notes, cover: cover, latest: latest, maps: maps, folder: folder)
        } catch {
            failure = error
        }
        while true {
            let message = queue.take()
            guard failure == nil, var current = writer else {
                if case .finish = message { break }
                continue
            }
            do {
                switch message {
                case .begin(let heading): try current.begin(heading)
                case .rows(let page): try current.write(page)
                case .end: try current.end()
                case .finish: return try current.finish()
                }
                writer = current
            } catch {
                failure = error
            }
        }
        throw failure ?? PipelineError(.internal, "the \(format.rawValue) writer stopped without a result")
    }

    private func makeWriter(
        _ format: ReportSettings.Format, headings: [TableHeading], notes: [(String, String)], cover: WorkbookCover, latest: [String: String],
        maps: PublicationMaps, folder: String
    ) throws -> any FormatWriter {
        let text = CellText(suppressedSymbol: settings.disclosure.suppressedSymbol)
        switch format {
        case .csv: return TableFileWriter(.csv, text: text, folder: folder)
        case .json: return TableFileWriter(.json, text: text, folder: folder)
        case .md: return TableFileWriter(.markdown, text: text, folder: folder)
        case .xlsx: return try WorkbookFileWriter(XLSXWorkbookRenderer(cover: cover, notes: notes), headings: headings, folder: folder)
        case .html:
            return HTMLFileWriter(
                HTMLReportRenderer(title: settings.title, focusIcs: settings.focusIcs, text: text, publisher: settings.publisher), latestPeriods: latest,
                maps: maps,
                folder: folder)
        }
    }

    /// The workbook cover's facts: the span of periods published, each indicator's source, the run's date,
    /// and the publisher and contact configured.
    func cover(_ db: Database, title: String, runID: String?) throws -> WorkbookCover {
        let national = PublishedCatalog.nationalByGroup
        let spans = Set(
            try PublishedTableData.load(db, table: national.table, columns: ["period_start", "period_end"]).rows(national)
                .map { SpanKey(start: $0.periodStart, end: $0.periodEnd) }
        ).sorted { ($0.end, $0.start) < ($1.end, $1.start) }
        let readable = spans.map { FigureText.period(start: $0.start, end: $0.end) }
        let covered =
            readable.isEmpty ? "No periods published" : readable.first == readable.last ? readable[0] : "\(readable[0]) to \(readable[readable.count - 1])"
        var titles: [String: String] = [:]
        var sources: [(indicator: String, text: String)] = []
        let items = try PublishedTableData.load(db, table: PublishedCatalog.metadata.table).rows(PublishedCatalog.metadata)
            .filter { ["title", "source", "unit"].contains($0.text(.item)) }
            .sorted { ($0.indicator, $1.text(.item)) < ($1.indicator, $0.text(.item)) }
        var units: [String] = []
        for row in items {
            switch row.text(.item) {
            case "title": titles[row.indicator] = row.text(.value)
            case "unit": if !units.contains(row.text(.value)) { units.append(row.text(.value)) }
            default: sources.append((row.indicator, row.text(.value)))
            }
        }
        var cover = WorkbookCover(
            title: title, periodCovered: covered, sources: sources.map { ("\($0.indicator) \(titles[$0.indicator] ?? "")", $0.text) },
            publicationDate: WorkbookCover.date(ofRun: runID), publisher: settings.publisher, contact: settings.contact)
        cover.indicatorTitles = titles.filter { $0.key != "all" }
        cover.units = units
        // The workbook's own periods: each indicator's latest (docs/PUBLISHED_TABLES.md, "The workbook").
        let newest = Set(try Self.latestPeriods(db).values)
        let latest = spans.filter { newest.contains($0.start) }.map { FigureText.period(start: $0.start, end: $0.end) }
        cover.latestCovered = latest.isEmpty ? nil : latest.joined(separator: " and ")
        return cover
    }

    /// A reporting period's first and last day.
    private struct SpanKey: Hashable {
        var start: String
        var end: String
    }

    /// Each indicator's latest period in the ICS league table (the period the HTML page charts).
    static func latestPeriods(_ db: Database) throws -> [String: String] {
        let league = PublishedCatalog.icsLeague
        var latest: [String: String] = [:]
        for row in try PublishedTableData.load(db, table: league.table, columns: ["indicator_id", "period_start"]).rows(league) {
            latest[row.indicator] = max(latest[row.indicator] ?? "", row.periodStart)
        }
        return latest
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
    static func generalNotes(_ metadata: PublishedTableData) -> [(String, String)] {
        metadata.rows(PublishedCatalog.metadata).filter { $0.indicator == "all" }.map { ($0.text(.item), $0.text(.value)) }
    }

    private func manifest(_ tables: [TableHeading], files: [WrittenFile], fingerprint: String?) -> Data {
        let string = JSONTableRenderer.string
        var out = "{\n"
        out += "  \"run_id\": \(tables.lazy.compactMap(\.runID).first.map(string) ?? "null"),\n"
        out += "  \"manifest_sha256\": \(tables.lazy.compactMap(\.manifestSHA256).first.map(string) ?? "null"),\n"
        out += "  \"report_fingerprint\": \(fingerprint.map(string) ?? "null"),\n"
        out += "  \"program_version\": \(string(ProgramVersion.current)),\n"
        out += "  \"disclosure_rules\": \(string(settings.disclosure.summary)),\n"
        out += "  \"tables\": [\n" + tables.map { "    {\"name\": \(string($0.table.name)), \"rows\": \($0.rowCount)}" }.joined(separator: ",\n") + "\n  ],\n"
        out +=
            "  \"files\": [\n"
            + files.map { "    {\"path\": \(string($0.path)), \"bytes\": \($0.bytes), \"sha256\": \(string($0.sha256))}" }.joined(separator: ",\n")
            + "\n  ]\n}\n"
        return Data(out.utf8)
    }

    /// The run id recorded in a published folder's manifest, if it has one of ours.
    package static func publishedRunID(in folder: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(manifestName))),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["report_fingerprint"] != nil
        else { return nil }
        return object["run_id"] as? String
    }

    /// The report fingerprint recorded in a published folder's manifest, if any.
    package static func publishedFingerprint(in folder: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(manifestName))),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["report_fingerprint"] as? String
    }
}

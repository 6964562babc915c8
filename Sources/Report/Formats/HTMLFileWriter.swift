/// The HTML report as a ``FormatWriter``. The page charts each indicator's latest period only, so it
/// keeps just those rows of the tables it draws from (and the metadata) as they pass, and renders once
/// every table has been seen: its memory does not grow with the periods published.
struct HTMLFileWriter: FormatWriter {
    let renderer: HTMLReportRenderer
    let folder: String
    /// Latest period (`period_start`) per indicator, as the ICS league table holds them.
    let latestPeriods: [String: String]
    private var kept: [String: PublishedTableData] = [:]
    private var heading: TableHeading?
    private var rows: [[PublishedTableData.Cell]] = []

    /// Tables the page draws from.
    static let drawnFrom: Set<String> = [
        PublishedCatalog.icsLeague.name, PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name,
        PublishedCatalog.icsQuintileGap.name, PublishedCatalog.headlines.name, PublishedCatalog.metadata.name,
    ]

    init(_ renderer: HTMLReportRenderer, latestPeriods: [String: String], folder: String) {
        self.renderer = renderer
        self.latestPeriods = latestPeriods
        self.folder = folder
    }

    mutating func begin(_ heading: TableHeading) throws {
        self.heading = heading
        rows = []
    }

    mutating func write(_ page: [[PublishedTableData.Cell]]) throws {
        guard let heading, Self.drawnFrom.contains(heading.table.name) else { return }
        guard let indicator = heading.columns.firstIndex(where: { $0.name == "indicator_id" }),
            let period = heading.columns.firstIndex(where: { $0.name == "period_start" })
        else {
            rows += page
            return
        }
        rows += page.filter { row in
            guard let id = row[indicator].text, let start = row[period].text else { return true }
            return latestPeriods[id] == start
        }
    }

    mutating func end() throws {
        guard let heading else { return }
        if Self.drawnFrom.contains(heading.table.name) {
            kept[heading.table.name] = PublishedTableData(
                table: heading.table, columns: heading.columns, rows: rows, runID: heading.runID, manifestSHA256: heading.manifestSHA256)
        }
        self.heading = nil
        rows = []
    }

    mutating func finish() throws -> [ReportExporter.WrittenFile] {
        let file = try OutputFile(ReportExporter.htmlName, in: folder)
        try file.write(renderer.render(kept))
        return [try file.close()]
    }
}

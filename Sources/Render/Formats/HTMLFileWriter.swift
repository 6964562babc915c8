package import Publication

/// The HTML publication as a ``FormatWriter`` (docs/REPORT.md, "Pages"). It keeps, as they pass, the rows
/// its pages draw from: every period of the ICS, England and inequality tables (for the trend charts, one
/// row per ICS or group and period), and only the latest period of the quintile and headline tables; it
/// renders once every table has been seen.
package struct HTMLFileWriter: FormatWriter {
    package let renderer: HTMLReportRenderer
    package let folder: String
    /// Latest period (`period_start`) per indicator, as the ICS league table holds them.
    package let latestPeriods: [String: String]
    package let maps: PublicationMaps
    private var kept: [String: PublishedTableData] = [:]
    private var heading: TableHeading?
    private var rows = PublishedPage()

    /// Tables the page draws from.
    package static let drawnFrom: Set<String> = [
        PublishedCatalog.icsLeague.name, PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name,
        PublishedCatalog.icsQuintileGap.name, PublishedCatalog.headlines.name, PublishedCatalog.metadata.name,
        PublishedCatalog.places.name, PublishedCatalog.icsByEthnicGroup.name,
    ]

    /// Tables kept over every period, for the trend charts.
    package static let everyPeriod: Set<String> = [
        PublishedCatalog.icsLeague.name, PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name,
    ]

    package init(_ renderer: HTMLReportRenderer, latestPeriods: [String: String], maps: PublicationMaps, folder: String) {
        self.renderer = renderer
        self.maps = maps
        self.latestPeriods = latestPeriods
        self.folder = folder
    }

    package mutating func begin(_ heading: TableHeading) throws {
        self.heading = heading
        rows = PublishedPage()
    }

    package mutating func write(_ page: PublishedPage) throws {
        guard let heading, Self.drawnFrom.contains(heading.table.name) else { return }
        guard !Self.everyPeriod.contains(heading.table.name), let indicator = heading.columns.firstIndex(where: { $0.name == "indicator_id" }),
            let period = heading.columns.firstIndex(where: { $0.name == "period_start" })
        else {
            rows.rows += page.rows
            rows.statuses += page.statuses
            return
        }
        for (row, status) in zip(page.rows, page.statuses) {
            if let id = row[indicator].text, let start = row[period].text, latestPeriods[id] != start { continue }
            rows.rows.append(row)
            rows.statuses.append(status)
        }
    }

    package mutating func end() throws {
        guard let heading else { return }
        if Self.drawnFrom.contains(heading.table.name) {
            kept[heading.table.name] = PublishedTableData(
                table: heading.table, columns: heading.columns, rows: rows.rows, statuses: rows.statuses, runID: heading.runID,
                manifestSHA256: heading.manifestSHA256)
        }
        self.heading = nil
        rows = PublishedPage()
    }

    package mutating func finish() throws -> [WrittenFile] {
        var written: [WrittenFile] = []
        for page in try renderer.render(kept, maps: maps) {
            let file = try OutputFile(page.path, in: folder)
            try file.write(page.data)
            written.append(try file.close())
        }
        return written
    }
}

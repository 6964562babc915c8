package import Foundation
import PipelineCore
package import Publication

/// The HTML publication (docs/REPORT.md, "Pages"): self-contained, accessible pages with no scripts, fonts
/// or requests — the index (headlines, overview matrices, and per indicator England's trends, the funnel
/// and the ICS caterpillar), the map page, and one profile per ICS. Every chart is an inline SVG with its
/// data table.
package struct HTMLReportRenderer {
    package let title: String
    package let focusIcs: String?
    package let text: CellText
    /// Who publishes the tables (`report.publisher`), said under the title.
    package let publisher: String?

    package init(title: String, focusIcs: String?, text: CellText, publisher: String? = nil) {
        self.title = title
        self.focusIcs = focusIcs
        self.text = text
        self.publisher = publisher
    }

    /// Every page, by path relative to the publication's folder.
    package func render(_ tables: [String: PublishedTableData], maps: PublicationMaps) throws -> [(path: String, data: Data)] {
        let geometry = maps.ics
        let view = try PublicationView(tables)
        var pages = [(path: PublicationFileName.html, data: Data(index(view, hasMap: geometry != nil).utf8))]
        if let geometry {
            pages.append((MapPage.fileName, Data(MapPage(view: view, geometry: geometry, title: "\(title): map", publication: title).render().utf8)))
        }
        pages.append((AboutPage.fileName, Data(AboutPage(view: view, title: "\(title): about the data", publication: title).render().utf8)))
        for system in view.systems {
            pages.append(
                (system.link, Data(IcsProfilePage(view: view, system: system, text: text, publication: title, placeMap: maps.places[system.ods]).render().utf8))
            )
        }
        // Each chart's SVG and data beside the pages, linked from its caption (docs/REPORT.md, "Downloads and print").
        var withDownloads: [(path: String, data: Data)] = []
        for page in pages {
            let processed = ChartDownloads.process(page.data, path: page.path)
            withDownloads.append((page.path, processed.page))
            withDownloads += processed.files
        }
        pages = withDownloads
        return pages
    }

    /// The headline kinds the index lists (the rest are in `soc_headlines`).
    static let onTheIndex: Set<HeadlineKind> = [
        .ratioMostVsLeast, .relativeIndex, .changeSinceBaseline, .siiChangeEngland, .rangeIcs, .gapWidestIcs, .gapNarrowestIcs,
    ]

    /// The index page.
    func index(_ view: PublicationView, hasMap: Bool) -> String {
        let focus = focusIcs ?? view.systems.first?.ods
        var navigation: [(href: String, text: String)] = [("#headlines", "Headlines by indicator"), ("#overview", "Overview of the ICSs")]
        if hasMap { navigation.append((MapPage.fileName, "Map of the ICSs")) }
        var headlineItems = ""
        var sections = ""
        for indicator in view.indicators {
            navigation.append(("#\(indicator.id)", indicator.name))
            // The remaining facts, grouped by indicator below the key messages.
            let facts = indicator.headlines.filter { $0.row.periodStart == indicator.latest && Self.onTheIndex.contains($0.kind) }
            if !facts.isEmpty {
                headlineItems +=
                    "<h3><a href=\"#\(HTML.escape(indicator.id))\">\(HTML.escape(indicator.name))</a></h3><ul class=\"headlines\">"
                    + facts.map { "<li>\(HTML.escape($0.text))</li>" }.joined() + "</ul>"
            }
            let figures = IndicatorFigures(indicator: indicator, text: text)
            var section =
                "<p>\(HTML.escape(indicator.definition))</p><p class=\"meta\">Unit: \(HTML.escape(indicator.unit)). Method: \(HTML.escape(indicator.method)). \(HTML.escape(indicator.signConvention))</p>"
            for caveat in indicator.caveats { section += "<p class=\"caveat\">\(HTML.escape(caveat)).</p>" }
            section += figures.timeSeries() ?? ""
            if let noSplit = indicator.noSplit {
                section += figures.funnel { "ics/\($0).html" }
                section += figures.ethnicGroups(focus: focus) ?? ""
                section += "<p class=\"not-available\">Inequality by deprivation: \(HTML.escape(noSplit)).</p>"
                section += figures.ecological()
            } else {
                if indicator.periods.count > 1 {
                    section += figures.englandTrend()
                    section += figures.siiTrend()
                }
                section += figures.quintiles(focus: focus)
                section += figures.funnel { "ics/\($0).html" }
                section += figures.valueGap { "ics/\($0).html" } ?? ""
                section += figures.caterpillar()
            }
            sections += HTMLPage.section(
                indicator.id, "\(HTML.escape(indicator.name)) <span class=\"period\">(\(HTML.escape(indicator.latestLabel)))</span>", section)
        }
        navigation.append(("#systems", "ICS profiles"))
        navigation.append(("#notes", "Notes and methods"))
        navigation.append((AboutPage.fileName, "About the data: sources, methods and what the figures leave out"))
        let matrix = OverviewMatrix(view: view) { "ics/\($0).html" }
        var body = HTMLPage.section("headlines", "Headlines by indicator", headlineItems)
        body += HTMLPage.section(
            "overview", "Overview of the ICSs",
            "<p>Each system's latest value against England, and the inequality by deprivation within it against England's. Select a system for its profile\(hasMap ? ", or see the <a href=\"\(MapPage.fileName)\">map</a>" : "").</p>"
                + OverviewMatrix.key([.better998, .better95, .similar, .worse95, .worse998, .higher998, .higher95, .lower95, .lower998, .notCompared])
                + matrix.values() + OverviewMatrix.key([.widerGap, .similarGap, .narrowerGap, .gapNotAvailable]) + matrix.inequality())
        body += sections
        body += HTMLPage.section(
            "systems", "ICS profiles",
            "<ul class=\"systems\">" + view.systems.map { "<li><a href=\"\(HTML.escape($0.link))\">\(HTML.escape($0.name))</a></li>" }.joined() + "</ul>")
        let notes = view.metadata.filter { $0.indicator == "all" && !["title", "run_id", "manifest_sha256"].contains($0.text(.item)) }
            .map { "<dt>\(HTML.escape($0.text(.item).replacingOccurrences(of: "_", with: " ")))</dt><dd>\(HTML.escape($0.text(.value)))</dd>" }
            .joined()
        body += HTMLPage.section(
            "notes", "Notes and methods",
            "<p><strong>\(HTML.escape(text.suppressedSymbol))</strong> suppressed by disclosure control; <strong>\(HTML.escape(CellText.withheldSymbol))</strong> not available (the method gives no reliable figure). Points hidden by disclosure control are left out of the charts.</p><dl>\(notes)</dl>"
        )
        let page = HTMLPage(title: title, publication: title, runID: view.runID, manifest: view.manifest, root: "", banner: view.general("synthetic_data"))
        let messages = KeyMessages(view: view, publisher: publisher)
        return page.render(navigation: navigation, body: body, lead: messages.standfirst() + messages.html())
    }
}

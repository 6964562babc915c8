public import Foundation
import PipelineCore

/// One self-contained, accessible HTML page (no scripts, fonts or network): the headline statements,
/// then for each indicator's latest period a quintile chart (England and a chosen ICS), a funnel plot
/// of the ICSs against England and the ICSs' SIIs — each chart an inline SVG with a data table.
public struct HTMLReportRenderer {
    let title: String
    let focusIcs: String?
    let text: CellText

    public init(title: String, focusIcs: String?, text: CellText) {
        self.title = title
        self.focusIcs = focusIcs
        self.text = text
    }

    public func render(_ tables: [String: PublishedTableData]) -> Data {
        let league = tables[PublishedCatalog.icsLeague.name]?.records ?? []
        let national = tables[PublishedCatalog.nationalByGroup.name]?.records ?? []
        let inequality = tables[PublishedCatalog.nationalInequality.name]?.records ?? []
        let quintiles = tables[PublishedCatalog.icsQuintileGap.name]?.records ?? []
        let headlines = tables[PublishedCatalog.headlines.name]?.records ?? []
        let metadata = tables[PublishedCatalog.metadata.name]?.records ?? []
        let runID = tables.values.lazy.compactMap(\.runID).first ?? "none"
        let manifest = tables.values.lazy.compactMap(\.manifestSHA256).first ?? "none"
        let indicators = metadata.filter { $0["item"]?.text == "title" && $0["indicator_id"]?.text != "all" }
            .compactMap { row in row["indicator_id"]?.text.map { ($0, row["value"]?.text ?? $0) } }
        let focus = focusIcs ?? league.first?["ics_ods_code"]?.text

        var sections = ""
        var contents = "<li><a href=\"#headlines\">Headlines</a></li>"
        var headlineItems = ""
        for (id, name) in indicators {
            let rows = league.filter { $0["indicator_id"]?.text == id }
            guard let period = rows.compactMap({ $0["period_start"]?.text }).max() else { continue }
            let label = FigureText.period(
                start: period, end: rows.first { $0["period_start"]?.text == period }?["period_end"]?.text ?? period)
            let unit = rows.first?["unit"]?.text ?? ""
            func metadataValue(_ item: String) -> String {
                metadata.first { $0["indicator_id"]?.text == id && $0["item"]?.text == item }?["value"]?.text ?? ""
            }
            contents += "<li><a href=\"#\(HTML.escape(id))\">\(HTML.escape(name))</a></li>"
            for headline in headlines where headline["indicator_id"]?.text == id && headline["period_start"]?.text == period {
                let type = headline["statement_type"]?.text ?? ""
                if ["ratio_most_vs_least", "relative_index", "change_since_baseline", "range_ics"].contains(type) {
                    headlineItems += "<li>\(HTML.escape(headline["text"]?.text ?? ""))</li>"
                }
            }
            let current = rows.filter { $0["period_start"]?.text == period }
            sections +=
                "<section id=\"\(HTML.escape(id))\" aria-labelledby=\"\(HTML.escape(id))-heading\"><h2 id=\"\(HTML.escape(id))-heading\">\(HTML.escape(name)) <span class=\"period\">(\(label))</span></h2>"
            sections +=
                "<p>\(HTML.escape(metadataValue("definition")))</p><p class=\"meta\">Unit: \(HTML.escape(unit)). Method: \(HTML.escape(metadataValue("method"))). \(HTML.escape(metadataValue("sign_convention")))</p>"
            let noSplit = metadataValue("deprivation_split")
            if noSplit.isEmpty {
                sections += quintileFigure(id: id, name: name, unit: unit, period: period, national: national, quintiles: quintiles, focus: focus)
            }
            sections += funnelFigure(id: id, name: name, unit: unit, period: period, league: current, national: national)
            if noSplit.isEmpty {
                sections += siiFigure(id: id, name: name, unit: unit, period: period, league: current, inequality: inequality)
            } else {
                sections += "<p class=\"not-available\">Inequality by deprivation: \(HTML.escape(noSplit)).</p>"
                sections += ecologicalFigure(
                    id: id, name: name, unit: unit, league: current, national: national, period: period,
                    imdVintage: current.first?["imd_vintage"]?.text ?? "")
            }
            sections += "</section>"
        }
        let notes = metadata.filter { $0["indicator_id"]?.text == "all" && !["title", "run_id", "manifest_sha256"].contains($0["item"]?.text ?? "") }
            .map {
                "<dt>\(HTML.escape(($0["item"]?.text ?? "").replacingOccurrences(of: "_", with: " ")))</dt><dd>\(HTML.escape($0["value"]?.text ?? ""))</dd>"
            }
            .joined()
        contents += "<li><a href=\"#notes\">Notes and methods</a></li>"
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        page += "<meta name=\"soc-run-id\" content=\"\(HTML.escape(runID))\"><meta name=\"soc-manifest-sha256\" content=\"\(HTML.escape(manifest))\">"
        page += "<title>\(HTML.escape(title))</title><style>\(Self.style)</style></head><body>"
        page += "<a class=\"skip\" href=\"#main\">Skip to main content</a><header><h1>\(HTML.escape(title))</h1>"
        page += "<p class=\"meta\">Run <code>\(HTML.escape(runID))</code> · manifest SHA-256 <code>\(HTML.escape(manifest))</code></p></header>"
        page += "<nav aria-label=\"Contents\"><h2>Contents</h2><ul>\(contents)</ul></nav><main id=\"main\">"
        page +=
            "<section id=\"headlines\" aria-labelledby=\"headlines-heading\"><h2 id=\"headlines-heading\">Headlines</h2><ul class=\"headlines\">\(headlineItems)</ul></section>"
        page += sections
        page +=
            "<section id=\"notes\" aria-labelledby=\"notes-heading\"><h2 id=\"notes-heading\">Notes and methods</h2><p><strong>\(HTML.escape(text.suppressedSymbol))</strong> suppressed by disclosure control; <strong>\(HTML.escape(CellText.withheldSymbol))</strong> not available (the method gives no reliable figure). Points hidden by disclosure control are left out of the charts.</p><dl>\(notes)</dl></section>"
        page +=
            "</main><footer><p>Generated by soc-pipeline \(HTML.escape(ProgramVersion.current)), run <code>\(HTML.escape(runID))</code>, manifest <code>\(HTML.escape(manifest))</code>.</p></footer></body></html>\n"
        return Data(page.utf8)
    }

    private func point(
        _ row: [String: PublishedTableData.Cell], label: String, value: String = "value",
        lower: String = "lcl95", upper: String = "ucl95", style: String = ""
    ) -> ChartPoint? {
        guard let number = row[value]?.number else { return nil }
        return ChartPoint(label: label, value: number, lower: row[lower]?.number, upper: row[upper]?.number, style: style)
    }

    private func quintileFigure(
        id: String, name: String, unit: String, period: String, national: [[String: PublishedTableData.Cell]],
        quintiles: [[String: PublishedTableData.Cell]], focus: String?
    ) -> String {
        let england = (1...5).map { quintile in
            national.first {
                $0["indicator_id"]?.text == id && $0["period_start"]?.text == period
                    && $0["breakdown_type"]?.text == BreakdownType.imdQuintile.rawValue && $0["breakdown_value"]?.text?.hasPrefix("\(quintile)") == true
            }.flatMap { point($0, label: "England") }
        }
        let icsRows = quintiles.filter { $0["indicator_id"]?.text == id && $0["period_start"]?.text == period }
        let focusCode = icsRows.contains { $0["ics_ods_code"]?.text == focus } ? focus : icsRows.first?["ics_ods_code"]?.text
        let focusRows = icsRows.filter { $0["ics_ods_code"]?.text == focusCode }
        let focusName = focusRows.first?["ics_name"]?.text ?? focusCode ?? "ICS"
        let ics = (1...5).map { quintile in
            focusRows.first { $0["quintile"]?.number == Double(quintile) }.flatMap { point($0, label: focusName) }
        }
        let chart = QuintileChart(id: "\(id)-quintiles", title: name, unit: unit, series: [("England", england), (focusName, ics)])
        var table =
            "<table><caption>\(HTML.escape(name)) by quintile</caption><thead><tr><th scope=\"col\">Quintile</th><th scope=\"col\">England</th><th scope=\"col\">\(HTML.escape(focusName))</th></tr></thead><tbody>"
        for quintile in 0..<5 {
            table +=
                "<tr><th scope=\"row\">\(quintile + 1)</th><td>\(Self.estimateText(england[quintile]))</td><td>\(Self.estimateText(ics[quintile]))</td></tr>"
        }
        table += "</tbody></table>"
        return figure(
            chart.svg(), caption: "\(name) by national deprivation quintile: England and \(focusName), with 95% confidence intervals.", table: table,
            kind: "quintile")
    }

    private func funnelFigure(
        id: String, name: String, unit: String, period: String, league: [[String: PublishedTableData.Cell]],
        national: [[String: PublishedTableData.Cell]]
    ) -> String {
        let england = national.first {
            $0["indicator_id"]?.text == id && $0["period_start"]?.text == period && $0["breakdown_type"]?.text == BreakdownType.all.rawValue
        }?["value"]?
        .number
        var items: [FunnelPlot.Item] = []
        var table =
            "<table><caption>\(HTML.escape(name)) by ICS</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">Denominator</th><th scope=\"col\">Value (95% CI)</th><th scope=\"col\">Funnel position</th></tr></thead><tbody>"
        for row in league {
            let icsName = row["ics_name"]?.text ?? ""
            let band = row["funnel_band"]?.text ?? "not_applicable"
            table +=
                "<tr><th scope=\"row\">\(HTML.escape(icsName))</th><td>\(HTML.escape(text.display(row["denominator"] ?? .empty)))</td><td>\(Self.estimate(point(row, label: icsName)) ?? HTML.escape(text.display(row["value"] ?? .empty)))</td><td>\(HTML.escape(band.replacingOccurrences(of: "_", with: " ")))</td></tr>"
            guard let point = point(row, label: icsName, style: band), let denominator = row["denominator"]?.number else { continue }
            let limits95 = row["funnel_lcl95"]?.number.flatMap { low in row["funnel_ucl95"]?.number.map { (low, $0) } }
            let limits998 = row["funnel_lcl998"]?.number.flatMap { low in row["funnel_ucl998"]?.number.map { (low, $0) } }
            items.append(FunnelPlot.Item(point: point, denominator: denominator, limits95: limits95, limits998: limits998))
        }
        table += "</tbody></table>"
        let chart = FunnelPlot(id: "\(id)-funnel", title: name, unit: unit, england: england, items: items)
        return figure(
            chart.svg(),
            caption:
                "\(name): \(items.count) ICSs against England's value, with 95% and 99.8% funnel limits. Points outside the limits differ from England by more than chance would suggest.",
            table: table, kind: "funnel")
    }

    /// For an indicator with no deprivation split: each ICS's value against its Core20 share, labelled as
    /// the between-systems view it is.
    private func ecologicalFigure(
        id: String, name: String, unit: String, league: [[String: PublishedTableData.Cell]], national: [[String: PublishedTableData.Cell]],
        period: String, imdVintage: String
    ) -> String {
        let england = national.first {
            $0["indicator_id"]?.text == id && $0["period_start"]?.text == period && $0["breakdown_type"]?.text == BreakdownType.all.rawValue
        }?["value"]?.number
        // The average IMD score where every ICS has one (the summary by ICB is configured), else Core20.
        let scored = !league.isEmpty && league.allSatisfy { $0["imd_average_score"]?.number != nil }
        let measure: EcologicalChart.Measure = scored ? .averageScore(vintage: imdVintage) : .core20Share
        var points: [(deprivation: Double, point: ChartPoint)] = []
        var table =
            "<table><caption>\(HTML.escape(name)) by ICS, with its deprivation (ecological view)</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">Average IMD score</th><th scope=\"col\">Population in the most deprived 20% of areas</th><th scope=\"col\">Value (95% CI)</th></tr></thead><tbody>"
        for row in league {
            let icsName = row["ics_name"]?.text ?? ""
            let score = row["imd_average_score"]?.number, core20 = row["core20_share"]?.number
            let shown = point(row, label: icsName)
            table +=
                "<tr><th scope=\"row\">\(HTML.escape(icsName))</th><td>\(score.map { FigureText.figure($0, decimals: 1) } ?? "not available")</td><td>\(core20.map { FigureText.figure($0 * 100, decimals: 1) + "%" } ?? "not available")</td><td>\(Self.estimate(shown) ?? HTML.escape(text.display(row["value"] ?? .empty)))</td></tr>"
            if let x = scored ? score : core20, let shown { points.append((x, shown)) }
        }
        table += "</tbody></table>"
        let chart = EcologicalChart(id: "\(id)-ecological", title: name, unit: unit, england: england, points: points, measure: measure)
        return figure(
            chart.svg(),
            caption:
                "Ecological view of \(name): each ICS's value against \(measure.sentence). It compares systems with one another; it says nothing about inequality between people within a system.",
            table: table, kind: "ecological")
    }

    private func siiFigure(
        id: String, name: String, unit: String, period: String, league: [[String: PublishedTableData.Cell]],
        inequality: [[String: PublishedTableData.Cell]]
    ) -> String {
        let england = inequality.first { $0["indicator_id"]?.text == id && $0["period_start"]?.text == period && $0["n_quantiles"]?.number == 5 }?["sii"]?
            .number
        var points: [ChartPoint] = []
        var table =
            "<table><caption>\(HTML.escape(name)): SII by ICS</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">SII (95% CI)</th><th scope=\"col\">Against England</th></tr></thead><tbody>"
        for row in league {
            let icsName = row["ics_name"]?.text ?? ""
            let versus = row["sii_vs_england"]?.text ?? "not compared"
            let sii = point(row, label: icsName, value: "sii", lower: "sii_lcl95", upper: "sii_ucl95", style: "sii-\(versus)")
            table += "<tr><th scope=\"row\">\(HTML.escape(icsName))</th><td>\(Self.estimate(sii) ?? "not available")</td><td>\(HTML.escape(versus))</td></tr>"
            if let sii { points.append(sii) }
        }
        table += "</tbody></table>"
        let chart = SIIChart(id: "\(id)-sii", title: name, unit: unit, england: england, points: points)
        return figure(
            chart.svg(),
            caption:
                "\(name): slope index of inequality over national deprivation quintiles for \(points.count) ICSs, with 95% intervals; the dashed line is England's.",
            table: table, kind: "sii")
    }

    private func figure(_ svg: String, caption: String, table: String, kind: String) -> String {
        "<figure class=\"\(kind)\">\(svg)<figcaption>\(HTML.escape(caption))</figcaption><details><summary>Show the data</summary>\(table)</details></figure>"
    }

    static func estimate(_ point: ChartPoint?) -> String? {
        guard let point else { return nil }
        let interval = point.lower.flatMap { low in point.upper.map { " (\(FigureText.figure(low)) to \(FigureText.figure($0)))" } } ?? ""
        return HTML.escape(FigureText.figure(point.value) + interval)
    }

    static func estimateText(_ point: ChartPoint?) -> String { estimate(point) ?? "not available" }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#0b0c0c;margin:0 auto;max-width:980px;padding:0 16px 48px;line-height:1.5}
        .skip{position:absolute;left:-9999px}.skip:focus{left:16px;top:8px;background:#fd0;padding:4px}
        h1{font-size:2rem;margin:24px 0 8px}h2{border-top:2px solid #1d70b8;padding-top:12px;margin-top:40px}
        .meta,figcaption{color:#505a5f;font-size:.95rem}code{font-size:.85rem;word-break:break-all}
        figure{margin:24px 0}svg.chart{width:100%;height:auto;max-width:760px;display:block}
        .grid{stroke:#e6e6e6}.axis{stroke:#0b0c0c}.tick{font-size:11px;fill:#0b0c0c}.axis-label{font-size:12px;fill:#0b0c0c}
        .ci{stroke:#505a5f;stroke-width:1.5}.series-0 circle{fill:#1d70b8}.series-1 rect{fill:#d4351c}.series-1 .ci{stroke:#d4351c}
        .legend text{font-size:12px}.england{stroke:#0b0c0c;stroke-dasharray:6 4;stroke-width:1.5}.zero{stroke:#b1b4b6}
        .limit95{fill:none;stroke:#6f72af;stroke-width:1.2}.limit998{fill:none;stroke:#6f72af;stroke-width:1.2;stroke-dasharray:3 3}
        circle.point{fill:#1d70b8}circle.high_998,circle.low_998{fill:#d4351c}circle.high_95,circle.low_95{fill:#f47738}
        .point circle{fill:#1d70b8}.sii-higher circle{fill:#d4351c}.sii-lower circle{fill:#00703c}
        table{border-collapse:collapse;margin:8px 0;font-size:.9rem}th,td{border-bottom:1px solid #b1b4b6;padding:4px 8px;text-align:left}td{text-align:right}
        caption{text-align:left;font-weight:600}dt{font-weight:600;margin-top:8px}dd{margin-left:0}
        """
}

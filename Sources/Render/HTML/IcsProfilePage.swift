import Foundation
import Publication
import Statistics

/// One ICS's profile (docs/REPORT.md, "Profiles"): its facts, a spine chart of every indicator against
/// England and the other systems, then per indicator its quintiles beside England's, its SII over time, its
/// places against the system (a funnel within the ICS) and the notes a report writer needs (hidden cells,
/// unstable SIIs, trend).
struct IcsProfilePage {
    let view: PublicationView
    let system: PublicationView.System
    let text: CellText
    let publication: String
    /// The ICS's places' outlines, when place boundaries are configured.
    var placeMap: PlaceMap? = nil

    func render() -> String {
        let facts = view.indicators.lazy.compactMap { $0.ics(system.ods) }.first?.row
        var body =
            "<dl class=\"facts\"><dt>Region</dt><dd>\(HTML.escape(system.region))</dd><dt>Codes</dt><dd>\(HTML.escape(system.ods)) · \(HTML.escape(system.ons))</dd>"
        if let population = facts?[.population] { body += "<dt>Resident population (rounded)</dt><dd>\(HTML.escape(text.display(population)))</dd>" }
        if let core20 = facts?[.core20Share].number {
            body += "<dt>Living in England's most deprived 20% of areas</dt><dd>\(FigureText.figure(core20 * 100))%</dd>"
        }
        if let score = facts?[.imdAverageScore].number { body += "<dt>Average IMD score</dt><dd>\(FigureText.figure(score))</dd>" }
        body += "</dl>"
        body += ProfileSummary(view: view, system: system).html()
        body += HTMLPage.section("spine", "All indicators against England", spine())
        var navigation: [(href: String, text: String)] = [("#summary", "What this says"), ("#spine", "All indicators against England")]
        for indicator in view.indicators {
            guard let row = indicator.ics(system.ods) else { continue }
            navigation.append(("#\(indicator.id)", indicator.name))
            let figures = IndicatorFigures(indicator: indicator, text: text)
            var section = "<p>\(HTML.escape(indicator.definition))</p>"
            for caveat in indicator.caveats { section += "<p class=\"caveat\">\(HTML.escape(caveat)).</p>" }
            section += figures.timeSeries(ods: system.ods, owner: SIIChart.shortName(system.name)) ?? ""
            if let noSplit = indicator.noSplit {
                section += figures.ethnicGroups(focus: system.ods, idSuffix: "-\(system.ods)") ?? ""
                section += "<p class=\"not-available\">Inequality by deprivation: \(HTML.escape(noSplit)).</p>"
            } else {
                section += figures.quintiles(focus: system.ods, idSuffix: "-\(system.ods)")
                section += figures.siiTrend(ods: system.ods, owner: SIIChart.shortName(system.name))
            }
            section += "<h3>Places</h3>"
            section +=
                figures.places(ods: system.ods, icsName: system.name)
                ?? "<p class=\"not-available\">No place figures: the source is not by LSOA, or the population is by ICB only.</p>"
            if let placeMap { section += figures.placeMap(ods: system.ods, icsName: system.name, map: placeMap) ?? "" }
            section += "<h3>Notes</h3><ul class=\"notes\">\(notes(indicator, row))</ul>"
            body += HTMLPage.section(
                indicator.id, "\(HTML.escape(indicator.name)) <span class=\"period\">(\(HTML.escape(indicator.latestLabel)))</span>", section)
        }
        let page = HTMLPage(
            title: system.name, publication: publication, runID: view.runID, manifest: view.manifest, root: "../", banner: view.general("synthetic_data"))
        return page.render(navigation: navigation, body: body)
    }

    /// Fingertips' spine chart: the ICS against England and the range of all ICSs, one row per indicator.
    private func spine() -> String {
        var table = DataTable(
            caption: "\(SIIChart.shortName(system.name)) against England, latest period of each indicator",
            columns: [
                "Indicator", "Period", "ICS value (95% CI)", "England", "Lowest ICS", "Highest ICS", "Against England",
                "Range of ICSs (England at the centre; better, or higher without polarity, to the right)",
            ], cssClass: "spine-table")
        for indicator in view.indicators {
            guard let ics = indicator.ics(system.ods) else { continue }
            let row = ics.row
            let values = indicator.current.compactMap { $0.row[.value].number }
            let england = indicator.england(indicator.latest)?.row[.value].number
            let shade = ComparisonShade(indicator.verdict(ics))
            var chart = ""
            if let value = row[.value].number, let england {
                chart = SpineChart(
                    ics: value, england: england, values: values, flipped: indicator.polarity == .lowerIsBetter, shade: shade,
                    label:
                        "\(indicator.name): \(FigureText.withUnit(value, unit: indicator.unit, decimals: row.decimals(.value))) against England's \(FigureText.withUnit(england, unit: indicator.unit)); ICSs range \(IndicatorFigures.figure(values.min() ?? 0, among: indicator.current)) to \(IndicatorFigures.figure(values.max() ?? 0, among: indicator.current))"
                ).svg()
            }
            table.add(
                "<a href=\"#\(HTML.escape(indicator.id))\">\(HTML.escape(indicator.name))</a> <span class=\"meta\">(\(HTML.escape(indicator.unit)))</span>",
                [
                    HTML.escape(indicator.latestLabel),
                    IndicatorFigures.point(row, label: "").map { IndicatorFigures.estimate($0) } ?? HTML.escape(text.display(row[.value])),
                    england.map { FigureText.figure($0) } ?? "not available", values.min().map { IndicatorFigures.figure($0, among: indicator.current) } ?? "",
                    values.max().map { IndicatorFigures.figure($0, among: indicator.current) } ?? "", HTML.escape(shade.label), chart,
                ])
        }
        return table.html
            + "<p class=\"meta\">In each bar the light grey spans every ICS's value, the darker grey the middle half, the black line is England. The marker is this ICS: a circle within England's 95% interval test, a diamond beyond 95%, a square beyond 99.8%.</p>"
    }

    /// What a report writer should know about this ICS's figures for one indicator.
    private func notes(_ indicator: PublicationView.Indicator, _ ics: LeagueRow) -> String {
        var notes: [String] = []
        let cells =
            indicator.league.filter { $0.ods == system.ods }.flatMap { row in IcsLeagueColumn.allCases.map { row.row[$0] } }
            + indicator.quintiles.filter { $0.text(.icsOdsCode) == system.ods }.flatMap { row in IcsQuintileGapColumn.allCases.map { row[$0] } }
        let suppressed = cells.filter { $0 == .suppressed }.count
        let withheld = cells.filter { $0 == .withheld }.count
        notes.append(
            suppressed == 0 && withheld == 0
                ? "No figure of this system is hidden for this indicator."
                : "Across the \(indicator.periods.count) periods, \(suppressed) of this system's figures are hidden by disclosure control and \(withheld) are not available from the method."
        )
        if let reason = ics.siiUnstableReason {
            notes.append("Its slope index of inequality is unstable (\(reason)), so read it with care.")
        }
        if let trend = ics.row[.trendMarker].text.flatMap(TrendDirection.init(rawValue:)), let words = ProfileSummary.trend(trend) {
            notes.append("Since the baseline period its value has \(words).")
        }
        // The page's verdict is the indicator's policy; the other test is named as secondary, never as a
        // second verdict (docs/METHODS.md §10).
        switch indicator.comparison {
        case .twoLevel:
            if ics.row[.funnelBand].text != nil {
                notes.append(
                    "By the funnel plot, a secondary test here (this page's verdict is the interval test), it is \(ProfileSummary.verdict(FunnelPlot.shade(ics.funnelBand, polarity: indicator.polarity)))."
                )
            }
        case .funnel:
            if ics.row[.compareEngland2level].text != nil {
                notes.append(
                    "By its confidence interval, a secondary test here (this page's verdict is the funnel band), it is \(ProfileSummary.verdict(ComparisonShade(ics.comparison)))."
                )
            }
        }
        return notes.map { "<li>\(HTML.escape($0))</li>" }.joined()
    }
}

import PipelineCore
import Publication
package import Statistics

/// The charts of one indicator, each an inline SVG with a caption and its data table (docs/REPORT.md,
/// "Charts"). Values hidden by disclosure control are left out of the charts and shown as such in the tables.
package struct IndicatorFigures {
    package let indicator: PublicationView.Indicator
    package let text: CellText

    private var id: String { indicator.id }
    private var name: String { indicator.name }
    private var unit: String { indicator.unit }

    package static func point(
        _ row: Record?, label: String, value: String = "value", lower: String = "lcl95", upper: String = "ucl95"
    ) -> ChartPoint? {
        guard let row, let number = row[value]?.number else { return nil }
        return ChartPoint(label: label, value: number, lower: row[lower]?.number, upper: row[upper]?.number)
    }

    package static func estimate(_ point: ChartPoint?) -> String {
        guard let point else { return "not available" }
        let interval = point.lower.flatMap { low in point.upper.map { " (\(FigureText.figure(low)) to \(FigureText.figure($0)))" } } ?? ""
        return HTML.escape(FigureText.figure(point.value) + interval)
    }

    /// England and one ICS by national deprivation quintile, latest period.
    package func quintiles(focus ods: String?, idSuffix: String = "") -> String {
        let period = indicator.latest
        let england = (1...5).map { Self.point(indicator.englandQuintile(period, $0), label: "England") }
        let focusRows = indicator.quintiles.filter { $0["ics_ods_code"]?.text == ods && $0["period_start"]?.text == period }
        let focusName = focusRows.first?["ics_name"]?.text.map(SIIChart.shortName)
        let ics = (1...5).map { quintile in Self.point(focusRows.first { $0["quintile"]?.number == Double(quintile) }, label: focusName ?? "") }
        var series: [(name: String, points: [ChartPoint?])] = [("England", england)]
        if let focusName { series.append((focusName, ics)) }
        let chart = QuintileChart(id: "\(id)-quintiles\(idSuffix)", title: name, unit: unit, series: series)
        var table =
            "<table><caption>\(HTML.escape(name)) by quintile, \(HTML.escape(indicator.latestLabel))</caption><thead><tr><th scope=\"col\">Quintile</th>"
        for entry in series { table += "<th scope=\"col\">\(HTML.escape(entry.name)) (\(HTML.escape(unit)), 95% CI)</th>" }
        table += "</tr></thead><tbody>"
        for quintile in 0..<5 {
            table += "<tr><th scope=\"row\">\(quintile + 1)\(quintile == 0 ? " (most deprived)" : quintile == 4 ? " (least deprived)" : "")</th>"
            for entry in series { table += "<td>\(Self.estimate(entry.points[quintile]))</td>" }
            table += "</tr>"
        }
        table += "</tbody></table>"
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name) by national deprivation quintile, \(indicator.latestLabel): \(series.map(\.name).joined(separator: " and ")), with 95% confidence intervals.",
            table: table, kind: "quintile")
    }

    /// England's value in each quintile, and overall, over every period.
    package func englandTrend() -> String {
        let labels = indicator.periods.map(\.label)
        var series = (1...5).map { quintile in
            TrendChart.Series(
                name: quintile == 1 ? "Q1 most deprived" : quintile == 5 ? "Q5 least deprived" : "Q\(quintile)",
                points: indicator.periods.map { Self.point(indicator.englandQuintile($0.start, quintile), label: "Q\(quintile)") },
                colour: TrendChart.quintileStyles[quintile - 1].colour, dash: TrendChart.quintileStyles[quintile - 1].dash)
        }
        series.append(
            TrendChart.Series(name: "England", points: indicator.periods.map { Self.point(indicator.england($0.start), label: "England") }, colour: "#0b0c0c"))
        let chart = TrendChart(id: "\(id)-quintile-trend", title: "\(name) in England by deprivation quintile", unit: unit, periods: labels, series: series)
        var table =
            "<table><caption>\(HTML.escape(name)) in England by quintile over time (\(HTML.escape(unit)))</caption><thead><tr><th scope=\"col\">Period</th>"
        for line in series { table += "<th scope=\"col\">\(HTML.escape(line.name))</th>" }
        table += "</tr></thead><tbody>"
        for (index, label) in labels.enumerated() {
            table += "<tr><th scope=\"row\">\(HTML.escape(label))</th>"
            for line in series { table += "<td>\(line.points[index].map { FigureText.figure($0.value) } ?? "not available")</td>" }
            table += "</tr>"
        }
        table += "</tbody></table>"
        return HTMLPage.figure(
            chart.svg(), caption: "\(name) in England over time, in each national deprivation quintile and overall.", table: table, kind: "trend")
    }

    /// An SII over every period with its 95% interval: England's, or one ICS's.
    package func siiTrend(ods: String? = nil, owner: String = "England") -> String {
        let labels = indicator.periods.map(\.label)
        let points = indicator.periods.map { period -> ChartPoint? in
            let row = ods.map { indicator.ics($0, period: period.start) } ?? indicator.englandInequality(period.start)
            return Self.point(row, label: owner, value: "sii", lower: "sii_lcl95", upper: "sii_ucl95")
        }
        let chart = TrendChart(
            id: "\(id)-sii-trend\(ods.map { "-\($0)" } ?? "")", title: "\(name): \(owner)'s slope index of inequality", unit: "SII (\(unit))",
            periods: labels, series: [TrendChart.Series(name: "SII", points: points, colour: "#6f1d6b", band: true)], reference: 0)
        var table =
            "<table><caption>\(HTML.escape(owner)): SII of \(HTML.escape(name)) over time (\(HTML.escape(unit)))</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">SII (95% CI)</th></tr></thead><tbody>"
        for (index, label) in labels.enumerated() { table += "<tr><th scope=\"row\">\(HTML.escape(label))</th><td>\(Self.estimate(points[index]))</td></tr>" }
        table += "</tbody></table>"
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(owner)'s slope index of inequality in \(FigureText.inSentence(name)) over time, with its 95% interval; 0 = no gradient by deprivation. \(indicator.signConvention)",
            table: table, kind: "sii-trend")
    }

    /// The ICSs against England with continuous funnel limits, latest period.
    package func funnel(link: (String) -> String) -> String {
        guard let statistic = indicator.statistic, statistic.method.funnel != .none, let england = indicator.england(indicator.latest)?["value"]?.number
        else {
            return "<p class=\"not-available\">No funnel plot: the method has no funnel limits.</p>"
        }
        let construction = statistic.method.funnel
        var items: [FunnelPlot.Item] = []
        var table =
            "<table><caption>\(HTML.escape(name)) by ICS, \(HTML.escape(indicator.latestLabel))</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">Denominator</th><th scope=\"col\">Value (\(HTML.escape(unit)), 95% CI)</th><th scope=\"col\">Against England</th></tr></thead><tbody>"
        for row in indicator.current {
            let icsName = row["ics_name"]?.text ?? "", ods = row["ics_ods_code"]?.text ?? ""
            let band = row["funnel_band"]?.text.flatMap(FunnelBand.init(rawValue:)) ?? .notApplicable
            let shade = FunnelPlot.shade(band, polarity: indicator.polarity)
            table +=
                "<tr><th scope=\"row\"><a href=\"\(HTML.escape(link(ods)))\">\(HTML.escape(icsName))</a></th><td>\(HTML.escape(text.display(row["denominator"] ?? .empty)))</td><td>\(Self.point(row, label: icsName).map { Self.estimate($0) } ?? HTML.escape(text.display(row["value"] ?? .empty)))</td><td>\(HTML.escape(shade.label))</td></tr>"
            guard let value = row["value"]?.number, let x = Self.funnelX(row, statistic: statistic, multiplier: indicator.multiplier) else { continue }
            items.append(FunnelPlot.Item(name: SIIChart.shortName(icsName), value: value, denominator: x, shade: shade, band: band))
        }
        table += "</tbody></table>"
        let axis = Self.funnelAxis(statistic)
        let tau2 = indicator.current.lazy.compactMap { $0["funnel_tau2"]?.number }.first
        let chart = FunnelPlot(
            id: "\(id)-funnel", title: name, unit: unit, england: england, construction: construction, multiplier: indicator.multiplier, axisLabel: axis,
            items: items, tau2: tau2)
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name), \(indicator.latestLabel): \(items.count) ICSs against England's value, with 95% and 99.8% control limits. "
                + (tau2.map {
                    $0 > 0
                        ? "The limits are widened for the variation between ICSs beyond chance (Spiegelhalter's overdispersion adjustment), so points beyond them stand out even allowing for it."
                        : "The overdispersion adjustment found no variation beyond chance, so the limits are chance alone."
                } ?? "Points beyond the curves differ from England by more than chance would suggest."),
            table: table, kind: "funnel")
    }

    /// One ICS's places against the ICS's value (docs/REPORT.md, "Profiles"): a funnel within the system
    /// and the table of places; nil when the indicator has no place figures.
    package func places(ods: String, icsName: String) -> String? {
        let rows = indicator.places(of: ods)
        guard !rows.isEmpty else { return nil }
        let first = rows[0]
        var table =
            "<table><caption>\(HTML.escape(name)) by place in \(HTML.escape(SIIChart.shortName(icsName))), \(HTML.escape(indicator.latestLabel))</caption><thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Code</th><th scope=\"col\">Denominator</th><th scope=\"col\">Value (\(HTML.escape(unit)), 95% CI)</th><th scope=\"col\">Against the ICS</th></tr></thead><tbody>"
        var items: [FunnelPlot.Item] = []
        for row in rows {
            let placeName = row["place_name"]?.text ?? "", code = row["place_code"]?.text ?? ""
            let band = row["funnel_band"]?.text.flatMap(FunnelBand.init(rawValue:)) ?? .notApplicable
            let shade = ComparisonShade(row["compare_ics_2level"]?.text.flatMap(TwoLevelComparison.init(rawValue:)) ?? .notCompared)
            table +=
                "<tr><th scope=\"row\">\(HTML.escape(placeName))</th><td>\(HTML.escape(code))</td><td>\(HTML.escape(text.display(row["denominator"] ?? .empty)))</td><td>\(Self.point(row, label: placeName).map { Self.estimate($0) } ?? HTML.escape(text.display(row["value"] ?? .empty)))</td><td>\(HTML.escape(shade.label(against: "the ICS")))</td></tr>"
            guard let statistic = indicator.statistic, let value = row["value"]?.number,
                let x = Self.funnelX(row, statistic: statistic, multiplier: indicator.multiplier)
            else { continue }
            items.append(
                FunnelPlot.Item(name: placeName, value: value, denominator: x, shade: FunnelPlot.shade(band, polarity: indicator.polarity), band: band))
        }
        table += "</tbody></table>"
        let shown = first["ics_places_shown"]?.number.map { Int($0) } ?? 0, count = first["ics_places"]?.number.map { Int($0) } ?? rows.count
        var spread = "\(shown) of \(count) places \(shown == 1 ? "has" : "have") a published value"
        if let low = first["ics_place_lowest"]?.number, let high = first["ics_place_highest"]?.number, shown > 1 {
            spread += "; they range from \(FigureText.withUnit(low, unit: unit)) to \(FigureText.withUnit(high, unit: unit))"
        }
        spread += "."
        guard let statistic = indicator.statistic, statistic.method.funnel != .none, let target = first["ics_value"]?.number, !items.isEmpty else {
            return HTMLPage.figure(
                "", caption: "\(name) by place, \(indicator.latestLabel): \(spread) No funnel: no place value to plot.", table: table, kind: "places")
        }
        let chart = FunnelPlot(
            id: "\(id)-places-\(ods)", title: name, unit: unit, england: target, construction: statistic.method.funnel,
            multiplier: indicator.multiplier, axisLabel: Self.funnelAxis(statistic),
            items: items, tau2: nil, subject: "places", benchmark: "the ICS", benchmarkLegend: "ICS value")
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name), \(indicator.latestLabel): places in \(SIIChart.shortName(icsName)) against the ICS's value (\(FigureText.withUnit(target, unit: unit))), with 95% and 99.8% control limits. \(spread)",
            table: table, kind: "places")
    }

    /// What a funnel's x axis measures for a statistic (see ``funnelX(_:statistic:multiplier:)``).
    package static func funnelAxis(_ statistic: Statistic) -> String {
        switch statistic {
        case .proportion: "Denominator (people eligible)"
        case .crudeRate: "Population"
        case .dsr, .isRatio, .isRate: "Equivalent population (events × multiplier ÷ rate)"
        }
    }

    /// Where an ICS sits on the funnel's x axis (docs/METHODS.md §10): its denominator for a proportion,
    /// the derived denominator `multiplier × O / rate` for a rate (its population when it had no events).
    package static func funnelX(_ row: Record, statistic: Statistic, multiplier: Double) -> Double? {
        let denominator = row["denominator"]?.number
        switch statistic {
        case .proportion:
            return denominator.flatMap { $0 > 0 ? $0 : nil }
        case .crudeRate, .dsr, .isRatio, .isRate:
            if let events = row["numerator"]?.number, let value = row["value"]?.number, events > 0, value > 0 { return multiplier * events / value }
            return statistic == .crudeRate ? denominator.flatMap { $0 > 0 ? $0 : nil } : nil
        }
    }

    /// Each ICS's SII as a caterpillar, latest period.
    package func caterpillar() -> String {
        let england = indicator.englandInequality(indicator.latest)?["sii"]?.number
        var rows: [SIIChart.Row] = []
        var table =
            "<table><caption>\(HTML.escape(name)): SII by ICS, \(HTML.escape(indicator.latestLabel))</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">SII (\(HTML.escape(unit)), 95% CI)</th><th scope=\"col\">Against England's SII</th><th scope=\"col\">Read with care</th></tr></thead><tbody>"
        for row in indicator.current {
            let icsName = row["ics_name"]?.text ?? ""
            let side = row["sii_vs_england"]?.text.flatMap(IntervalSide.init(rawValue:))
            let shade = ComparisonShade(gap: side)
            let unstable = row["sii_unstable_reason"]?.text
            let sii = Self.point(row, label: icsName, value: "sii", lower: "sii_lcl95", upper: "sii_ucl95")
            table +=
                "<tr><th scope=\"row\">\(HTML.escape(icsName))</th><td>\(Self.estimate(sii))</td><td>\(HTML.escape(shade.label))</td><td>\(HTML.escape(unstable ?? ""))</td></tr>"
            if let sii {
                rows.append(SIIChart.Row(name: icsName, sii: sii.value, lower: sii.lower, upper: sii.upper, shade: shade, unstable: unstable != nil))
            }
        }
        table += "</tbody></table>"
        let unstableCount = rows.filter(\.unstable).count
        let chart = SIIChart(id: "\(id)-sii", title: name, unit: unit, england: england, rows: rows)
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name), \(indicator.latestLabel): slope index of inequality over national deprivation quintiles for \(rows.count) ICSs, largest first, with 95% intervals; the dashed line is England's."
                + (unstableCount > 0 ? " \(unstableCount) hollow markers are unstable SIIs (small or missing quintiles): read them with care." : ""),
            table: table, kind: "sii")
    }
}

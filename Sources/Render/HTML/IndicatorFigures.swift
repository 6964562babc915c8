import PipelineCore
import Publication
import Statistics

/// The charts of one indicator, each an inline SVG with a caption and its data table (docs/REPORT.md,
/// "Charts"). Values hidden by disclosure control are left out of the charts and shown as such in the tables.
struct IndicatorFigures {
    let indicator: PublicationView.Indicator
    let text: CellText

    private var id: String { indicator.id }
    private var name: String { indicator.name }
    private var unit: String { indicator.unit }

    /// A value with its 95% limits as a chart point, if the value is shown.
    static func point(
        _ value: PublishedTableData.Cell?, lower: PublishedTableData.Cell?, upper: PublishedTableData.Cell?, label: String, decimals: Int = 1
    ) -> ChartPoint? {
        guard let number = value?.number else { return nil }
        return ChartPoint(label: label, value: number, lower: lower?.number, upper: upper?.number, decimals: decimals)
    }

    static func point(_ row: NationalRow?, label: String) -> ChartPoint? {
        point(row?.row[.value], lower: row?.row[.lcl95], upper: row?.row[.ucl95], label: label, decimals: row?.row.decimals(.value) ?? 1)
    }

    static func point(_ row: PublishedRow<IcsLeagueColumn>?, label: String) -> ChartPoint? {
        point(row?[.value], lower: row?[.lcl95], upper: row?[.ucl95], label: label, decimals: row?.decimals(.value) ?? 1)
    }

    /// One of `rows`' values (a lowest or highest) at the precision its row publishes it with.
    static func figure(_ value: Double, among rows: [LeagueRow]) -> String {
        FigureText.figure(value, decimals: rows.first { $0.row[.value].number == value }?.row.decimals(.value) ?? 1)
    }

    /// A value and its interval at the value's published precision.
    static func estimate(_ point: ChartPoint?) -> String {
        guard let point else { return "not available" }
        return HTML.escape(
            FigureText.figure(point.value, decimals: point.decimals) + FigureText.interval(point.lower, point.upper, label: "", decimals: point.decimals))
    }

    /// The indicator's source, said under each of its charts.
    private var source: String? { indicator.source }

    /// England and one ICS by national deprivation quintile, latest period.
    func quintiles(focus ods: String?, idSuffix: String = "") -> String {
        let period = indicator.latest
        let england = (1...5).map { Self.point(indicator.englandQuintile(period, $0), label: "England") }
        let focusRows = indicator.quintiles.filter { $0.text(.icsOdsCode) == ods && $0.periodStart == period }
        let focusName = focusRows.first?[.icsName].text.map(SIIChart.shortName)
        let ics = (1...5).map { quintile -> ChartPoint? in
            let row = focusRows.first { $0[.quintile].number == Double(quintile) }
            return Self.point(row?[.value], lower: row?[.lcl95], upper: row?[.ucl95], label: focusName ?? "", decimals: row?.decimals(.value) ?? 1)
        }
        var series: [(name: String, points: [ChartPoint?])] = [("England", england)]
        if let focusName { series.append((focusName, ics)) }
        var chart = GroupChart(id: "\(id)-quintiles\(idSuffix)", title: name, unit: unit, series: series)
        if indicator.quintilesOf != PublicationView.Indicator.areaQuintiles {
            chart.axis = "Deprivation quintile of GP practices (IMD score of their registered populations)"
        }
        var table = DataTable(
            caption: "\(name) by quintile, \(indicator.latestLabel)",
            columns: ["Quintile"] + series.map { "\(HTML.escape($0.name)) (\(HTML.escape(unit)), 95% CI)" })
        for quintile in 0..<5 {
            table.add(
                "\(quintile + 1)\(quintile == 0 ? " (most deprived)" : quintile == 4 ? " (least deprived)" : "")",
                series.map { Self.estimate($0.points[quintile]) })
        }
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name) by \(indicator.quintilesOf), \(indicator.latestLabel): \(series.map(\.name).joined(separator: " and ")), with 95% confidence intervals."
                + (idSuffix.isEmpty && focusName != nil
                    ? " \(focusName ?? "") is the system featured on this page (report.focusIcs); every system's own chart is on its profile." : ""),
            table: table.html, kind: "quintile", source: source)
    }

    /// England and one ICS by broad ethnic group and Not stated, latest period, against England's White group
    /// (docs/DATA.md, "Ethnic groups"); nil for an indicator not published by ethnic group.
    func ethnicGroups(focus ods: String?, idSuffix: String = "") -> String? {
        guard indicator.byEthnicGroup else { return nil }
        let period = indicator.latest, type = BreakdownType.ethnicGroup
        let groups = type.groups
        let england = groups.map { Self.point(indicator.englandGroup(period, type, $0.index), label: "England") }
        let focusRows = indicator.ethnicGroups.filter { $0.text(.icsOdsCode) == ods && $0.periodStart == period }
        let focusName = focusRows.first?[.icsName].text.map(SIIChart.shortName)
        let ics = groups.map { group -> ChartPoint? in
            let row = focusRows.first { $0[.groupOrder].number == Double(group.index) }
            return Self.point(row?[.value], lower: row?[.lcl95], upper: row?[.ucl95], label: focusName ?? "", decimals: row?.decimals(.value) ?? 1)
        }
        var series: [(name: String, points: [ChartPoint?])] = [("England", england)]
        if let focusName { series.append((focusName, ics)) }
        var chart = GroupChart(id: "\(id)-ethnic-groups\(idSuffix)", title: name, unit: unit, series: series)
        chart.groups = groups.map { (type.ethnicGroup($0.index)?.shortLabel ?? type.label($0.index), type.label($0.index)) }
        chart.axis = "Ethnic group (NHS broad groups)"
        chart.groupedBy = ("ethnic group", "ethnic group")
        if let white = type.referenceGroup, let value = england[white - 1]?.value { chart.reference = ("England, White group", value) }
        var table = DataTable(
            caption: "\(name) by ethnic group, \(indicator.latestLabel)",
            columns: ["Ethnic group"] + series.map { "\(HTML.escape($0.name)) (\(HTML.escape(unit)), 95% CI)" } + [
                "England: gap to White (\(HTML.escape(unit)))"
            ])
        for (position, group) in groups.enumerated() {
            let gap = indicator.englandGroup(period, type, group.index)?.row[.gapToReference]
            table.add(
                HTML.escape(type.label(group.index)), series.map { Self.estimate($0.points[position]) } + [gap.map { HTML.escape(text.display($0)) } ?? ""])
        }
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name) by ethnic group, \(indicator.latestLabel): \(series.map(\.name).joined(separator: " and ")), with 95% confidence intervals; the dashed line is England's White group, which each group is compared with. Not stated is the share of activity with no ethnic group recorded, compared with nothing.",
            table: table.html, kind: "ethnic-groups", source: source)
    }

    /// England's value in each quintile, and overall, over every period.
    func englandTrend() -> String {
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
        var table = DataTable(caption: "\(name) in England by quintile over time (\(unit))", columns: ["Period"] + series.map { HTML.escape($0.name) })
        for (index, label) in labels.enumerated() {
            table.add(HTML.escape(label), series.map { $0.points[index].map { FigureText.figure($0.value) } ?? "not available" })
        }
        return HTMLPage.figure(
            chart.svg(), caption: "\(name) in England over time, in each \(indicator.quintilesOf) and overall.", table: table.html, kind: "trend",
            source: source)
    }

    /// The indicator over time, for a source with more than two periods (docs/REPORT.md, "Charts"):
    /// England with its 95% interval and either the range of the ICSs (the index) or one ICS with its
    /// interval (its profile); nil with two periods or fewer. A hidden or unavailable value breaks its line.
    func timeSeries(ods: String? = nil, owner: String? = nil) -> String? {
        guard indicator.periods.count > 2 else { return nil }
        let labels = indicator.periods.map(\.label)
        let england = indicator.periods.map { Self.point(indicator.england($0.start), label: "England") }
        var series = [TrendChart.Series(name: "England", points: england, colour: "#0b0c0c", band: true)]
        var columns = ["Period", "England (\(HTML.escape(unit)), 95% CI)"]
        var cells: [[String]]
        if let ods {
            let name = owner ?? ods
            let rows = Dictionary(indicator.league.filter { $0.ods == ods }.map { ($0.row.periodStart, $0) }, uniquingKeysWith: { first, _ in first })
            let points = indicator.periods.map { period in rows[period.start].flatMap { Self.point($0.row, label: name) } }
            series.append(TrendChart.Series(name: name, points: points, colour: "#6f1d6b", dash: "6 3", band: true))
            columns.append("\(HTML.escape(name)) (\(HTML.escape(unit)), 95% CI)")
            cells = indicator.periods.indices.map { index in
                [
                    Self.estimate(england[index]),
                    rows[indicator.periods[index].start].map { row in
                        Self.point(row.row, label: name).map { Self.estimate($0) } ?? HTML.escape(text.display(row.row[.value]))
                    } ?? "not published",
                ]
            }
        } else {
            let byPeriod = Dictionary(grouping: indicator.league, by: \.row.periodStart)
            let ranges = indicator.periods.map { period -> ChartPoint? in
                let values = (byPeriod[period.start] ?? []).compactMap { $0.row[.value].number }
                guard let low = values.min(), let high = values.max() else { return nil }
                return ChartPoint(label: "Range of ICSs", value: (low + high) / 2, lower: low, upper: high)
            }
            series.insert(TrendChart.Series(name: "Range of ICSs", points: ranges, colour: "#8a8d8f", band: true, line: false), at: 0)
            columns += ["Lowest ICS", "Highest ICS", "ICSs with a value"]
            cells = indicator.periods.indices.map { index in
                let period = byPeriod[indicator.periods[index].start] ?? []
                let shown = period.filter { $0.row[.value].number != nil }.count
                return [
                    Self.estimate(england[index]), ranges[index]?.lower.map { Self.figure($0, among: period) } ?? "not available",
                    ranges[index]?.upper.map { Self.figure($0, among: period) } ?? "not available", "\(shown)",
                ]
            }
        }
        let who = ods == nil ? "England, with the range of the ICSs" : "\(owner ?? "The ICS") and England"
        let chart = TrendChart(
            id: "\(id)-time-series\(ods.map { "-\($0)" } ?? "")", title: "\(name) over time: \(who)", unit: unit, periods: labels, series: series)
        var table = DataTable(caption: "\(name) over time: \(who)", columns: columns)
        for (index, label) in labels.enumerated() { table.add(HTML.escape(label), cells[index]) }
        let caption =
            ods == nil
            ? "\(name) in England over \(labels.count) periods (\(labels.first ?? "") to \(labels.last ?? "")), with its 95% confidence interval; the grey band runs from the lowest to the highest ICS in each period."
            : "\(name) in \(owner ?? "the ICS") and England over \(labels.count) periods (\(labels.first ?? "") to \(labels.last ?? "")), each with its 95% confidence interval. A gap in a line is a period whose value is not published."
        return HTMLPage.figure(chart.svg(), caption: caption, table: table.html, kind: "time-series", source: source)
    }

    /// An SII over every period with its 95% interval: England's, or one ICS's.
    func siiTrend(ods: String? = nil, owner: String = "England") -> String {
        let labels = indicator.periods.map(\.label)
        let points = indicator.periods.map { period -> ChartPoint? in
            if let ods {
                let row = indicator.ics(ods, period: period.start)?.row
                return Self.point(row?[.sii], lower: row?[.siiLcl95], upper: row?[.siiUcl95], label: owner)
            }
            let row = indicator.englandInequality(period.start)
            return Self.point(row?[.sii], lower: row?[.siiLcl95], upper: row?[.siiUcl95], label: owner)
        }
        guard points.contains(where: { $0 != nil }) else {
            // No chart of nothing: say why instead (docs/REPORT.md, "Charts").
            return
                "<p class=\"not-available\">\(HTML.escape(owner))'s slope index of inequality is not available in any period (too few events, a quintile missing, or hidden by disclosure control).</p>"
        }
        let chart = TrendChart(
            id: "\(id)-sii-trend\(ods.map { "-\($0)" } ?? "")", title: "\(name): \(owner)'s slope index of inequality",
            unit: "SII (\(FigureText.gapUnit(unit)))",
            periods: labels, series: [TrendChart.Series(name: "SII", points: points, colour: "#6f1d6b", band: true)], reference: 0)
        var table = DataTable(caption: "\(owner): SII of \(name) over time (\(FigureText.gapUnit(unit)))", columns: ["Period", "SII (95% CI)"])
        for (index, label) in labels.enumerated() { table.add(HTML.escape(label), [Self.estimate(points[index])]) }
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(owner)'s slope index of inequality in \(FigureText.inSentence(name)) over time, with its 95% interval; 0 = no gradient by deprivation. \(indicator.signConvention)",
            table: table.html, kind: "sii-trend", source: source)
    }

    /// The ICSs against England with continuous funnel limits, latest period.
    func funnel(link: (String) -> String) -> String {
        guard let statistic = indicator.statistic, statistic.method.funnel != .none, let england = indicator.england(indicator.latest)?.row[.value].number
        else {
            return "<p class=\"not-available\">No funnel plot: the method has no funnel limits.</p>"
        }
        let construction = statistic.method.funnel
        var items: [FunnelPlot.Item] = []
        var table = DataTable(
            caption: "\(name) by ICS, \(indicator.latestLabel)",
            columns: ["ICS", "Denominator", "Value (\(HTML.escape(unit)), 95% CI)", "Against England"])
        for ics in indicator.current {
            let row = ics.row
            let shade = FunnelPlot.shade(ics.funnelBand, polarity: indicator.polarity)
            table.add(
                "<a href=\"\(HTML.escape(link(ics.ods)))\">\(HTML.escape(ics.name))</a>",
                [
                    HTML.escape(text.display(row[.denominator])),
                    Self.point(row, label: ics.name).map { Self.estimate($0) } ?? HTML.escape(text.display(row[.value])), HTML.escape(shade.label),
                ])
            guard let value = row[.value].number,
                let x = Self.funnelX(
                    numerator: row[.numerator], denominator: row[.denominator], value: value, statistic: statistic, multiplier: indicator.multiplier)
            else { continue }
            items.append(
                FunnelPlot.Item(
                    name: SIIChart.shortName(ics.name), value: value, denominator: x, shade: shade, band: ics.funnelBand, decimals: row.decimals(.value)))
        }
        let axis = Self.funnelAxis(statistic)
        let tau2 = indicator.current.lazy.compactMap { $0.row[.funnelTau2].number }.first
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
            table: table.html, kind: "funnel", source: source)
    }

    /// One ICS's places against the ICS's value (docs/REPORT.md, "Profiles"): a funnel within the system
    /// and the table of places; nil when the indicator has no place figures.
    func places(ods: String, icsName: String) -> String? {
        let places = indicator.places(of: ods)
        guard let first = places.first?.row else { return nil }
        var table = DataTable(
            caption: "\(name) by place in \(SIIChart.shortName(icsName)), \(indicator.latestLabel)",
            columns: ["Place", "Code", "Denominator", "Value (\(HTML.escape(unit)), 95% CI)", "Against the ICS"])
        var items: [FunnelPlot.Item] = []
        for place in places {
            let row = place.row
            let placeName = row.text(.placeName)
            let shade = ComparisonShade(indicator.verdict(place))
            let shown = Self.point(row[.value], lower: row[.lcl95], upper: row[.ucl95], label: placeName, decimals: row.decimals(.value))
            table.add(
                HTML.escape(placeName),
                [
                    HTML.escape(row.text(.placeCode)), HTML.escape(text.display(row[.denominator])),
                    shown.map { Self.estimate($0) } ?? HTML.escape(text.display(row[.value])), HTML.escape(shade.label(against: "the ICS")),
                ])
            guard let statistic = indicator.statistic, let value = row[.value].number,
                let x = Self.funnelX(
                    numerator: row[.numerator], denominator: row[.denominator], value: value, statistic: statistic, multiplier: indicator.multiplier)
            else { continue }
            items.append(
                FunnelPlot.Item(
                    name: placeName, value: value, denominator: x, shade: FunnelPlot.shade(place.funnelBand, polarity: indicator.polarity),
                    band: place.funnelBand, decimals: row.decimals(.value)))
        }
        let shown = first[.icsPlacesShown].number.map { Int($0) } ?? 0, count = first[.icsPlaces].number.map { Int($0) } ?? places.count
        var spread = "\(shown) of \(count) places \(shown == 1 ? "has" : "have") a published value"
        if let low = first[.icsPlaceLowest].number, let high = first[.icsPlaceHighest].number, shown > 1 {
            // Each end at the precision its place's value is published with.
            func decimals(_ end: Double) -> Int { places.first { $0.row[.value].number == end }?.row.decimals(.value) ?? 1 }
            spread +=
                "; they range from \(FigureText.withUnit(low, unit: unit, decimals: decimals(low))) to \(FigureText.withUnit(high, unit: unit, decimals: decimals(high)))"
        }
        spread += "."
        // A funnel of one or two dots says nothing a table does not (docs/REPORT.md, "Profiles").
        guard let statistic = indicator.statistic, statistic.method.funnel != .none, let target = first[.icsValue].number, items.count >= 3 else {
            let why = items.isEmpty ? "no place value to plot" : "fewer than three places have a value, so the table says it all"
            return HTMLPage.figure(
                "", caption: "\(name) by place, \(indicator.latestLabel): \(spread) No funnel plot: \(why).", table: table.html, kind: "places", source: source)
        }
        let chart = FunnelPlot(
            id: "\(id)-places-\(ods)", title: name, unit: unit, england: target, construction: statistic.method.funnel,
            multiplier: indicator.multiplier, axisLabel: Self.funnelAxis(statistic),
            items: items, tau2: nil, subject: "places", benchmark: "the ICS", benchmarkLegend: "ICS value",
            benchmarkDecimals: first.decimals(.icsValue), labelsPoints: true)
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name), \(indicator.latestLabel): places in \(SIIChart.shortName(icsName)) against the ICS's value (\(FigureText.withUnit(target, unit: unit, decimals: first.decimals(.icsValue)))), with 95% and 99.8% control limits. \(spread)",
            table: table.html, kind: "places", source: source)
    }

    /// What a funnel's x axis measures for a statistic (see ``funnelX(numerator:denominator:value:statistic:multiplier:)``).
    static func funnelAxis(_ statistic: Statistic) -> String {
        switch statistic {
        case .proportion: "Denominator (people eligible)"
        case .crudeRate: "Population"
        case .dsr, .isRatio, .isRate: "Size of the population (implied by its events and its rate)"
        }
    }

    /// Where a point sits on the funnel's x axis (docs/METHODS.md §10): the construction's own denominator
    /// (``FunnelLimits/funnelDenominator(_:numerator:denominator:value:multiplier:)``), from the published
    /// cells, a hidden count read as absent.
    static func funnelX(
        numerator: PublishedTableData.Cell, denominator: PublishedTableData.Cell, value: Double, statistic: Statistic, multiplier: Double
    ) -> Double? {
        FunnelLimits.funnelDenominator(
            statistic.method.funnel, numerator: numerator.number ?? 0, denominator: denominator.number ?? 0, value: value, multiplier: multiplier)
    }

    /// Each ICS by its value against England's and its SII against England's, latest period: where a
    /// system is both worse and more unequal (docs/REPORT.md, "Charts"). Nil without England's value or SII.
    func valueGap(link: (String) -> String) -> String? {
        guard let englandValue = indicator.england(indicator.latest)?.row[.value].number,
            let englandSII = indicator.englandInequality(indicator.latest)?[.sii].number
        else { return nil }
        var points: [ValueGapChart.Point] = []
        var missing: [String] = []
        for ics in indicator.current {
            guard let value = ics.row[.value].number, let sii = ics.row[.sii].number else {
                missing.append(ics.name)
                continue
            }
            points.append(
                ValueGapChart.Point(
                    name: SIIChart.shortName(ics.name), value: value, sii: sii, unstable: ics.siiUnstableReason != nil, decimals: ics.row.decimals(.value)))
        }
        let chart = ValueGapChart(
            id: "\(id)-value-gap", title: "\(name): value and gap by deprivation against England", unit: unit, englandValue: englandValue,
            englandSII: englandSII, polarity: indicator.polarity, points: points)
        var table = DataTable(
            caption: "\(name), \(indicator.latestLabel): each ICS's value and SII against England's",
            columns: [
                "ICS", "Value (\(HTML.escape(unit)))", "SII (\(HTML.escape(FigureText.gapUnit(unit))))", "Position against England",
                "Verdict against England",
            ])
        table.add("England", [FigureText.figure(englandValue), FigureText.figure(englandSII), "", ""])
        for ics in indicator.current {
            guard let point = points.first(where: { $0.name == SIIChart.shortName(ics.name) }) else { continue }
            table.add(
                "<a href=\"\(HTML.escape(link(ics.ods)))\">\(HTML.escape(ics.name))</a>",
                [
                    FigureText.figure(point.value, decimals: point.decimals), FigureText.figure(point.sii) + (point.unstable ? " (unstable)" : ""),
                    HTML.escape(chart.quadrant(point)), HTML.escape(ComparisonShade(indicator.verdict(ics)).label),
                ])
        }
        let quadrants = Dictionary(grouping: points, by: chart.quadrant).mapValues(\.count)
        let worst = chart.quadrant(
            ValueGapChart.Point(name: "", value: englandValue + (indicator.polarity == .higherIsBetter ? -1 : 1), sii: englandSII + 1, unstable: false))
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "\(name), \(indicator.latestLabel): each ICS's value (across) against its slope index of inequality (up); the lines cross at England's. \(quadrants[worst] ?? 0) of \(points.count) ICSs are \(worst)\(indicator.polarity == .none ? "" : " by their estimates"). A position is not a significance test: the verdict column gives the indicator's one comparison."
                + (missing.isEmpty ? "" : " Not shown (no published value or SII): \(missing.map(SIIChart.shortName).joined(separator: "; ")).")
                + (points.contains(where: \.unstable) ? " Hollow points have an unstable SII." : ""),
            table: table.html, kind: "value-gap", source: source)
    }

    /// Each ICS's SII as a caterpillar, latest period.
    func caterpillar() -> String {
        let england = indicator.englandInequality(indicator.latest)?[.sii].number
        var rows: [SIIChart.Row] = []
        var table = DataTable(
            caption: "\(name): SII by ICS, \(indicator.latestLabel)",
            columns: ["ICS", "SII (\(HTML.escape(FigureText.gapUnit(unit))), 95% CI)", "Against England's SII", "Read with care"])
        for ics in indicator.current {
            let shade = ComparisonShade(gap: ics.siiVersusEngland)
            let unstable = ics.siiUnstableReason
            let sii = Self.point(ics.row[.sii], lower: ics.row[.siiLcl95], upper: ics.row[.siiUcl95], label: ics.name)
            table.add(HTML.escape(ics.name), [Self.estimate(sii), HTML.escape(shade.label), HTML.escape(unstable ?? "")])
            if let sii {
                rows.append(SIIChart.Row(name: ics.name, sii: sii.value, lower: sii.lower, upper: sii.upper, shade: shade, unstable: unstable != nil))
            }
        }
        let unstableCount = rows.filter(\.unstable).count
        let chart = SIIChart(id: "\(id)-sii", title: name, unit: unit, england: england, rows: rows)
        // A chart of unstable estimates only ranks nothing: said before it, not left to the hollow markers.
        let warning =
            !rows.isEmpty && unstableCount == rows.count
            ? "<p class=\"caveat\">Every ICS's SII here is unstable (small or missing quintiles): the chart shows no reliable ranking of the systems.</p>"
            : ""
        return warning
            + HTMLPage.figure(
                chart.svg(),
                caption:
                    "\(name), \(indicator.latestLabel): slope index of inequality over national deprivation quintiles for \(rows.count) ICSs, largest first, with 95% intervals; the dashed line is England's."
                    + (unstableCount > 0 ? " \(unstableCount) hollow markers are unstable SIIs (small or missing quintiles): read them with care." : ""),
                table: table.html, kind: "sii", source: source)
    }
}

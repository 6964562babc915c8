import Foundation
import Statistics
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render

/// The charts and map of the HTML publication (docs/REPORT.md): what each draws, checked on its SVG.
struct ChartTests {
    private func count(_ text: String, _ pattern: String) -> Int { text.components(separatedBy: pattern).count - 1 }

    @Test func caterpillarSortsNamesAndDrawsUnstableHollow() {
        let rows = [
            SIIChart.Row(name: "NHS Alpha Integrated Care Board", sii: 2, lower: 1, upper: 3, shade: .similarGap, unstable: false),
            SIIChart.Row(name: "NHS Beta Integrated Care Board", sii: 9, lower: 7, upper: 11, shade: .widerGap, unstable: false),
            SIIChart.Row(name: "NHS Gamma Integrated Care Board", sii: -1, lower: -4, upper: 2, shade: .narrowerGap, unstable: true),
        ]
        let svg = SIIChart(id: "x-sii", title: "Waits", unit: "%", england: 3, rows: rows).svg()
        let beta = svg.range(of: ">Beta</text>")!, alpha = svg.range(of: ">Alpha</text>")!, gamma = svg.range(of: ">Gamma</text>")!
        #expect(beta.lowerBound < alpha.lowerBound && alpha.lowerBound < gamma.lowerBound, "largest SII first, names without NHS … ICB")
        #expect(svg.contains("England 3.0"), "England's line is labelled")
        let gammaRow = svg.components(separatedBy: "<g class=\"row narrower-gap unstable\">")[1].components(separatedBy: "</g>")[0]
        #expect(gammaRow.contains("fill=\"#ffffff\""), "an unstable SII is hollow")
        #expect(gammaRow.contains("unstable: read with care"))
        let betaRow = svg.components(separatedBy: "<g class=\"row wider-gap\">")[1].components(separatedBy: "</g>")[0]
        #expect(betaRow.contains("fill=\"\(ComparisonShade.widerGap.colour)\"") && betaRow.contains("<path class=\"marker\""), "wider: a filled triangle")
    }

    /// The SII map's sequential scale: five classes of about equal numbers of systems, light to dark.
    @Test func sequentialScaleSplitsAtQuintiles() {
        let values = (1...10).map(Double.init)
        let scale = ChoroplethMap.sequential(values, unit: "percentage points")
        #expect(scale.legend.count == 5)
        #expect(scale.legend.first?.label == "1.0 to under 3.0 percentage points", "\(scale.legend.map(\.label))")
        #expect(scale.legend.last?.label == "9.0 to 10.0 percentage points")
        let fills = values.map(scale.fill)
        #expect(Set(fills).count == 5 && fills.first == "#f2f0f7" && fills.last == "#54278f")
        #expect(
            zip(fills, fills.dropFirst()).allSatisfy { a, b in
                ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"].firstIndex(of: a)! <= ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"]
                    .firstIndex(of: b)!
            })
        #expect(ChoroplethMap.sequential([4, 4], unit: "%").legend.count == 1, "one value, one class")
    }

    /// A quintile with no value is marked n/a where its point would be, and the description counts them.
    @Test func missingQuintilesAreMarked() {
        let point = { (value: Double) in ChartPoint(label: "", value: value, lower: value - 1, upper: value + 1) }
        let chart = GroupChart(
            id: "q", title: "Waits", unit: "%",
            series: [("England", [point(50), point(52), point(54), point(56), point(58)]), ("Alpha", [nil, point(51), point(53), nil, point(60)])])
        let svg = chart.svg()
        #expect(count(svg, "class=\"missing\"") == 2 && svg.contains("Alpha, quintile 1: not available"))
        #expect(svg.contains("2 quintile values are not available"))
        #expect(
            !GroupChart(id: "r", title: "W", unit: "%", series: [("England", [point(1), point(2), point(3), point(4), point(5)])]).svg().contains("n/a"))
    }

    /// An interval whose limits print the same says nothing and is not printed; a gap of percentages is
    /// in percentage points.
    @Test func honestIntervalsAndUnits() {
        #expect(FigureText.interval(-4.81, -4.79) == "", "(95% CI -4.8 to -4.8) is not an interval")
        #expect(FigureText.interval(1.2, 3.4) == " (95% CI 1.2 to 3.4)")
        #expect(FigureText.interval(nil, 3.4) == "")
        #expect(FigureText.gapUnit("%") == "percentage points" && FigureText.gapUnit("per 1,000") == "per 1,000")
        #expect(IndicatorFigures.estimate(ChartPoint(label: "", value: -4.8, lower: -4.81, upper: -4.79)) == "-4.8")
    }

    /// The value × gap chart: quadrants worded by polarity, a point per ICS, England's cross-hairs.
    @Test func valueGapQuadrantsFollowPolarity() {
        func chart(_ polarity: Polarity) -> ValueGapChart {
            ValueGapChart(
                id: "v", title: "Waits", unit: "%", englandValue: 50, englandSII: 10, polarity: polarity,
                points: [
                    ValueGapChart.Point(name: "Alpha", value: 40, sii: 15, unstable: false),
                    ValueGapChart.Point(name: "Beta", value: 60, sii: 5, unstable: true),
                ])
        }
        let better = chart(.higherIsBetter), worse = chart(.lowerIsBetter), neutral = chart(.none)
        #expect(better.quadrant(better.points[0]) == "worse and more unequal than England")
        #expect(better.quadrant(better.points[1]) == "better and less unequal than England")
        #expect(worse.quadrant(worse.points[0]) == "better but more unequal than England")
        #expect(worse.quadrant(worse.points[1]) == "worse but less unequal than England")
        #expect(neutral.quadrant(neutral.points[0]) == "lower and more unequal than England")
        let svg = better.svg()
        #expect(count(svg, "<circle class=\"ics") == 2)
        #expect(count(svg, "<circle class=\"ics unstable\"") == 1)
        #expect(count(svg, "<line class=\"england\"") == 2)
        #expect(count(svg, "class=\"quadrant\"") == 4)
        #expect(svg.contains(">Worse and more unequal than England</text>"))
        #expect(svg.contains("SII (percentage points)"), "the SII of a proportion is in percentage points")
    }

    /// A period with no value breaks the line and its band; end labels that would overprint are pushed
    /// apart; a series drawn as its band alone (the range of the ICSs) has no line.
    @Test func trendBreaksAtAGapAndKeepsEndLabelsApart() throws {
        let periods = ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025"]
        func point(_ value: Double) -> ChartPoint { ChartPoint(label: "", value: value, lower: value - 1, upper: value + 1) }
        let chart = TrendChart(
            id: "t", title: "Waits", unit: "%", periods: periods,
            series: [
                TrendChart.Series(
                    name: "Range of ICSs", points: [point(50), point(50), point(50), point(50), point(50)], colour: "#888", band: true, line: false),
                TrendChart.Series(name: "England", points: [point(50), point(51), nil, point(52), point(53)], colour: "#000", band: true),
                TrendChart.Series(name: "Alpha", points: [point(50), point(51), point(52), point(52.5), point(53.1)], colour: "#600"),
            ])
        let svg = chart.svg()
        #expect(count(svg, "<polyline") == 3, "England in two runs either side of the gap, Alpha in one; the range has no line")
        #expect(count(svg, "<polygon class=\"band\"") == 3, "England's band in two runs, the range's in one")
        #expect(count(svg, "class=\"range-tick\"") == 5)
        #expect(count(svg, "<circle") == 9)
        let labels = svg.components(separatedBy: "class=\"series-label\"").dropFirst().compactMap { part -> Double? in
            guard let y = part.components(separatedBy: "y=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) else { return nil }
            return Double(y)
        }
        #expect(labels.count == 3)
        let sorted = labels.sorted()
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= 12 - 1e-9 }, "\(labels)")
        #expect(svg.contains("The Range of ICSs is shaded from its lowest to its highest value in each period."))
    }

    @Test func funnelDrawsContinuousLimitsAndALegend() {
        let items = [
            FunnelPlot.Item(name: "A", value: 61, denominator: 1_000, shade: .better95, band: .high95),
            FunnelPlot.Item(name: "B", value: 50, denominator: 4_000, shade: .similar, band: .within),
        ]
        let svg = FunnelPlot(
            id: "f", title: "Waits", unit: "%", england: 55, construction: .proportion, multiplier: 100, axisLabel: "Denominator (people eligible)",
            items: items
        ).svg()
        #expect(count(svg, "<polyline class=\"limit95\"") == 2 && count(svg, "<polyline class=\"limit998\"") == 2)
        let curve = svg.components(separatedBy: "<polyline class=\"limit95\" points=\"")[1].components(separatedBy: "\"")[0]
        #expect(curve.split(separator: " ").count == 121, "a smooth curve, not a mark per ICS")
        #expect(svg.contains(">95% limits</text>") && svg.contains(">99.8% limits</text>") && svg.contains(">Better than England (95%)</text>"))
        #expect(svg.contains("<path class=\"marker\""), "beyond 95%: a diamond")
    }

    @Test func funnelColoursFollowPolarity() {
        #expect(FunnelPlot.shade(.high95, polarity: .higherIsBetter) == .better95)
        #expect(FunnelPlot.shade(.high998, polarity: .lowerIsBetter) == .worse998)
        #expect(FunnelPlot.shade(.low95, polarity: .none) == .lower95)
        #expect(FunnelPlot.shade(.within, polarity: .lowerIsBetter) == .similar)
    }

    /// The curves are the limits each ICS is placed by: at any denominator they equal `evaluate`'s.
    @Test func funnelCurveIsTheConstructionThatPlacesEachArea() throws {
        for denominator in [120.0, 1_000, 35_000] {
            let placed = FunnelLimits.evaluate(
                .proportion, numerator: denominator * 0.5, denominator: denominator, value: 50, england: (550, 1_000, 55), multiplier: 100)
            let curve = try #require(FunnelLimits.curve(.proportion, englandValue: 55, denominator: denominator, multiplier: 100))
            #expect(abs(curve.limits95.0 - placed.limits95!.lower) < 1e-9 && abs(curve.limits998.1 - placed.limits998!.upper) < 1e-9)
        }
        for events in [3.0, 40, 900] {
            let rate = 800.0, population = events / rate * 100_000
            let placed = FunnelLimits.evaluate(
                .poissonRate(minimumEvents: 0, populationWithoutEvents: true), numerator: events, denominator: population, value: rate,
                england: (700, 100_000, 700), multiplier: 100_000)
            let curve = try #require(
                FunnelLimits.curve(
                    .poissonRate(minimumEvents: 0, populationWithoutEvents: true), englandValue: 700, denominator: population, multiplier: 100_000))
            #expect(abs(curve.limits95.1 - placed.limits95!.upper) < 1e-9 && abs(curve.limits998.0 - placed.limits998!.lower) < 1e-9)
        }
        #expect(FunnelLimits.curve(.none, englandValue: 1, denominator: 10, multiplier: 1) == nil)
    }

    /// Ordnance Survey's worked example (A guide to coordinate systems in Great Britain, annex C):
    /// 52°39′27.2531″N 1°43′4.5177″E on Airy 1830 is E 651409.903, N 313177.270.
    @Test func nationalGridProjectionMatchesTheOrdnanceSurveyExample() {
        let latitude = 52 + 39 / 60.0 + 27.2531 / 3600, longitude = 1 + 43 / 60.0 + 4.5177 / 3600
        let point = BritishNationalGrid().project(longitude: longitude, latitude: latitude)
        #expect(abs(point.easting - 651_409.903) < 0.01, "\(point.easting)")
        #expect(abs(point.northing - 313_177.270) < 0.01, "\(point.northing)")
    }

    @Test func simplifierKeepsCornersAndDropsPointsOnALine() {
        var ring: [(x: Double, y: Double)] = []
        for step in 0...10 { ring.append((Double(step), 0)) }
        for step in 1...10 { ring.append((10, Double(step))) }
        ring.append((0, 10))
        ring.append((0, 0))
        let kept = Simplifier.simplify(ring, tolerance: 0.1)
        #expect(kept.count == 5, "\(kept)")
        #expect(kept.contains { $0 == (10, 0) } && kept.contains { $0 == (10, 10) } && kept.contains { $0 == (0, 10) })
        let bump = [(x: 0.0, y: 0.0), (1, 0.05), (2, 0), (2, 2), (0, 2), (0, 0)]
        #expect(Simplifier.simplify(bump, tolerance: 0.1).count == 5, "a bump under the tolerance goes")
        #expect(Simplifier.simplify(bump, tolerance: 0.01).count == 6, "a bump over it stays")
    }

    @Test func mapDrawsEveryAreaWithATitleAndLondonInTheInset() throws {
        let square = { (x: Double, y: Double) -> [(x: Double, y: Double)] in
            [(x, y), (x + 10_000, y), (x + 10_000, y + 10_000), (x, y + 10_000), (x, y)]
        }
        let geometry = MapGeometry(
            rings: [("AAA", square(100_000, 100_000)), ("LDN", square(530_000, 180_000)), ("BBB", square(400_000, 600_000))], london: ["LDN"])
        #expect(geometry.main.count == 3 && geometry.insetPaths.keys.sorted() == ["LDN"])
        let areas = [("AAA", ComparisonShade.worse998), ("LDN", .similar), ("BBB", .better95)].map {
            ChoroplethMap.Area(ics: $0.0, shade: $0.1, title: "\($0.0) <x>", link: "ics/\($0.0).html")
        }
        let svg = ChoroplethMap(id: "m", title: "Map", description: "d", geometry: geometry, areas: areas).svg()
        #expect(count(svg, "<use class=\"area\"") == 4, "three areas and London again in the inset")
        #expect(count(svg, "<title>LDN &lt;x&gt;</title>") == 2)
        #expect(svg.contains("href=\"ics/AAA.html\"") && svg.contains("fill=\"url(#shade-worse-998)\""))
        #expect(svg.contains(">Worse than England (99.8%)</text>") && !svg.contains(">Worse than England (95%)</text>"), "the legend lists the shades used")
        #expect(geometry.definitions.contains("<pattern id=\"shade-worse-998\""))
        // Numbered keys at each area (London's in the inset), London outlined, a group of links not an image,
        // and the inset where it covers the fewest outline points.
        let keyed = ChoroplethMap(id: "k", title: "Map", description: "d", geometry: geometry, areas: areas, keys: ["AAA": 1, "LDN": 2, "BBB": 3]).svg()
        #expect(count(keyed, "class=\"area-key\"") == 3 && keyed.contains(">2</text>"))
        #expect(count(keyed, "<use class=\"london\"") == 1)
        #expect(keyed.contains("role=\"group\"") && !keyed.contains("role=\"img\""))
        #expect(geometry.pointsUnderInset == 0, "the inset hides no outline")
        let ldn = try #require(geometry.keyPositions["LDN"])
        #expect(ldn.x >= geometry.inset.x && ldn.x <= geometry.inset.x + geometry.inset.width, "London's number is in the inset")
    }

    /// WCAG 2.1: text on a shade at 4.5:1 or more, and the trend lines' colours (which label their lines) too.
    @Test func coloursHaveEnoughContrast() {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { channel -> Double in
                let c = Double(channel) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        func contrast(_ a: String, _ b: String) -> Double {
            let (x, y) = (luminance(a), luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
        for shade in ComparisonShade.allCases {
            let text = shade.darkFill ? "#ffffff" : "#0b0c0c"
            #expect(contrast(shade.colour, text) >= 4.5, "\(shade): \(contrast(shade.colour, text))")
        }
        for style in TrendChart.quintileStyles {
            #expect(contrast(style.colour, "#ffffff") >= 4.5, "\(style.colour)")
        }
    }

    /// Coordinates read as `String(format: "%.2f")` writes them, ties and signs included, so charts are the same
    /// bytes however they are formatted.
    @Test func coordinatesAreWrittenAsPrintfWritesThem() {
        var values: [Double] = [0, -0, 0.004, -0.004, 0.005, 0.015, 0.125, 0.375, 2.675, 1.005, 999.995, -999.995, 1e16, -1e16, 123_456.789]
        values += (0..<4_000).map { Double($0) / 8 - 250 }  // exact ties of the third decimal, both signs
        values += (0..<4_000).map { Double($0) * 0.001 - 2 }  // values a product by 100 lands next to a tie
        values += (0..<2_000).map { sin(Double($0)) * 1_000 }
        for value in values + [.nan, .infinity, -.infinity] {
            #expect(f(value) == String(format: "%.2f", value), "\(value)")
        }
    }
}

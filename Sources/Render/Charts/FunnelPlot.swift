import Foundation
import PipelineCore
import Publication
package import Statistics

/// The ICSs' values against their denominators around England's value, with the 95% and 99.8% control
/// limits drawn as continuous curves from the same formulas that place each ICS (docs/METHODS.md §10;
/// docs/REPORT.md, "Charts"). Points are coloured by what their position means for the indicator's
/// polarity and shaped by how far out they lie (● within, ◆ beyond 95%, ■ beyond 99.8%); a legend says so.
package struct FunnelPlot {
    package struct Item {
        package var name: String
        package var value: Double
        /// Where the ICS sits on the x axis: people for a proportion, `multiplier × O / rate` for a rate.
        package var denominator: Double
        package var shade: ComparisonShade
        package var band: FunnelBand
        /// The decimals the value is published with (0 for a percentage shown whole).
        package var decimals: Int = 1
    }

    package let id: String
    package let title: String
    package let unit: String
    package let england: Double
    package let construction: FunnelConstruction
    package let multiplier: Double
    package let axisLabel: String
    package let items: [Item]
    /// The overdispersion the limits were widened by (nil or 0: chance alone).
    package var tau2: Double?
    /// What the points are and what they are compared with: ICSs against England, or one ICS's places
    /// against the ICS (docs/REPORT.md, "Profiles").
    package var subject = "ICSs"
    package var benchmark = "England"
    /// The benchmark line's legend entry (short: it sits before the limits').
    package var benchmarkLegend = "England"
    /// The decimals the benchmark's value is published with (0 for a percentage shown whole).
    package var benchmarkDecimals = 1
    /// Name each point beside it (a system's few places; the 42 ICSs are named in the table instead).
    package var labelsPoints = false

    package func svg() -> String {
        let xs = items.map(\.denominator)
        let xLow = (xs.min() ?? 1) * 0.6, xHigh = (xs.max() ?? 2) * 1.08
        let steps = 120
        let curve: [(x: Double, limits95: (Double, Double), limits998: (Double, Double))] = (0...steps).compactMap { step in
            let x = xLow + (xHigh - xLow) * Double(step) / Double(steps)
            return FunnelLimits.curve(construction, englandValue: england, denominator: x, multiplier: multiplier, tau2: tau2 ?? 0).map {
                (x, $0.limits95, $0.limits998)
            }
        }
        var ys = items.map(\.value) + [england]
        ys += curve.flatMap { [$0.limits998.0, $0.limits998.1] }
        let (legend, legendHeight) = self.legend()
        let frame = ChartFrame(x: xLow...xHigh, y: ys, top: legendHeight + 12)
        var body = frame.yAxis(label: unit)
        for tick in ChartFrame.ticks(frame.xDomain) {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(tick)))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(FigureText.figure(tick, decimals: 0))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">\(HTML.escape(axisLabel))</text>"
        for (name, pick) in [
            ("limit998", { (c: (x: Double, limits95: (Double, Double), limits998: (Double, Double))) in c.limits998 }), ("limit95", { $0.limits95 }),
        ] {
            for side in 0..<2 {
                let points = curve.map { c -> String in
                    let limits = pick(c)
                    return "\(f(frame.x(c.x))),\(f(frame.y(side == 0 ? limits.0 : limits.1)))"
                }
                body += "<polyline class=\"\(name)\" points=\"\(points.joined(separator: " "))\"/>"
            }
        }
        body +=
            "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(england)))\" y2=\"\(f(frame.y(england)))\"/>"
        for item in items.sorted(by: { $0.denominator < $1.denominator }) {
            let label =
                "\(item.name): \(FigureText.withUnit(item.value, unit: unit, decimals: item.decimals)), \(item.shade.label(against: benchmark).lowercased())"
            body +=
                "<g class=\"point \(item.shade.rawValue)\"><title>\(HTML.escape(label))</title>\(Self.marker(item.band, shade: item.shade, x: frame.x(item.denominator), y: frame.y(item.value)))</g>"
            if labelsPoints {
                body +=
                    "<text class=\"point-label\" x=\"\(f(frame.x(item.denominator) + 7))\" y=\"\(f(frame.y(item.value) - 6))\">\(HTML.escape(item.name))</text>"
            }
        }
        body += legend
        let description =
            "Funnel plot of \(items.count) \(subject)' values of \(title) against \(axisLabel.lowercased()); the dashed horizontal line is \(benchmark)'s value (\(FigureText.withUnit(england, unit: unit, decimals: benchmarkDecimals))), the solid curves its 95% control limits and the dotted curves its 99.8% limits. Points beyond the curves differ from \(benchmark) by more than chance would explain."
        return frame.svg(id: id, title: "\(title): \(subject) against \(benchmark) (funnel plot)", description: description, body: body)
    }

    /// The legend, wrapped to the chart's width, and the height it takes.
    private func legend() -> (String, Double) {
        var out = "<g class=\"legend\">"
        out += "<line class=\"england\" x1=\"8\" x2=\"38\" y1=\"12\" y2=\"12\"/><text x=\"44\" y=\"16\">\(HTML.escape(benchmarkLegend))</text>"
        out += "<line class=\"limit95\" x1=\"120\" x2=\"150\" y1=\"12\" y2=\"12\"/><text x=\"156\" y=\"16\">95% limits</text>"
        out += "<line class=\"limit998\" x1=\"250\" x2=\"280\" y1=\"12\" y2=\"12\"/><text x=\"286\" y=\"16\">99.8% limits</text>"
        if let tau2 {
            out += "<text x=\"390\" y=\"16\">\(tau2 > 0 ? "widened for overdispersion" : "no overdispersion found")</text>"
        }
        var x = 8.0, y = 34.0
        // Each shade drawn, with the band of its first point (the marker the legend repeats).
        let shown = ComparisonShade.allCases.compactMap { shade in items.first { $0.shade == shade }.map { (shade, $0.band) } }
        for (shade, band) in shown {
            let text = shade.label(against: benchmark)
            let width = 14 + Double(text.count) * 6.4 + 14
            if x + width > 632, x > 8 {
                x = 8
                y += 18
            }
            out += Self.marker(band, shade: shade, x: x + 5, y: y)
            out += "<text x=\"\(f(x + 14))\" y=\"\(f(y + 4))\">\(HTML.escape(text))</text>"
            x += width
        }
        return (out + "</g>", y + 12)
    }

    /// ● within the limits, ◆ beyond 95%, ■ beyond 99.8%, filled with the shade's colour.
    package static func marker(_ band: FunnelBand, shade: ComparisonShade, x: Double, y: Double) -> String {
        let style = "fill=\"\(shade.colour)\" stroke=\"#0b0c0c\" stroke-width=\"0.7\""
        switch band {
        case .high998, .low998:
            return "<rect class=\"marker\" x=\"\(f(x - 4.5))\" y=\"\(f(y - 4.5))\" width=\"9\" height=\"9\" \(style)/>"
        case .high95, .low95:
            return "<path class=\"marker\" d=\"M\(f(x)) \(f(y - 5.5))L\(f(x + 5.5)) \(f(y))L\(f(x)) \(f(y + 5.5))L\(f(x - 5.5)) \(f(y))Z\" \(style)/>"
        case .within, .notApplicable:
            return "<circle class=\"marker\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" \(style)/>"
        }
    }

    /// The shade a funnel position takes for an indicator's polarity: above the limits is better when
    /// higher is better, worse when lower is, and merely higher without a polarity.
    package static func shade(_ band: FunnelBand, polarity: Polarity) -> ComparisonShade {
        ComparisonShade(TwoLevelComparison(band, polarity: polarity))
    }
}

import PipelineCore
import Publication

/// The ecological view of an indicator with no deprivation split (docs/DATA.md, "ICS-level sources"): each
/// ICS's value, with its 95% interval, against its deprivation — its average IMD score where the IMD
/// summary by ICB is configured, else the share of its population in England's most deprived 20% of
/// areas (Core20). A comparison between systems, never inequality within one.
package struct EcologicalChart {
    package let id: String
    package let title: String
    package let unit: String
    package let england: Double?
    /// Each ICS: its deprivation measure and its value.
    package let points: [(deprivation: Double, point: ChartPoint)]
    /// The measure: the average IMD score, or the Core20 share (0 to 1).
    package let measure: Measure

    package enum Measure {
        case averageScore(vintage: String)
        case core20Share

        package var axisLabel: String {
            switch self {
            case .averageScore(let vintage): "The ICS's average IMD \(vintage) score (higher = more deprived)"
            case .core20Share: "Share of the ICS's population in England's most deprived 20% of areas (Core20)"
            }
        }

        package func text(_ value: Double) -> String {
            switch self {
            case .averageScore: FigureText.figure(value, decimals: 1)
            case .core20Share: "\(FigureText.figure(value * 100, decimals: 1))%"
            }
        }

        package var sentence: String {
            switch self {
            case .averageScore: "its average IMD score"
            case .core20Share: "the share of its population in the most deprived 20% of areas"
            }
        }
    }

    package func svg() -> String {
        var values: [Double] = []
        for (_, point) in points { values += [point.value, point.lower ?? point.value, point.upper ?? point.value] }
        if let england { values.append(england) }
        let highest = max(points.map(\.deprivation).max() ?? 0.5, 0.05)
        let frame = ChartFrame(x: 0...(highest * 1.05), y: values)
        var body = frame.yAxis(label: unit)
        for tick in ChartFrame.ticks(frame.xDomain) {
            let x = frame.x(tick)
            body +=
                "<text class=\"tick\" x=\"\(f(x))\" y=\"\(f(frame.height - frame.bottom + 16))\" text-anchor=\"middle\">\(measure.text(tick))</text>"
        }
        if let england {
            body +=
                "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(england)))\" y2=\"\(f(frame.y(england)))\"/>"
        }
        for (deprivation, point) in points {
            let x = frame.x(deprivation)
            body +=
                "<g class=\"point\"><title>\(HTML.escape("\(point.label): \(FigureText.withUnit(point.value, unit: unit)); \(measure.sentence) \(measure.text(deprivation))"))</title>"
            if let lower = point.lower, let upper = point.upper {
                body += "<line class=\"ci\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.y(lower)))\" y2=\"\(f(frame.y(upper)))\"/>"
            }
            body += "<rect x=\"\(f(x - 3.5))\" y=\"\(f(frame.y(point.value) - 3.5))\" width=\"7\" height=\"7\"/></g>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">\(HTML.escape(measure.axisLabel))</text>"
        let description =
            "Ecological view: \(title) for \(points.count) ICSs with 95% intervals, against \(measure.sentence); the dashed line is England's value. It compares systems, not people within them."
        return frame.svg(id: id, title: "\(title) by ICS against its deprivation (ecological view)", description: description, body: body)
    }
}

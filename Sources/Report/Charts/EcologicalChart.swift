import PipelineCore

/// The ecological view of an indicator with no deprivation split (docs/DATA.md, "ICS-level sources"): each
/// ICS's value, with its 95% interval, against the share of its population living in England's most
/// deprived 20% of areas (Core20). A comparison between systems, never inequality within one.
struct EcologicalChart {
    let id: String
    let title: String
    let unit: String
    let england: Double?
    /// Each ICS: its Core20 share (0 to 1) and its value.
    let points: [(core20: Double, point: ChartPoint)]

    func svg() -> String {
        var values: [Double] = []
        for (_, point) in points { values += [point.value, point.lower ?? point.value, point.upper ?? point.value] }
        if let england { values.append(england) }
        let highest = max(points.map(\.core20).max() ?? 0.5, 0.05)
        let frame = ChartFrame(x: 0...(highest * 1.05), y: values)
        var body = frame.yAxis(label: unit)
        for tick in ChartFrame.ticks(frame.xDomain) {
            let x = frame.x(tick)
            body +=
                "<text class=\"tick\" x=\"\(f(x))\" y=\"\(f(frame.height - frame.bottom + 16))\" text-anchor=\"middle\">\(FigureText.figure(tick * 100, decimals: 0))%</text>"
        }
        if let england {
            body +=
                "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(england)))\" y2=\"\(f(frame.y(england)))\"/>"
        }
        for (core20, point) in points {
            let x = frame.x(core20)
            body +=
                "<g class=\"point\"><title>\(HTML.escape("\(point.label): \(FigureText.withUnit(point.value, unit: unit)); \(FigureText.figure(core20 * 100, decimals: 1))% of its population in the most deprived 20% of areas"))</title>"
            if let lower = point.lower, let upper = point.upper {
                body += "<line class=\"ci\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.y(lower)))\" y2=\"\(f(frame.y(upper)))\"/>"
            }
            body += "<rect x=\"\(f(x - 3.5))\" y=\"\(f(frame.y(point.value) - 3.5))\" width=\"7\" height=\"7\"/></g>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">Share of the ICS's population in England's most deprived 20% of areas (Core20)</text>"
        let description =
            "Ecological view: \(title) for \(points.count) ICSs with 95% intervals, against the share of each ICS's population in the most deprived 20% of areas; the dashed line is England's value. It compares systems, not people within them."
        return frame.svg(id: id, title: "\(title) by ICS against its deprivation (ecological view)", description: description, body: body)
    }
}

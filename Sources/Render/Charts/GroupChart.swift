import PipelineCore
import Publication

/// Values by group with 95% intervals — by national deprivation quintile, or by ethnic group — England and
/// one ICS side by side (docs/REPORT.md, "Charts").
package struct GroupChart {
    package let id: String
    package let title: String
    package let unit: String
    /// Series name and its points, one per group (nil where hidden or missing).
    package let series: [(name: String, points: [ChartPoint?])]
    /// The groups' tick labels, their name in a sentence (`quintile 1`), and the axis title.
    package var groups: [(tick: String, name: String)] = (1...5).map {
        ($0 == 1 ? "1 most deprived" : $0 == 5 ? "5 least deprived" : "\($0)", "quintile \($0)")
    }
    package var axis = "National deprivation quintile (IMD)"
    /// What the groups are, in the chart's description and its title.
    package var groupedBy = (description: "national deprivation quintile", title: "deprivation quintile")
    /// A series' value drawn as a dashed line across every group, with its name (the White group's).
    package var reference: (name: String, value: Double)? = nil

    package init(id: String, title: String, unit: String, series: [(name: String, points: [ChartPoint?])]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.series = series
    }

    package func svg() -> String {
        var values: [Double] = []
        for point in series.flatMap({ $0.points.compactMap { $0 } }) { values += [point.value, point.lower ?? point.value, point.upper ?? point.value] }
        if let reference { values.append(reference.value) }
        let count = groups.count
        let frame = ChartFrame(x: 0.5...(Double(count) + 0.5), y: values, top: 20 + 18 * Double(series.count + (reference == nil ? 0 : 1)))
        var body = frame.yAxis(label: unit)
        let offsets = series.count == 1 ? [0.0] : stride(from: -0.15, through: 0.15, by: 0.3 / Double(max(series.count - 1, 1))).map { $0 }
        for (index, group) in groups.enumerated() {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(Double(index + 1))))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(HTML.escape(group.tick))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">\(HTML.escape(axis))</text>"
        if let reference {
            let y = frame.y(reference.value)
            body +=
                "<g class=\"reference\"><title>\(HTML.escape("\(reference.name): \(FigureText.withUnit(reference.value, unit: unit, decimals: 1))"))</title><line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/></g>"
        }
        for (index, entry) in series.enumerated() {
            let offset = offsets[min(index, offsets.count - 1)]
            for (group, point) in entry.points.enumerated() {
                let x = frame.x(Double(group + 1) + offset)
                let name = groups.indices.contains(group) ? groups[group].name : "group \(group + 1)"
                // A missing quintile is marked where its point would be, never just left blank.
                guard let point else {
                    body +=
                        "<text class=\"missing\" x=\"\(f(x))\" y=\"\(f(frame.height - frame.bottom - 6))\" text-anchor=\"middle\"><title>\(HTML.escape("\(entry.name), \(name): not available"))</title>n/a</text>"
                    continue
                }
                body +=
                    "<g class=\"series-\(index) point\"><title>\(HTML.escape("\(entry.name), \(name): \(FigureText.withUnit(point.value, unit: unit, decimals: point.decimals))"))</title>"
                if let lower = point.lower, let upper = point.upper {
                    body += "<line class=\"ci\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.y(lower)))\" y2=\"\(f(frame.y(upper)))\"/>"
                }
                body +=
                    index == 0
                    ? "<circle cx=\"\(f(x))\" cy=\"\(f(frame.y(point.value)))\" r=\"5\"/></g>"
                    : "<rect x=\"\(f(x - 5))\" y=\"\(f(frame.y(point.value) - 5))\" width=\"10\" height=\"10\"/></g>"
            }
        }
        for (index, entry) in series.enumerated() {
            let y = 14 + Double(index) * 18, x = frame.left + 16
            body +=
                "<g class=\"series-\(index) legend\">"
                + (index == 0 ? "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"5\"/>" : "<rect x=\"\(f(x - 5))\" y=\"\(f(y - 5))\" width=\"10\" height=\"10\"/>")
                + "<text x=\"\(f(x + 12))\" y=\"\(f(y + 4))\">\(HTML.escape(entry.name))</text></g>"
        }
        if let reference {
            let y = 14 + Double(series.count) * 18, x = frame.left + 16
            body +=
                "<g class=\"reference legend\"><line class=\"england\" x1=\"\(f(x - 8))\" x2=\"\(f(x + 6))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/><text x=\"\(f(x + 12))\" y=\"\(f(y + 4))\">\(HTML.escape(reference.name))</text></g>"
        }
        let missing = series.reduce(0) { $0 + $1.points.filter { $0 == nil }.count }
        let description =
            "Values of \(title) by \(groupedBy.description), with 95% confidence intervals, for " + series.map(\.name).joined(separator: " and ") + "."
            + (reference.map { " The dashed line is \($0.name)." } ?? "")
            + (missing > 0
                ? " \(missing) \(groupedBy.title.split(separator: " ").last ?? "group") value\(missing == 1 ? " is" : "s are") not available (hidden or not given by the method), marked n/a."
                : "")
        return frame.svg(id: id, title: "\(title) by \(groupedBy.title)", description: description, body: body)
    }
}

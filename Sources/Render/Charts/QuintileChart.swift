import PipelineCore
import Publication

/// Values by national deprivation quintile with 95% intervals: England and one ICS side by side.
package struct QuintileChart {
    package let id: String
    package let title: String
    package let unit: String
    /// Series name and its five quintile points (nil where hidden or missing).
    package let series: [(name: String, points: [ChartPoint?])]

    package func svg() -> String {
        var values: [Double] = []
        for point in series.flatMap({ $0.points.compactMap { $0 } }) { values += [point.value, point.lower ?? point.value, point.upper ?? point.value] }
        let frame = ChartFrame(x: 0.5...5.5, y: values, top: 20 + 18 * Double(series.count))
        var body = frame.yAxis(label: unit)
        let offsets = series.count == 1 ? [0.0] : stride(from: -0.15, through: 0.15, by: 0.3 / Double(max(series.count - 1, 1))).map { $0 }
        for quintile in 1...5 {
            let label = quintile == 1 ? "1 most deprived" : quintile == 5 ? "5 least deprived" : "\(quintile)"
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(Double(quintile))))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(label)</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">National deprivation quintile (IMD)</text>"
        for (index, entry) in series.enumerated() {
            let offset = offsets[min(index, offsets.count - 1)]
            for (quintile, point) in entry.points.enumerated() {
                let x = frame.x(Double(quintile + 1) + offset)
                // A missing quintile is marked where its point would be, never just left blank.
                guard let point else {
                    body +=
                        "<text class=\"missing\" x=\"\(f(x))\" y=\"\(f(frame.height - frame.bottom - 6))\" text-anchor=\"middle\"><title>\(HTML.escape("\(entry.name), quintile \(quintile + 1): not available"))</title>n/a</text>"
                    continue
                }
                body +=
                    "<g class=\"series-\(index) point\"><title>\(HTML.escape("\(entry.name), quintile \(quintile + 1): \(FigureText.withUnit(point.value, unit: unit, decimals: point.decimals))"))</title>"
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
        let missing = series.reduce(0) { $0 + $1.points.filter { $0 == nil }.count }
        let description =
            "Values of \(title) by national deprivation quintile, with 95% confidence intervals, for " + series.map(\.name).joined(separator: " and ") + "."
            + (missing > 0 ? " \(missing) quintile value\(missing == 1 ? " is" : "s are") not available (hidden or not given by the method), marked n/a." : "")
        return frame.svg(id: id, title: "\(title) by deprivation quintile", description: description, body: body)
    }
}

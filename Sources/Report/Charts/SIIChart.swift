import PipelineCore

/// Each ICS's slope index of inequality with its 95% interval, ordered, against England's SII.
struct SIIChart {
    let id: String
    let title: String
    let unit: String
    let england: Double?
    let points: [ChartPoint]

    func svg() -> String {
        let sorted = points.sorted { $0.value < $1.value }
        var values: [Double] = [0]
        for point in sorted { values += [point.value, point.lower ?? point.value, point.upper ?? point.value] }
        if let england { values.append(england) }
        let frame = ChartFrame(x: 0...Double(max(sorted.count + 1, 2)), y: values)
        var body = frame.yAxis(label: "SII (\(unit))")
        body += "<line class=\"zero\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(0)))\" y2=\"\(f(frame.y(0)))\"/>"
        if let england {
            body +=
                "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(england)))\" y2=\"\(f(frame.y(england)))\"/>"
        }
        for (index, point) in sorted.enumerated() {
            let x = frame.x(Double(index + 1))
            body += "<g class=\"point \(point.style)\"><title>\(HTML.escape("\(point.label): SII \(FigureText.figure(point.value))"))</title>"
            if let lower = point.lower, let upper = point.upper {
                body += "<line class=\"ci\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(frame.y(lower)))\" y2=\"\(f(frame.y(upper)))\"/>"
            }
            body += "<circle cx=\"\(f(x))\" cy=\"\(f(frame.y(point.value)))\" r=\"3.5\"/></g>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">ICSs, ordered by SII (positive = the most deprived are disadvantaged)</text>"
        let description =
            "Slope index of inequality of \(title) over national deprivation quintiles for \(sorted.count) ICSs with 95% intervals; the dashed line is England's SII."
        return frame.svg(id: id, title: "\(title): slope index of inequality by ICS", description: description, body: body)
    }
}

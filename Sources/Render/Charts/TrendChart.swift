import PipelineCore
import Publication

/// Values over every published period (docs/REPORT.md, "Charts"): one line per series, each with its own
/// dash pattern and a label at its end as well as its colour; a series may carry its 95% interval as a band.
/// Periods read as people say them, thinned on the axis so labels never overlap.
package struct TrendChart {
    package struct Series {
        package var name: String
        package var points: [ChartPoint?]
        package var colour: String
        package var dash: String = ""
        package var band = false
    }

    package let id: String
    package let title: String
    package let unit: String
    package let periods: [String]
    package let series: [Series]
    /// A horizontal reference line (e.g. 0 for an SII), or none.
    package var reference: Double?

    package func svg() -> String {
        var values: [Double] = reference.map { [$0] } ?? []
        for line in series {
            for point in line.points.compactMap({ $0 }) {
                values.append(point.value)
                if line.band { values += [point.lower, point.upper].compactMap { $0 } }
            }
        }
        let count = max(periods.count, 1)
        let frame = ChartFrame(x: -0.5...(Double(count) - 0.5 + Double(count) * 0.25), y: values, top: 24)
        var body = frame.yAxis(label: unit)
        let every = max(1, Int((Double(count) / 8).rounded(.up)))
        for (index, period) in periods.enumerated() where index % every == 0 || index == count - 1 {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(Double(index))))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(HTML.escape(period))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">Period</text>"
        if let reference {
            body +=
                "<line class=\"zero\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(reference)))\" y2=\"\(f(frame.y(reference)))\"/>"
        }
        for line in series {
            let indexed = line.points.enumerated().compactMap { index, point in point.map { (index, $0) } }
            if line.band {
                let upper = indexed.compactMap { index, point in point.upper.map { "\(f(frame.x(Double(index)))),\(f(frame.y($0)))" } }
                let lower = indexed.reversed().compactMap { index, point in point.lower.map { "\(f(frame.x(Double(index)))),\(f(frame.y($0)))" } }
                if upper.count == indexed.count, lower.count == indexed.count, !upper.isEmpty {
                    body += "<polygon class=\"band\" fill=\"\(line.colour)\" points=\"\((upper + lower).joined(separator: " "))\"/>"
                }
            }
            let coordinates = indexed.map { "\(f(frame.x(Double($0.0)))),\(f(frame.y($0.1.value)))" }
            body +=
                "<g class=\"series\"><polyline class=\"trend\" stroke=\"\(line.colour)\" stroke-dasharray=\"\(line.dash)\" points=\"\(coordinates.joined(separator: " "))\"/>"
            for (index, point) in indexed {
                let interval = point.lower.flatMap { l in point.upper.map { " (\(FigureText.figure(l)) to \(FigureText.figure($0)))" } } ?? ""
                body +=
                    "<circle cx=\"\(f(frame.x(Double(index))))\" cy=\"\(f(frame.y(point.value)))\" r=\"2.5\" fill=\"\(line.colour)\"><title>\(HTML.escape("\(line.name), \(periods[index]): \(FigureText.figure(point.value))\(interval)"))</title></circle>"
            }
            if let last = indexed.last {
                body +=
                    "<text class=\"series-label\" x=\"\(f(frame.x(Double(last.0)) + 8))\" y=\"\(f(frame.y(last.1.value) + 4))\" fill=\"\(line.colour)\">\(HTML.escape(line.name))</text>"
            }
            body += "</g>"
        }
        let description =
            "\(title) over \(periods.count) periods (\(periods.first ?? "") to \(periods.last ?? "")): \(series.map(\.name).joined(separator: ", "))."
            + (series.contains(where: \.band) ? " The shaded band is the 95% interval." : "")
        return frame.svg(id: id, title: title, description: description, body: body)
    }

    /// Colours and dashes for national deprivation quintiles 1 (most deprived) to 5; every colour has at
    /// least 4.5:1 contrast on white, so the end labels stay legible.
    package static let quintileStyles: [(colour: String, dash: String)] = [
        ("#6f1d6b", ""), ("#28527a", "6 3"), ("#00707a", "2 3"), ("#4d7a1f", "8 3 2 3"), ("#8a5a00", "1 2"),
    ]
}

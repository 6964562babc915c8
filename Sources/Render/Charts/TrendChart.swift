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
        /// False for a series drawn as its band alone (e.g. the range of the ICSs around England).
        package var line = true
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
        // Rolling periods share their words ("12 months to"): the axis title says them once, the ticks
        // the months. Ticks are thinned by their width, so no two overlap.
        let shared = "12 months to "
        let rolling = !periods.isEmpty && periods.allSatisfy { $0.hasPrefix(shared) }
        let ticks = rolling ? periods.map { String($0.dropFirst(shared.count)) } : periods
        let widest = Double(ticks.map(\.count).max() ?? 1) * 6.6 + 10
        let step = count > 1 ? frame.x(1) - frame.x(0) : widest
        let every = max(1, Int((widest / step).rounded(.up)))
        for (index, tick) in ticks.enumerated() where index % every == 0 {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(Double(index))))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(HTML.escape(tick))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">\(rolling ? "12 months to" : "Period")</text>"
        if let reference {
            body +=
                "<line class=\"zero\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(frame.y(reference)))\" y2=\"\(f(frame.y(reference)))\"/>"
        }
        var labels: [(y: Double, x: Double, text: String, colour: String)] = []
        for line in series {
            let indexed = line.points.enumerated().compactMap { index, point in point.map { (index, $0) } }
            // A period with no value (hidden or not available) breaks the line and the band there.
            var runs: [[(Int, ChartPoint)]] = []
            for item in indexed {
                if let last = runs.last?.last, last.0 == item.0 - 1 { runs[runs.count - 1].append(item) } else { runs.append([item]) }
            }
            body += "<g class=\"series\">"
            for run in runs {
                if line.band {
                    let upper = run.compactMap { index, point in point.upper.map { "\(f(frame.x(Double(index)))),\(f(frame.y($0)))" } }
                    let lower = run.reversed().compactMap { index, point in point.lower.map { "\(f(frame.x(Double(index)))),\(f(frame.y($0)))" } }
                    if upper.count == run.count, lower.count == run.count, run.count > 1 {
                        body += "<polygon class=\"band\" fill=\"\(line.colour)\" points=\"\((upper + lower).joined(separator: " "))\"/>"
                    }
                }
                guard line.line else { continue }
                let coordinates = run.map { "\(f(frame.x(Double($0.0)))),\(f(frame.y($0.1.value)))" }
                body +=
                    "<polyline class=\"trend\" stroke=\"\(line.colour)\" stroke-dasharray=\"\(line.dash)\" points=\"\(coordinates.joined(separator: " "))\"/>"
            }
            for (index, point) in indexed {
                let interval = FigureText.interval(point.lower, point.upper, label: "")
                let range = point.lower.flatMap { l in point.upper.map { "\(FigureText.figure(l)) to \(FigureText.figure($0))" } } ?? ""
                let what = "\(line.name), \(periods[index]): " + (line.line ? FigureText.figure(point.value) + interval : range)
                if line.line {
                    body +=
                        "<circle cx=\"\(f(frame.x(Double(index))))\" cy=\"\(f(frame.y(point.value)))\" r=\"2.5\" fill=\"\(line.colour)\"><title>\(HTML.escape(what))</title></circle>"
                } else if let lower = point.lower, let upper = point.upper {
                    body +=
                        "<line class=\"range-tick\" stroke=\"\(line.colour)\" x1=\"\(f(frame.x(Double(index))))\" x2=\"\(f(frame.x(Double(index))))\" y1=\"\(f(frame.y(lower)))\" y2=\"\(f(frame.y(upper)))\"><title>\(HTML.escape(what))</title></line>"
                }
            }
            body += "</g>"
            if let last = indexed.last {
                let y = line.line ? frame.y(last.1.value) : frame.y(last.1.upper ?? last.1.value)
                labels.append((y + 4, frame.x(Double(last.0)) + 8, line.name, line.colour))
            }
        }
        // End labels pushed apart so none overprints another (at least 12 px between baselines).
        labels.sort { $0.y < $1.y }
        for index in labels.indices.dropFirst() where labels[index].y < labels[index - 1].y + 12 {
            labels[index].y = labels[index - 1].y + 12
        }
        for label in labels {
            body += "<text class=\"series-label\" x=\"\(f(label.x))\" y=\"\(f(label.y))\" fill=\"\(label.colour)\">\(HTML.escape(label.text))</text>"
        }
        let description =
            "\(title) over \(periods.count) periods (\(periods.first ?? "") to \(periods.last ?? "")): \(series.map(\.name).joined(separator: ", "))."
            + (series.contains { $0.band && $0.line } ? " Shaded bands are 95% intervals." : "")
            + (series.first { !$0.line }.map { " The \($0.name) is shaded from its lowest to its highest value in each period." } ?? "")
        return frame.svg(id: id, title: title, description: description, body: body)
    }

    /// Colours and dashes for national deprivation quintiles 1 (most deprived) to 5; every colour has at
    /// least 4.5:1 contrast on white, so the end labels stay legible.
    package static let quintileStyles: [(colour: String, dash: String)] = [
        ("#6f1d6b", ""), ("#28527a", "6 3"), ("#00707a", "2 3"), ("#4d7a1f", "8 3 2 3"), ("#8a5a00", "1 2"),
    ]
}

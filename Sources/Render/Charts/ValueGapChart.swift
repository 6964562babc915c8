import PipelineCore
import Publication
package import Statistics

/// Each ICS by its value (across) and its gap by deprivation, the SII (up), with England's value and SII
/// as cross-hairs, so that the four quadrants read as a report writer would put it — "worse and more
/// unequal than England" and so on (docs/REPORT.md, "Charts"). A quadrant is a position against England's
/// estimates, not a significance test: the verdict stays the indicator's one comparison.
package struct ValueGapChart {
    package struct Point {
        package var name: String
        package var value: Double
        package var sii: Double
        /// An SII the method marks unstable: drawn hollow.
        package var unstable: Bool
        /// The decimals the value is published with (0 for a percentage shown whole).
        package var decimals: Int = 1
    }

    package let id: String
    package let title: String
    package let unit: String
    package let englandValue: Double
    package let englandSII: Double
    package let polarity: Polarity
    package let points: [Point]

    /// Which side of England a value is on, in words the polarity allows.
    package func valueSide(_ value: Double) -> String {
        let higher = value > englandValue
        switch polarity {
        case .higherIsBetter: return higher ? "better" : "worse"
        case .lowerIsBetter: return higher ? "worse" : "better"
        case .none: return higher ? "higher" : "lower"
        }
    }

    /// The quadrant of a point, e.g. "worse and more unequal than England".
    package func quadrant(_ point: Point) -> String {
        let side = valueSide(point.value)
        let unequal = point.sii > englandSII
        let joined = (side == "worse") == unequal || polarity == .none ? "and" : "but"
        return "\(side) \(joined) \(unequal ? "more" : "less") unequal than England"
    }

    package func svg() -> String {
        let xs = points.map(\.value) + [englandValue], ys = points.map(\.sii) + [englandSII, 0]
        let low = xs.min() ?? 0, high = xs.max() ?? 1
        let pad = high > low ? (high - low) * 0.08 : max(abs(high) * 0.1, 1)
        let frame = ChartFrame(x: (low - pad)...(high + pad), y: ys, top: 24)
        var body = frame.yAxis(label: "Gap by deprivation: SII (\(FigureText.gapUnit(unit)))")
        for tick in ChartFrame.ticks(frame.xDomain) {
            body +=
                "<text class=\"tick\" x=\"\(f(frame.x(tick)))\" y=\"\(f(frame.height - frame.bottom + 18))\" text-anchor=\"middle\">\(FigureText.figure(tick, decimals: ChartFrame.decimals(tick)))</text>"
        }
        body +=
            "<text class=\"axis-label\" x=\"\(f((frame.left + frame.width - frame.right) / 2))\" y=\"\(f(frame.height - 8))\" text-anchor=\"middle\">\(HTML.escape("Value (\(unit))"))</text>"
        // England's cross-hairs, and the quadrant labels in the corners.
        let ex = frame.x(englandValue), ey = frame.y(englandSII)
        body +=
            "<line class=\"england\" x1=\"\(f(ex))\" x2=\"\(f(ex))\" y1=\"\(f(frame.top))\" y2=\"\(f(frame.height - frame.bottom))\"/>"
            + "<line class=\"england\" x1=\"\(f(frame.left))\" x2=\"\(f(frame.width - frame.right))\" y1=\"\(f(ey))\" y2=\"\(f(ey))\"/>"
        let above = englandSII + 1, below = englandSII - 1
        let leftValue = englandValue - 1, rightValue = englandValue + 1
        let corners: [(x: Double, y: Double, anchor: String, text: String)] = [
            (frame.left + 4, frame.top + 12, "start", quadrant(Point(name: "", value: leftValue, sii: above, unstable: false))),
            (frame.width - frame.right - 4, frame.top + 12, "end", quadrant(Point(name: "", value: rightValue, sii: above, unstable: false))),
            (frame.left + 4, frame.height - frame.bottom - 6, "start", quadrant(Point(name: "", value: leftValue, sii: below, unstable: false))),
            (frame.width - frame.right - 4, frame.height - frame.bottom - 6, "end", quadrant(Point(name: "", value: rightValue, sii: below, unstable: false))),
        ]
        for corner in corners {
            body +=
                "<text class=\"quadrant\" x=\"\(f(corner.x))\" y=\"\(f(corner.y))\" text-anchor=\"\(corner.anchor)\">\(HTML.escape(corner.text.capitalizedFirst))</text>"
        }
        for point in points {
            let label =
                "\(point.name): \(FigureText.withUnit(point.value, unit: unit, decimals: point.decimals)), SII \(FigureText.figure(point.sii))\(point.unstable ? " (unstable)" : "") — \(quadrant(point))"
            body +=
                "<circle class=\"ics\(point.unstable ? " unstable" : "")\" cx=\"\(f(frame.x(point.value)))\" cy=\"\(f(frame.y(point.sii)))\" r=\"4\"><title>\(HTML.escape(label))</title></circle>"
        }
        body +=
            "<circle class=\"england-point\" cx=\"\(f(ex))\" cy=\"\(f(ey))\" r=\"5\"><title>\(HTML.escape("England: \(FigureText.withUnit(englandValue, unit: unit)), SII \(FigureText.figure(englandSII))"))</title></circle>"
        let description =
            "\(points.count) ICSs by their value (across) and their slope index of inequality (up); the lines cross at England's value and SII. Hollow points have an unstable SII."
        return frame.svg(id: id, title: title, description: description, body: body)
    }
}

import Foundation
import PipelineCore
import Publication

/// The plotting area of an inline SVG chart: linear scales, axes with round-number ticks, and the
/// accessible wrapper (`role="img"`, `<title>`, `<desc>`).
package struct ChartFrame {
    package let width = 640.0
    package let height = 340.0
    package let left = 72.0, right = 24.0, bottom = 56.0
    /// Room above the plot (more when a legend sits there).
    package let top: Double
    package let xDomain: ClosedRange<Double>
    package let yDomain: ClosedRange<Double>

    package init(x: ClosedRange<Double>, y: [Double], top: Double = 20) {
        xDomain = x
        self.top = top
        let low = y.min() ?? 0, high = y.max() ?? 1
        let pad = high > low ? (high - low) * 0.08 : max(abs(high) * 0.1, 1)
        yDomain = (low - pad)...(high + pad)
    }

    package func x(_ value: Double) -> Double {
        let span = xDomain.upperBound - xDomain.lowerBound
        return left + (span > 0 ? (value - xDomain.lowerBound) / span : 0.5) * (width - left - right)
    }

    package func y(_ value: Double) -> Double {
        let span = yDomain.upperBound - yDomain.lowerBound
        return top + (1 - (span > 0 ? (value - yDomain.lowerBound) / span : 0.5)) * (height - top - bottom)
    }

    /// Round-number ticks covering a range.
    package static func ticks(_ range: ClosedRange<Double>, count: Int = 5) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var tick = ceil(range.lowerBound / step) * step
        while tick <= range.upperBound + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    /// Y axis with grid lines and a label; the x axis line.
    package func yAxis(label: String) -> String {
        var out = ""
        for tick in Self.ticks(yDomain) {
            let position = y(tick)
            out += "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(position))\" y2=\"\(f(position))\"/>"
            out +=
                "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(position + 4))\" text-anchor=\"end\">\(FigureText.figure(tick, decimals: Self.decimals(tick)))</text>"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(height - bottom))\" y2=\"\(f(height - bottom))\"/>"
        out +=
            "<text class=\"axis-label\" transform=\"translate(16 \(f((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(label))</text>"
        return out
    }

    /// The chart wrapped for screen readers.
    /// The chart element; its id and every text are escaped here, whatever they hold.
    package func svg(id: String, title: String, description: String, body: String) -> String {
        let id = HTML.escape(id)
        return
            "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>\(body)</svg>"
    }

    package static func decimals(_ value: Double) -> Int { value == value.rounded() ? 0 : abs(value) >= 1 ? 1 : 2 }
}

/// Coordinates with two decimals, enough for SVG; the same text as `String(format: "%.2f")`, which it
/// leaves only near a tie of the rounding (Foundation's formatting was a tenth of the charts' time).
package func f(_ value: Double) -> String {
    let product = abs(value) * 100
    let below = product.rounded(.down)
    guard value.isFinite, product < 9e15, abs(product - below - 0.5) > 1e-6 else { return String(format: "%.2f", value) }
    let units = UInt64(product.rounded(.toNearestOrEven))
    let cents = units % 100
    let text = "\(units / 100).\(cents < 10 ? "0" : "")\(cents)"
    return value.sign == .minus ? "-" + text : text
}

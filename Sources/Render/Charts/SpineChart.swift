import Publication
import Statistics

/// One indicator's row of a spine chart (docs/REPORT.md, "Profiles"): England's value at the centre, the
/// range of the 42 ICSs' values as a bar (the middle half darker), and this ICS as a marker shaped and
/// coloured by its comparison with England. Better is to the right for an indicator with polarity;
/// higher is to the right without one.
package struct SpineChart {
    package let ics: Double
    package let england: Double
    package let values: [Double]
    package let flipped: Bool
    package let shade: ComparisonShade
    package let label: String

    package func svg() -> String {
        let width = 300.0, height = 22.0, middle = width / 2
        let sorted = values.sorted()
        guard let low = sorted.first, let high = sorted.last else { return "" }
        let reach = max(abs(england - low), abs(high - england), abs(ics - england), 1e-12)
        func x(_ value: Double) -> Double {
            let offset = (value - england) / reach * (middle - 8)
            return middle + (flipped ? -offset : offset)
        }
        let q1 = Self.quantile(sorted, 0.25), q3 = Self.quantile(sorted, 0.75)
        var out =
            "<svg class=\"spine\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect class=\"spine-range\" x=\"\(f(min(x(low), x(high))))\" y=\"5\" width=\"\(f(abs(x(high) - x(low))))\" height=\"12\"/>"
        out += "<rect class=\"spine-middle\" x=\"\(f(min(x(q1), x(q3))))\" y=\"5\" width=\"\(f(abs(x(q3) - x(q1))))\" height=\"12\"/>"
        out += "<line class=\"spine-england\" x1=\"\(f(middle))\" x2=\"\(f(middle))\" y1=\"1\" y2=\"21\"/>"
        out += FunnelPlot.marker(shade.isOutside998 ? .high998 : shade.isOutside95 ? .high95 : .within, shade: shade, x: x(ics), y: 11)
        return out + "</svg>"
    }

    /// The linear-interpolation quantile (R's type 7) of sorted values.
    package static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), fraction = position - Double(lower)
        return lower + 1 < sorted.count ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]) : sorted[lower]
    }
}

import PipelineCore
import Publication

/// Each ICS's slope index of inequality with its 95% interval as a caterpillar (docs/REPORT.md, "Charts"):
/// one row per ICS, sorted by SII, names on the axis, England's SII as a dashed line. The shape says how
/// the ICS's SII compares with England's (▲ wider, ● similar, ▼ narrower, as well as the colour), and an
/// unstable SII is drawn hollow.
package struct SIIChart {
    package struct Row {
        package var name: String
        package var sii: Double
        package var lower: Double?
        package var upper: Double?
        package var shade: ComparisonShade
        package var unstable: Bool
    }

    package let id: String
    package let title: String
    package let unit: String
    package let england: Double?
    package let rows: [Row]

    package func svg() -> String {
        let sorted = rows.sorted { $0.sii > $1.sii }
        let left = 340.0, right = 24.0, top = 64.0, rowHeight = 15.0, bottom = 52.0
        let width = 760.0, height = top + Double(max(sorted.count, 1)) * rowHeight + bottom
        var values: [Double] = [0]
        for row in sorted { values += [row.sii, row.lower ?? row.sii, row.upper ?? row.sii] }
        if let england { values.append(england) }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let pad = (high - low) * 0.05 + 1e-9
        let domain = (low - pad)...(high + pad)
        func x(_ value: Double) -> Double { left + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (width - left - right) }
        let plotBottom = height - bottom
        var body = ""
        for tick in ChartFrame.ticks(domain) {
            body += "<line class=\"grid\" x1=\"\(f(x(tick)))\" x2=\"\(f(x(tick)))\" y1=\"\(f(top - 6))\" y2=\"\(f(plotBottom))\"/>"
            body +=
                "<text class=\"tick\" x=\"\(f(x(tick)))\" y=\"\(f(plotBottom + 16))\" text-anchor=\"middle\">\(FigureText.figure(tick, decimals: ChartFrame.decimals(tick)))</text>"
        }
        body += "<line class=\"zero\" x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top - 6))\" y2=\"\(f(plotBottom))\"/>"
        body +=
            "<text class=\"axis-label\" x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\">\(HTML.escape("SII (\(FigureText.gapUnit(unit))); positive = the most deprived are disadvantaged"))</text>"
        if let england {
            body += "<line class=\"england\" x1=\"\(f(x(england)))\" x2=\"\(f(x(england)))\" y1=\"\(f(top - 6))\" y2=\"\(f(plotBottom))\"/>"
            body +=
                "<text class=\"tick\" x=\"\(f(x(england)))\" y=\"\(f(top - 10))\" text-anchor=\"middle\">England \(FigureText.figure(england))</text>"
        }
        for (index, row) in sorted.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            let label =
                "\(row.name): SII \(FigureText.figure(row.sii))"
                + (row.lower.flatMap { l in row.upper.map { " (\(FigureText.figure(l)) to \(FigureText.figure($0)))" } } ?? "")
                + ", \(row.shade.label.lowercased())" + (row.unstable ? ", unstable: read with care" : "")
            body += "<g class=\"row \(row.shade.rawValue)\(row.unstable ? " unstable" : "")\"><title>\(HTML.escape(label))</title>"
            body += "<text class=\"name\" x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(HTML.escape(Self.shortName(row.name)))</text>"
            if let lower = row.lower, let upper = row.upper {
                body += "<line class=\"ci\" x1=\"\(f(x(lower)))\" x2=\"\(f(x(upper)))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
            }
            body += Self.marker(row.shade, x: x(row.sii), y: y, hollow: row.unstable)
            body += "</g>"
        }
        body += legend(y: 14)
        let description =
            "Slope index of inequality of \(title) over national deprivation quintiles for \(sorted.count) ICSs, largest first, with 95% intervals; the dashed line is England's SII. Triangles up: gap wider than England's; circles: similar; triangles down: narrower; hollow: unstable."
        let id = HTML.escape(self.id)
        return
            "<svg id=\"\(id)\" class=\"chart caterpillar\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-title\">\(HTML.escape("\(title): slope index of inequality by ICS"))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>\(body)</svg>"
    }

    private func legend(y: Double) -> String {
        var out = "<g class=\"legend\">"
        var x = 8.0
        for shade in [ComparisonShade.widerGap, .similarGap, .narrowerGap] {
            out += Self.marker(shade, x: x + 6, y: y, hollow: false)
            out += "<text x=\"\(f(x + 16))\" y=\"\(f(y + 4))\">\(HTML.escape(shade.label))</text>"
            x += 190
        }
        out += Self.marker(.similarGap, x: 14, y: y + 20, hollow: true)
        out += "<text x=\"24\" y=\"\(f(y + 24))\">Hollow: unstable (small or missing quintiles), read with care</text>"
        out += "<line class=\"england\" x1=\"440\" x2=\"470\" y1=\"\(f(y + 20))\" y2=\"\(f(y + 20))\"/><text x=\"476\" y=\"\(f(y + 24))\">England's SII</text>"
        return out + "</g>"
    }

    /// ▲ wider, ▼ narrower, ● otherwise; hollow when unstable.
    package static func marker(_ shade: ComparisonShade, x: Double, y: Double, hollow: Bool) -> String {
        let style =
            hollow
            ? "fill=\"#ffffff\" stroke=\"\(shade.colour == "#ffffff" ? "#505a5f" : shade.colour)\" stroke-width=\"1.6\""
            : "fill=\"\(shade.colour)\" stroke=\"#0b0c0c\" stroke-width=\"0.6\""
        if shade == .widerGap {
            return "<path class=\"marker\" d=\"M\(f(x)) \(f(y - 5.5))L\(f(x + 5.5)) \(f(y + 4))L\(f(x - 5.5)) \(f(y + 4))Z\" \(style)/>"
        }
        if shade == .narrowerGap {
            return "<path class=\"marker\" d=\"M\(f(x)) \(f(y + 5.5))L\(f(x + 5.5)) \(f(y - 4))L\(f(x - 5.5)) \(f(y - 4))Z\" \(style)/>"
        }
        return "<circle class=\"marker\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" \(style)/>"
    }

    /// An ICB's name without "NHS" and "Integrated Care Board", which every one of them carries.
    package static func shortName(_ name: String) -> String {
        var short = name
        if short.hasPrefix("NHS ") { short.removeFirst(4) }
        for suffix in [" Integrated Care Board", " ICB"] where short.hasSuffix(suffix) { short.removeLast(suffix.count) }
        return short
    }
}

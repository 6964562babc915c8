import Foundation
import Publication

/// The ICS outlines projected onto the British National Grid and fitted to the map's frame, with London's
/// systems again, enlarged, in an inset (docs/REPORT.md, "Map"). Each outline is written once, as a
/// `<path>` in the page's `<defs>`, and every map on the page draws it with `<use>`.
package struct MapGeometry: Sendable {
    package let width = 560.0
    package let height: Double
    /// The inset's frame: of the corners and the sea where Wales would be, the place that covers the
    /// fewest outline points (so it hides no coast).
    package let inset: (x: Double, y: Double, width: Double, height: Double)
    /// Outline points of the main map under the inset (the fewest of the candidate places).
    package let pointsUnderInset: Int
    /// Path data per ICS (ODS code), on the main map and, for London's systems, in the inset.
    package let main: [String: String]
    package let insetPaths: [String: String]
    /// Where each ICS's key number sits: the middle of its outline on the main map, or in the inset for
    /// London's systems.
    package let keyPositions: [String: (x: Double, y: Double)]

    /// The region whose systems the inset enlarges.
    package static let londonRegion = "E40000003"

    package init(rings: [(ics: String, ring: [(x: Double, y: Double)])], london: Set<String>) {
        let all = rings.flatMap(\.ring)
        let minX = all.map(\.x).min() ?? 0, maxX = all.map(\.x).max() ?? 1
        let minY = all.map(\.y).min() ?? 0, maxY = all.map(\.y).max() ?? 1
        let margin = 8.0
        let scale = (width - 2 * margin) / max(maxX - minX, 1)
        height = ((maxY - minY) * scale + 2 * margin).rounded(.up)
        func fit(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
            (margin + (point.x - minX) * scale, margin + (maxY - point.y) * scale)
        }
        let fitted = rings.map { ($0.ics, $0.ring.map(fit)) }
        main = Self.paths(fitted, tolerance: 0.35)
        var keys = Self.middles(fitted)

        let londonRings = rings.filter { london.contains($0.ics) }
        let size = (width: 188.0, height: 150.0)
        let candidates = [
            (x: width - size.width - 8, y: 8.0), (x: 8.0, y: 8.0), (x: 8.0, y: height * 0.42), (x: width - size.width - 8, y: height - size.height - 8),
        ]
        let drawn = fitted.flatMap(\.1)
        let counted = candidates.map { corner in
            (corner, drawn.filter { $0.x >= corner.x && $0.x <= corner.x + size.width && $0.y >= corner.y && $0.y <= corner.y + size.height }.count)
        }
        let best = counted.min { $0.1 < $1.1 } ?? (candidates[0], 0)
        let frame = (x: best.0.x, y: best.0.y, width: size.width, height: size.height)
        inset = frame
        pointsUnderInset = best.1
        let points = londonRings.flatMap(\.ring)
        if let lowX = points.map(\.x).min(), let highX = points.map(\.x).max(), let lowY = points.map(\.y).min(), let highY = points.map(\.y).max() {
            let pad = 8.0
            let insetScale = min((frame.width - 2 * pad) / max(highX - lowX, 1), (frame.height - 2 * pad) / max(highY - lowY, 1))
            let offsetX = frame.x + (frame.width - (highX - lowX) * insetScale) / 2
            let offsetY = frame.y + (frame.height - (highY - lowY) * insetScale) / 2
            let insetRings = londonRings.map { ring in
                (ring.ics, ring.ring.map { (x: offsetX + ($0.x - lowX) * insetScale, y: offsetY + (highY - $0.y) * insetScale) })
            }
            insetPaths = Self.paths(insetRings, tolerance: 0.35)
            for (ics, middle) in Self.middles(insetRings) { keys[ics] = middle }
        } else {
            insetPaths = [:]
        }
        keyPositions = keys
    }

    /// The middle of each ICS's outline points (their mean: for a concave outline it can fall just outside,
    /// which still puts the number beside its area).
    package static func middles(_ rings: [(String, [(x: Double, y: Double)])]) -> [String: (x: Double, y: Double)] {
        var sums: [String: (x: Double, y: Double, n: Double)] = [:]
        for (ics, ring) in rings {
            for point in ring {
                let sum = sums[ics] ?? (0, 0, 0)
                sums[ics] = (sum.x + point.x, sum.y + point.y, sum.n + 1)
            }
        }
        return sums.mapValues { ($0.x / max($0.n, 1), $0.y / max($0.n, 1)) }
    }

    /// SVG path data per ICS from its rings in pixels, simplified to `tolerance` pixels.
    package static func paths(_ rings: [(ics: String, ring: [(x: Double, y: Double)])], tolerance: Double) -> [String: String] {
        var paths: [String: String] = [:]
        for (ics, ring) in rings {
            let kept = Simplifier.simplify(ring, tolerance: tolerance)
            guard kept.count >= 3 else { continue }
            var data = "M"
            for (index, point) in kept.enumerated() {
                if index > 0 { data += "L" }
                data += String(format: "%.1f %.1f", point.x, point.y)
            }
            paths[ics, default: ""] += data + "Z"
        }
        return paths
    }

    /// The outlines, once per page.
    package var definitions: String {
        var out = "<svg class=\"map-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\"><defs>"
        for (ics, data) in main.sorted(by: { $0.key < $1.key }) { out += "<path id=\"map-\(HTML.escape(ics))\" d=\"\(data)\"/>" }
        for (ics, data) in insetPaths.sorted(by: { $0.key < $1.key }) { out += "<path id=\"map-inset-\(HTML.escape(ics))\" d=\"\(data)\"/>" }
        out += ComparisonShade.patterns + "</defs></svg>"
        return out
    }
}

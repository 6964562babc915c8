import Foundation
import Publication

/// The ICS outlines projected onto the British National Grid and fitted to the map's frame, with London's
/// systems again, enlarged, in an inset (docs/REPORT.md, "Map"). Each outline is written once, as a
/// `<path>` in the page's `<defs>`, and every map on the page draws it with `<use>`.
package struct MapGeometry: Sendable {
    package let width = 560.0
    package let height: Double
    /// The inset's frame, top right, over the North Sea.
    package let inset: (x: Double, y: Double, width: Double, height: Double)
    /// Path data per ICS (ODS code), on the main map and, for London's systems, in the inset.
    package let main: [String: String]
    package let insetPaths: [String: String]

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
        main = Self.paths(rings.map { ($0.ics, $0.ring.map(fit)) }, tolerance: 0.35)

        let londonRings = rings.filter { london.contains($0.ics) }
        let frame = (x: width - 196.0, y: 8.0, width: 188.0, height: 150.0)
        inset = frame
        let points = londonRings.flatMap(\.ring)
        if let lowX = points.map(\.x).min(), let highX = points.map(\.x).max(), let lowY = points.map(\.y).min(), let highY = points.map(\.y).max() {
            let pad = 8.0
            let insetScale = min((frame.width - 2 * pad) / max(highX - lowX, 1), (frame.height - 2 * pad) / max(highY - lowY, 1))
            let offsetX = frame.x + (frame.width - (highX - lowX) * insetScale) / 2
            let offsetY = frame.y + (frame.height - (highY - lowY) * insetScale) / 2
            insetPaths = Self.paths(
                londonRings.map { ring in (ring.ics, ring.ring.map { (offsetX + ($0.x - lowX) * insetScale, offsetY + (highY - $0.y) * insetScale) }) },
                tolerance: 0.35)
        } else {
            insetPaths = [:]
        }
    }

    /// SVG path data per ICS from its rings in pixels, simplified to `tolerance` pixels.
    private static func paths(_ rings: [(ics: String, ring: [(x: Double, y: Double)])], tolerance: Double) -> [String: String] {
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

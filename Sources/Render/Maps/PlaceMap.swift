import Foundation
import Publication

/// The outlines of one ICS's places (sub-ICB locations) in British National Grid metres, fitted to a small
/// frame, for the place maps on its profile (docs/REPORT.md, "Profiles"). Each indicator's map shades
/// every place by its comparison with the ICS and numbers it as the places' table lists it.
package struct PlaceMap: Sendable {
    package static let width = 360.0
    package let height: Double
    /// Path data per place (ODS code), and where its number sits.
    package let paths: [String: String]
    package let keyPositions: [String: (x: Double, y: Double)]

    /// One area on a map: its shade and its title (name, value and comparison).
    package struct Area {
        package var place: String
        package var shade: ComparisonShade
        package var title: String
    }

    package init(rings: [(place: String, ring: [(x: Double, y: Double)])]) {
        let all = rings.flatMap(\.ring)
        let minX = all.map(\.x).min() ?? 0, maxX = all.map(\.x).max() ?? 1
        let minY = all.map(\.y).min() ?? 0, maxY = all.map(\.y).max() ?? 1
        let margin = 8.0, tallest = 360.0
        // As wide as the frame, unless that would make the map taller than it.
        let scale = min((Self.width - 2 * margin) / max(maxX - minX, 1), (tallest - 2 * margin) / max(maxY - minY, 1))
        height = ((maxY - minY) * scale + 2 * margin).rounded(.up)
        let offsetX = (Self.width - (maxX - minX) * scale) / 2
        let fitted = rings.map { ($0.place, $0.ring.map { (x: offsetX + ($0.x - minX) * scale, y: margin + (maxY - $0.y) * scale) }) }
        paths = MapGeometry.paths(fitted, tolerance: 0.5)
        keyPositions = MapGeometry.middles(fitted)
    }

    /// The map as an image (no links inside), with a legend of the shades it uses; `keys` number the areas
    /// as the table beside it does.
    package func svg(id: String, title: String, description: String, areas: [Area], keys: [String: Int]) -> String {
        let shades = ComparisonShade.allCases.filter { shade in areas.contains { $0.shade == shade && paths[$0.place] != nil } }
        let total = height + Double(shades.count) * 22 + 12
        let id = HTML.escape(id)
        var out =
            "<svg id=\"\(id)\" class=\"chart place-map\" viewBox=\"0 0 \(f(Self.width)) \(f(total))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        // The shades' patterns inside the map, under ids of its own: colour and marks wherever the map is
        // shown, on the page or downloaded on its own, and no id repeated on a page of several maps.
        out += "<defs>\(ComparisonShade.patterns.replacingOccurrences(of: "id=\"", with: "id=\"\(id)-"))</defs>"
        func fill(_ shade: ComparisonShade) -> String { "url(#\(id)-shade-\(shade.rawValue))" }
        for area in areas {
            guard let data = paths[area.place] else { continue }
            out +=
                "<path class=\"area\" d=\"\(data)\" fill=\"\(fill(area.shade))\" stroke=\"#0b0c0c\" stroke-width=\"0.6\" data-place=\"\(HTML.escape(area.place))\"><title>\(HTML.escape(area.title))</title></path>"
        }
        for (place, number) in keys.sorted(by: { $0.value < $1.value }) {
            guard let at = keyPositions[place] else { continue }
            out += "<text class=\"area-key\" x=\"\(f(at.x))\" y=\"\(f(at.y + 3))\" text-anchor=\"middle\" aria-hidden=\"true\">\(number)</text>"
        }
        for (index, shade) in shades.enumerated() {
            let y = height + 8 + Double(index) * 22
            out +=
                "<g class=\"legend-item\"><rect x=\"8\" y=\"\(f(y))\" width=\"24\" height=\"14\" fill=\"\(fill(shade))\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/><text x=\"40\" y=\"\(f(y + 11))\">\(HTML.escape(shade.label(against: "the ICS")))</text></g>"
        }
        return out + "</svg>"
    }
}

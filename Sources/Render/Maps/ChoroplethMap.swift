import Publication

/// One map of the 42 ICSs shaded by a comparison with England (docs/REPORT.md, "Map"): each area a link
/// to its ICS's profile with a title giving its name, value and comparison; London's systems again in the
/// inset; a legend of the shades used. Draws the outlines ``MapGeometry/definitions`` put on the page.
package struct ChoroplethMap {
    package struct Area {
        package var ics: String
        package var shade: ComparisonShade
        /// The area's title: name, value and comparison.
        package var title: String
        package var link: String
        /// A fill of the map's own scale (a class of a sequential scale) instead of the shade's.
        package var fill: String? = nil
        /// Hatched over its fill: a value to read with care (an unstable SII).
        package var hatched = false
    }

    /// A legend entry of a map with its own scale.
    package struct LegendEntry {
        package var fill: String
        package var label: String
    }

    package let id: String
    package let title: String
    package let description: String
    package let geometry: MapGeometry
    package let areas: [Area]
    /// Each ICS's number, drawn on its area and listed in the table beside the map.
    package var keys: [String: Int] = [:]
    /// The legend of a map with its own scale (the shades' legend otherwise).
    package var legend: [LegendEntry]? = nil

    package func svg() -> String {
        let entries =
            legend
            ?? ComparisonShade.allCases.filter { shade in areas.contains { $0.shade == shade } }.map { LegendEntry(fill: $0.fill, label: $0.label) }
        let hatchEntry = areas.contains(where: \.hatched) ? [LegendEntry(fill: "url(#hatch-unstable)", label: "Unstable: read with care")] : []
        let legendEntries = entries + hatchEntry
        let legendHeight = Double(legendEntries.count) * 22 + 12
        let height = geometry.height + legendHeight
        let id = HTML.escape(self.id)
        var out =
            // A group of links, not an image: an image may hold no interactive element (axe `nested-interactive`).
            "<svg id=\"\(id)\" class=\"map\" viewBox=\"0 0 \(f(geometry.width)) \(f(height))\" role=\"group\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        for area in areas where geometry.main[area.ics] != nil {
            out += use("map-\(area.ics)", area)
        }
        let inset = geometry.inset
        let london = areas.filter { geometry.insetPaths[$0.ics] != nil }
        // London outlined on the main map, so the reader sees what the inset enlarges.
        for area in london where geometry.main[area.ics] != nil {
            out += "<use class=\"london\" href=\"#map-\(HTML.escape(area.ics))\" aria-hidden=\"true\"/>"
        }
        if !london.isEmpty {
            out +=
                "<g class=\"inset\"><rect class=\"inset-frame\" x=\"\(f(inset.x))\" y=\"\(f(inset.y))\" width=\"\(f(inset.width))\" height=\"\(f(inset.height))\"/>"
            for area in london { out += use("map-inset-\(area.ics)", area) }
            out +=
                "<text class=\"inset-label\" x=\"\(f(inset.x + 4))\" y=\"\(f(inset.y + inset.height + 14))\">London (enlarged)</text></g>"
        }
        // Numbered keys, listed with the names in the table beside the map.
        for (ics, number) in keys.sorted(by: { $0.value < $1.value }) {
            guard let at = geometry.keyPositions[ics] else { continue }
            out += "<text class=\"area-key\" x=\"\(f(at.x))\" y=\"\(f(at.y + 3))\" text-anchor=\"middle\" aria-hidden=\"true\">\(number)</text>"
        }
        for (index, entry) in legendEntries.enumerated() {
            let y = geometry.height + 8 + Double(index) * 22
            out +=
                "<g class=\"legend-item\"><rect x=\"8\" y=\"\(f(y))\" width=\"24\" height=\"14\" fill=\"\(entry.fill)\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/><text x=\"40\" y=\"\(f(y + 11))\">\(HTML.escape(entry.label))</text></g>"
        }
        return out + "</svg>"
    }

    private func use(_ reference: String, _ area: Area) -> String {
        let hatch = area.hatched ? "<use class=\"hatch\" href=\"#\(HTML.escape(reference))\" fill=\"url(#hatch-unstable)\" aria-hidden=\"true\"/>" : ""
        return
            "<a href=\"\(HTML.escape(area.link))\"><use class=\"area\" href=\"#\(HTML.escape(reference))\" fill=\"\(area.fill ?? area.shade.fill)\" data-ics=\"\(HTML.escape(area.ics))\"><title>\(HTML.escape(area.title))</title></use>\(hatch)</a>"
    }

    /// A sequential scale of five classes (light to dark purple) over `values`, split at their quintiles,
    /// for a map of how large something is rather than how it compares (the SII map: where gradients are
    /// steep). Returns each value's fill and the legend, ranges at the values' precision.
    package static func sequential(_ values: [Double], unit: String) -> (fill: (Double) -> String, legend: [LegendEntry]) {
        let colours = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"]
        let sorted = values.sorted()
        guard let low = sorted.first, let high = sorted.last, high > low else {
            return ({ _ in colours[2] }, [LegendEntry(fill: colours[2], label: sorted.first.map { FigureText.figure($0) + " " + unit } ?? "")])
        }
        let breaks = (1..<5).map { sorted[min(sorted.count - 1, $0 * sorted.count / 5)] }
        func index(_ value: Double) -> Int { breaks.filter { value >= $0 }.count }
        var legend: [LegendEntry] = []
        let bounds = [low] + breaks + [high]
        for (position, colour) in colours.enumerated() where sorted.contains(where: { index($0) == position }) {
            legend.append(
                LegendEntry(
                    fill: colour,
                    label: "\(FigureText.figure(bounds[position])) to \(position == 4 ? "" : "under ")\(FigureText.figure(bounds[position + 1])) \(unit)"))
        }
        return ({ colours[index($0)] }, legend)
    }
}

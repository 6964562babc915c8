import Publication

extension IndicatorFigures {
    /// The ICS's places on a map, each shaded by its comparison with the ICS and numbered as the table
    /// under it lists them (docs/REPORT.md, "Profiles"); nil when the indicator has no place figures. Places
    /// without an outline in the boundary file are named under the map.
    func placeMap(ods: String, icsName: String, map: PlaceMap) -> String? {
        let places = indicator.places(of: ods)
        guard !places.isEmpty else { return nil }
        let name = indicator.name, unit = indicator.unit
        var areas: [PlaceMap.Area] = [], keys: [String: Int] = [:]
        var table = DataTable(
            caption: "\(name) by place in \(SIIChart.shortName(icsName)), \(indicator.latestLabel), as numbered on the map",
            columns: ["Key", "Place", "Value", "Against the ICS"])
        for (offset, place) in places.enumerated() {
            let row = place.row
            let code = row.text(.placeCode), placeName = row.text(.placeName)
            let shade = ComparisonShade(indicator.verdict(place))
            let value = row[.value].number.map { FigureText.withUnit($0, unit: unit, decimals: row.decimals(.value)) } ?? "no value published"
            keys[code] = offset + 1
            areas.append(
                PlaceMap.Area(place: code, shade: shade, title: "\(offset + 1). \(placeName): \(value) (\(shade.label(against: "the ICS").lowercased()))"))
            table.add("\(offset + 1)", [HTML.escape(placeName), HTML.escape(value), HTML.escape(shade.label(against: "the ICS"))])
        }
        let missing = places.filter { map.paths[$0.row.text(.placeCode)] == nil }.map { $0.row.text(.placeName) }
        let short = SIIChart.shortName(icsName)
        let svg = map.svg(
            id: "\(indicator.id)-place-map-\(ods)", title: "\(name) by place in \(short), \(indicator.latestLabel)",
            description:
                "Map of the \(places.count - missing.count) places of \(short) with an outline, each shaded by its value against the ICS's and numbered as in the table.",
            areas: areas, keys: keys)
        let caption =
            "\(name), \(indicator.latestLabel): the places of \(short) against the ICS's value, by the indicator's one comparison."
            + (missing.isEmpty ? "" : " Not drawn (no outline in the boundary file): \(missing.joined(separator: ", ")).")
        return HTMLPage.figure(svg, caption: caption, table: table.html, kind: "place-map", source: indicator.source)
    }
}

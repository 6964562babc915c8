import Publication
import Statistics

/// The map page (docs/REPORT.md, "Map"): for each indicator's latest period, one map of each ICS's value
/// against England and, with a deprivation split, one of its SII against England's; each area links to
/// its profile. The data table and the boundaries' attribution sit beside the maps.
struct MapPage {
    let view: PublicationView
    let geometry: MapGeometry
    let title: String
    let publication: String

    static let fileName = "map.html"

    func render() -> String {
        var body =
            "<p>Each Integrated Care System shaded by how it compares with England in the latest period. Select an area to open that system's profile. Each system carries a number, listed with its name in the table under the maps. London's five systems, outlined on the main map, are repeated, enlarged, in the inset. Every map has its figures in a table below it.</p>"
        var navigation: [(href: String, text: String)] = []
        // Each system's number on every map, by region then name as the tables list them.
        let keys = Dictionary(uniqueKeysWithValues: view.systems.enumerated().map { ($0.element.ods, $0.offset + 1) })
        for indicator in view.indicators {
            navigation.append(("#map-\(indicator.id)", indicator.name))
            var maps = ""
            let values = indicator.current.map { ics -> ChoroplethMap.Area in
                let shade = ComparisonShade(indicator.verdict(ics))
                let value =
                    ics.row[.value].number.map { FigureText.withUnit($0, unit: indicator.unit, decimals: ics.row.decimals(.value)) } ?? "no value published"
                return ChoroplethMap.Area(
                    ics: ics.ods, shade: shade, title: "\(ics.name): \(value) (\(shade.label.lowercased()))", link: "ics/\(ics.ods).html")
            }
            let valueMap = ChoroplethMap(
                id: "map-\(indicator.id)-value", title: "\(indicator.name), \(indicator.latestLabel): each ICS against England",
                description:
                    "Map of England's \(values.count) ICSs shaded by the comparison of their \(FigureText.inSentence(indicator.name)) with England's value (\(indicator.comparison == .funnel ? "funnel band" : "95% and 99.8% intervals")); patterns repeat the shading.",
                geometry: geometry, areas: values, keys: keys)
            maps += "<figure class=\"map-figure\">\(valueMap.svg())<figcaption>\(HTML.escape(indicator.name)): value against England</figcaption></figure>"
            if indicator.noSplit == nil {
                // How steep each system's gradient is, on a sequential scale; unstable SIIs hatched. Its
                // comparison with England's is in the title and the table.
                let gapUnit = FigureText.gapUnit(indicator.unit)
                let scale = ChoroplethMap.sequential(indicator.current.compactMap { $0.row[.sii].number }, unit: gapUnit)
                let gaps = indicator.current.map { ics -> ChoroplethMap.Area in
                    let shade = ComparisonShade(gap: ics.siiVersusEngland)
                    let sii = ics.row[.sii].number
                    let unstable = ics.siiUnstableReason != nil ? ", unstable" : ""
                    return ChoroplethMap.Area(
                        ics: ics.ods, shade: shade,
                        title: "\(ics.name): \(sii.map { "SII \(FigureText.figure($0)) \(gapUnit)" } ?? "no SII") (\(shade.label.lowercased())\(unstable))",
                        link: "ics/\(ics.ods).html", fill: sii.map(scale.fill) ?? ComparisonShade.gapNotAvailable.fill, hatched: ics.siiUnstableReason != nil)
                }
                let gapMap = ChoroplethMap(
                    id: "map-\(indicator.id)-sii", title: "\(indicator.name), \(indicator.latestLabel): the gap by deprivation within each ICS",
                    description:
                        "Map of England's ICSs shaded by the slope index of inequality within each, light (small gap) to dark (steep gradient) in five classes of about equal numbers of systems; unstable SIIs are hatched.",
                    geometry: geometry, areas: gaps, keys: keys,
                    legend: scale.legend
                        + (indicator.current.contains { $0.row[.sii].number == nil }
                            ? [ChoroplethMap.LegendEntry(fill: ComparisonShade.gapNotAvailable.fill, label: "No SII")] : []))
                maps +=
                    "<figure class=\"map-figure\">\(gapMap.svg())<figcaption>\(HTML.escape(indicator.name)): the gap by deprivation (SII) within each system</figcaption></figure>"
            }
            var table = DataTable(
                caption: "\(indicator.name) by ICS, \(indicator.latestLabel)",
                columns: ["ICS", "Key on the maps", "Region", "Value (\(HTML.escape(indicator.unit)))", "Against England", "SII against England's"])
            for system in view.systems {
                guard let ics = indicator.ics(system.ods) else { continue }
                let shade = ComparisonShade(indicator.verdict(ics))
                let gap = indicator.noSplit == nil ? ComparisonShade(gap: ics.siiVersusEngland).label : "no deprivation split"
                table.add(
                    "<a href=\"\(HTML.escape(system.link))\">\(HTML.escape(system.name))</a>",
                    [
                        "\(keys[system.ods] ?? 0)", HTML.escape(system.region),
                        ics.row[.value].number.map { FigureText.figure($0, decimals: ics.row.decimals(.value)) } ?? "not available",
                        HTML.escape(shade.label),
                        HTML.escape(gap),
                    ])
            }
            let missing = view.systems.filter { geometry.main[$0.ods] == nil }.map(\.name)
            let note = missing.isEmpty ? "" : "<p class=\"meta\">No outline for: \(HTML.escape(missing.joined(separator: ", "))); they are in the table.</p>"
            body += HTMLPage.section(
                "map-\(indicator.id)", "\(HTML.escape(indicator.name)) <span class=\"period\">(\(HTML.escape(indicator.latestLabel)))</span>",
                "<div class=\"maps\">\(maps)</div>\(note)<details><summary>Show the data</summary>\(table.html)</details>")
        }
        body += "<p class=\"attribution\">\(HTML.escape(view.general("map_boundaries") ?? ""))</p>"
        let page = HTMLPage(
            title: title, publication: publication, runID: view.runID, manifest: view.manifest, root: "", banner: view.general("synthetic_data"))
        return page.render(navigation: navigation, body: body, definitions: geometry.definitions)
    }
}

import Publication
import Statistics

/// The overview (after OHID Fingertips; docs/REPORT.md, "Overview matrix"): one row per ICS, grouped by
/// region, one column per indicator's latest period. Each cell gives the value and a word for its
/// comparison with England on that comparison's colour, so it reads without the colour. A second matrix
/// compares each ICS's SII with England's, an unstable one marked †.
struct OverviewMatrix {
    let view: PublicationView
    /// The link to an ICS's profile, from the page drawing the matrix.
    let link: (String) -> String

    func values() -> String {
        table(
            id: "matrix-values",
            caption:
                "Each ICS against England, latest period (value; its one verdict against England by the indicator's comparison policy: the test of its 95% and 99.8% intervals, or its funnel band where the indicator is judged by its funnel)",
            indicators: view.indicators
        ) { indicator, ics in
            let shade = ComparisonShade(indicator.verdict(ics))
            let value = ics.row[.value].number.map { FigureText.figure($0, decimals: ics.row.decimals(.value)) } ?? "–"
            return (
                shade, "\(value)<br><span class=\"word\">\(shade.short)</span>", "\(indicator.name): \(value) \(indicator.unit), \(shade.label.lowercased())"
            )
        }
    }

    func inequality() -> String {
        let split = view.indicators.filter { $0.noSplit == nil }
        guard !split.isEmpty else { return "" }
        return table(
            id: "matrix-sii",
            caption: "Inequality within each ICS: its slope index of inequality against England's, latest period († unstable: read with care)",
            indicators: split
        ) { indicator, ics in
            let shade = ComparisonShade(gap: ics.siiVersusEngland)
            let unstable = ics.siiUnstableReason != nil
            let sii = ics.row[.sii].number.map { FigureText.figure($0) } ?? "–"
            return (
                shade, "\(sii)\(unstable ? " †" : "")<br><span class=\"word\">\(shade.short)</span>",
                "\(indicator.name): SII \(sii), \(shade.label.lowercased())\(unstable ? ", unstable" : "")"
            )
        }
    }

    private func table(
        id: String, caption: String, indicators: [PublicationView.Indicator],
        cell: (PublicationView.Indicator, LeagueRow) -> (ComparisonShade, String, String)
    ) -> String {
        var out = "<div class=\"scroll\"><table id=\"\(id)\" class=\"matrix\"><caption>\(HTML.escape(caption))</caption><thead><tr><th scope=\"col\">ICS</th>"
        for indicator in indicators {
            out +=
                "<th scope=\"col\"><a href=\"#\(HTML.escape(indicator.id))\">\(HTML.escape(indicator.name))</a><br><span class=\"meta\">\(HTML.escape(indicator.unit)), \(HTML.escape(indicator.latestLabel))</span></th>"
        }
        out += "</tr></thead>"
        var region: String?
        for system in view.systems {
            if system.region != region {
                if region != nil { out += "</tbody>" }
                region = system.region
                out += "<tbody><tr><th scope=\"rowgroup\" class=\"region\" colspan=\"\(indicators.count + 1)\">\(HTML.escape(system.region))</th></tr>"
            }
            out += "<tr><th scope=\"row\"><a href=\"\(HTML.escape(link(system.ods)))\">\(HTML.escape(SIIChart.shortName(system.name)))</a></th>"
            for indicator in indicators {
                guard let row = indicator.ics(system.ods) else {
                    out += "<td>–</td>"
                    continue
                }
                let (shade, content, title) = cell(indicator, row)
                out +=
                    "<td class=\"\(shade.rawValue)\(shade.darkFill ? " dark" : "")\" style=\"background:\(shade.colour)\" title=\"\(HTML.escape(title))\">\(content)</td>"
            }
            out += "</tr>"
        }
        if region != nil { out += "</tbody>" }
        return out + "</table></div>"
    }

    /// The colours and words the matrices use.
    static func key(_ shades: [ComparisonShade]) -> String {
        "<p class=\"key\">"
            + shades.map {
                "<span style=\"background:\($0.colour);color:\($0.darkFill ? "#ffffff" : "#0b0c0c")\">\(HTML.escape($0.label))</span>"
            }.joined() + "</p>"
    }
}

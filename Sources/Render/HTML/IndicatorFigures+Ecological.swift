import PipelineCore
import Publication

extension IndicatorFigures {
    /// For an indicator with no deprivation split (docs/DATA.md, "ICS-level sources"): each ICS's value
    /// against its average IMD score (or its Core20 share), labelled as the between-systems view it is.
    package func ecological() -> String {
        let name = indicator.name, unit = indicator.unit
        let current = indicator.current
        let england = indicator.england(indicator.latest)?["value"]?.number
        let scored = !current.isEmpty && current.allSatisfy { $0["imd_average_score"]?.number != nil }
        let measure: EcologicalChart.Measure = scored ? .averageScore(vintage: current.first?["imd_vintage"]?.text ?? "") : .core20Share
        var points: [(deprivation: Double, point: ChartPoint)] = []
        var table =
            "<table><caption>\(HTML.escape(name)) by ICS, with its deprivation (ecological view)</caption><thead><tr><th scope=\"col\">ICS</th><th scope=\"col\">Average IMD score</th><th scope=\"col\">Population in the most deprived 20% of areas</th><th scope=\"col\">Value (\(HTML.escape(unit)), 95% CI)</th></tr></thead><tbody>"
        for row in current {
            let icsName = row["ics_name"]?.text ?? ""
            let score = row["imd_average_score"]?.number, core20 = row["core20_share"]?.number
            let shown = Self.point(row, label: icsName)
            table +=
                "<tr><th scope=\"row\">\(HTML.escape(icsName))</th><td>\(score.map { FigureText.figure($0, decimals: 1) } ?? "not available")</td><td>\(core20.map { FigureText.figure($0 * 100, decimals: 1) + "%" } ?? "not available")</td><td>\(shown.map { Self.estimate($0) } ?? HTML.escape(text.display(row["value"] ?? .empty)))</td></tr>"
            if let x = scored ? score : core20, let shown { points.append((x, shown)) }
        }
        table += "</tbody></table>"
        let chart = EcologicalChart(id: "\(indicator.id)-ecological", title: name, unit: unit, england: england, points: points, measure: measure)
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "Ecological view of \(name): each ICS's value against \(measure.sentence). It compares systems with one another; it says nothing about inequality between people within a system.",
            table: table, kind: "ecological")
    }
}

import PipelineCore
import Publication

extension IndicatorFigures {
    /// For an indicator with no deprivation split (docs/DATA.md, "ICS-level sources"): each ICS's value
    /// against its average IMD score (or its Core20 share), labelled as the between-systems view it is.
    func ecological() -> String {
        let name = indicator.name, unit = indicator.unit
        let current = indicator.current
        let england = indicator.england(indicator.latest)?.row[.value].number
        let scored = !current.isEmpty && current.allSatisfy { $0.row[.imdAverageScore].number != nil }
        let measure: EcologicalChart.Measure =
            scored ? .averageScore(vintage: current.first?.row[provenance: .imdVintage].text ?? "") : .core20Share
        var points: [(deprivation: Double, point: ChartPoint)] = []
        var table = DataTable(
            caption: "\(name) by ICS, with its deprivation (ecological view)",
            columns: ["ICS", "Average IMD score", "Population in the most deprived 20% of areas", "Value (\(HTML.escape(unit)), 95% CI)"])
        for ics in current {
            let score = ics.row[.imdAverageScore].number, core20 = ics.row[.core20Share].number
            let shown = Self.point(ics.row, label: ics.name)
            table.add(
                HTML.escape(ics.name),
                [
                    score.map { FigureText.figure($0, decimals: 1) } ?? "not available",
                    core20.map { FigureText.figure($0 * 100, decimals: 1) + "%" } ?? "not available",
                    shown.map { Self.estimate($0) } ?? HTML.escape(text.display(ics.row[.value])),
                ])
            if let x = scored ? score : core20, let shown { points.append((x, shown)) }
        }
        let chart = EcologicalChart(id: "\(indicator.id)-ecological", title: name, unit: unit, england: england, points: points, measure: measure)
        return HTMLPage.figure(
            chart.svg(),
            caption:
                "Ecological view of \(name): each ICS's value against \(measure.sentence). It compares systems with one another; it says nothing about inequality between people within a system.",
            table: table.html, kind: "ecological", source: indicator.source)
    }
}

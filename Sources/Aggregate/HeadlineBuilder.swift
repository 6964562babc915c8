import Foundation
import PipelineCore

/// Builds the headline facts for one indicator's latest period.
struct HeadlineBuilder {
    let values: IndicatorValues
    let topN: Int

    func facts(_ definition: IndicatorDefinition, period: String, baseline: String?, gap: GapCalculator.Result,
               englandSII: InequalityCalculator.Result?) -> [HeadlineFact] {
        var facts: [HeadlineFact] = []
        let id = definition.id
        let title = definition.title
        let key = "\(id)|\(period)|england|E92000001"
        func unit(_ value: Double) -> String { HeadlineFact.withUnit(value, unit: definition.unit) }

        if let q1 = gap.q1, let q5 = gap.q5, let ratio = gap.ratio {
            let text = definition.isProportion
                ? "\(title): \(unit(q1)) in the most deprived fifth of areas against \(unit(q5)) in the least deprived fifth (\(period))."
                : "People in the most deprived fifth of areas were \(HeadlineFact.figure(ratio)) times as likely as those in the least deprived fifth to have \(title.lowercased()) (\(unit(q1)) against \(unit(q5)), \(period))."
            facts.append(HeadlineFact(indicator: id, period: period, statementType: "ratio_most_vs_least", rank: 1, value: ratio,
                                      lower: nil, upper: nil, text: text, sourceTable: "quintile_gap", sourceKey: key))
        }
        if let sii = englandSII, let rii = sii.rii {
            let text = "England's relative index of inequality for \(title.lowercased()) was \(HeadlineFact.figure(rii, decimals: 2))"
                + (sii.riiLower.map { " (95% CI \(HeadlineFact.figure($0, decimals: 2)) to \(HeadlineFact.figure(sii.riiUpper ?? $0, decimals: 2)))" } ?? "")
                + "; above 1 means the most deprived areas are disadvantaged (\(period))."
            facts.append(HeadlineFact(indicator: id, period: period, statementType: "relative_index", rank: 1, value: rii,
                                      lower: sii.riiLower, upper: sii.riiUpper, text: text, sourceTable: "inequality_index",
                                      sourceKey: key + "|imd_decile"))
        }

        var icbs: [(geo: (level: String, code: String, name: String), row: IndicatorValue, value: Double)] = []
        for geo in values.geographies where geo.level == "icb" {
            if let row = values.value(id, period, "icb", geo.code), let value = row.value { icbs.append((geo, row, value)) }
        }
        icbs.sort { $0.value != $1.value ? $0.value > $1.value : $0.geo.code < $1.geo.code }
        for (label, ordered) in [("highest", Array(icbs.prefix(topN))), ("lowest", Array(icbs.reversed().prefix(topN)))] {
            for (rank, item) in ordered.enumerated() {
                let geo = item.geo, row = item.row, value = item.value
                facts.append(HeadlineFact(
                    indicator: id, period: period, statementType: "top_n_ics_\(label)", rank: rank + 1, value: value,
                    lower: row.lower95, upper: row.upper95,
                    text: HeadlineText.ranked(label, rank: rank + 1, name: geo.name, value: value, lower: row.lower95, upper: row.upper95,
                                              unit: definition.unit),
                    sourceTable: "indicator_value", sourceKey: "\(id)|\(period)|icb|\(geo.code)|all"))
            }
        }
        for level in ["icb", "region"] {
            let items = values.geographies.filter { $0.level == level }
                .compactMap { geo in values.value(id, period, level, geo.code)?.value.map { (geo, $0) } }
            guard let low = items.min(by: { $0.1 < $1.1 }), let high = items.max(by: { $0.1 < $1.1 }) else { continue }
            let noun = level == "icb" ? "the \(items.count) ICSs" : "the \(items.count) NHS regions"
            facts.append(HeadlineFact(
                indicator: id, period: period, statementType: level == "icb" ? "range_ics" : "range_regions", rank: 1,
                value: high.1 - low.1, lower: low.1, upper: high.1,
                text: HeadlineText.range(across: noun, title: title, low: (low.0.name, low.1), high: (high.0.name, high.1),
                                         unit: definition.unit, period: period),
                sourceTable: "indicator_value", sourceKey: "\(id)|\(period)|\(level)|*|all"))
        }
        if let baseline, baseline != period, let latest = values.value(id, period, "england", "E92000001"),
           let base = values.value(id, baseline, "england", "E92000001"), let v1 = latest.value, let v0 = base.value {
            let trend = TrendCalculator().change(latest: latest, baseline: base, polarity: definition.polarity)
            let interval = trend.change.map { " (95% CI \(HeadlineFact.figure($0.lower)) to \(HeadlineFact.figure($0.upper)))" } ?? ""
            let direction = trend.direction.replacingOccurrences(of: "_", with: " ")
            facts.append(HeadlineFact(
                indicator: id, period: period, statementType: "change_since_baseline", rank: 1, value: v1 - v0,
                lower: trend.change?.lower, upper: trend.change?.upper,
                text: "In England, \(title.lowercased()) went from \(unit(v0)) in \(baseline) to \(unit(v1)) in \(period), a change of \(HeadlineFact.figure(v1 - v0))\(interval): \(direction).",
                sourceTable: "trend", sourceKey: "\(id)|\(period)|england|E92000001|all"))
        }
        return facts
    }
}

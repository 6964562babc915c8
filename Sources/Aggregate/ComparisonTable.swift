import Checkpoints
import PipelineCore
import Statistics

/// `england_comparison`: each ICS, overall and by quintile, against England's value for the same group.
struct ComparisonTable {
    let values: IndicatorValues
    let writer: AggregateWriter
    let settings: AggregateSettings

    /// Everyone, then quintiles 1–5: the slices compared with England.
    static let slices: [(BreakdownType, Int)] = [(.all, 0)] + (1...5).map { (.imdQuintile, $0) }

    func write(_ definition: IndicatorDefinition) throws {
        let comparator = EnglandComparator()
        for period in values.written(definition.indicator) {
            for (type, index) in Self.slices {
                guard let england = values.value(definition.indicator, period, IndicatorValues.england, type, index) else { continue }
                let rows = values.geographies.filter { $0.level == .icb }.compactMap { values.value(definition.indicator, period, $0, type, index) }
                let tau2 = overdispersion(definition, rows: rows, england: england)
                for row in rows {
                    try writer.comparison(
                        row, england: england, result: comparator.compare(row, england: england, definition: definition, tau2: tau2 ?? 0), tau2: tau2)
                }
            }
        }
    }

    /// τ² across the ICSs of one slice when the adjustment is configured (docs/METHODS.md §10), else nil.
    private func overdispersion(_ definition: IndicatorDefinition, rows: [IndicatorValue], england: IndicatorValue) -> Double? {
        switch settings.funnelOverdispersion {
        case .none:
            return nil
        case .spiegelhalter:
            let construction = definition.method.funnel
            guard let englandNumerator = england.numerator, let englandDenominator = england.denominator,
                let target = FunnelLimits.target(
                    construction, england: (englandNumerator, englandDenominator, england.value), multiplier: definition.multiplier)
            else { return nil }
            let areas = rows.compactMap { row -> (value: Double, denominator: Double)? in
                guard let value = row.value, let numerator = row.numerator, let denominator = row.denominator,
                    let x = FunnelLimits.funnelDenominator(
                        construction, numerator: numerator, denominator: denominator, value: value, multiplier: definition.multiplier)
                else { return nil }
                return (value, x)
            }
            return Overdispersion.estimate(
                construction, englandValue: target, multiplier: definition.multiplier, areas: areas, winsorise: settings.funnelWinsorisation)?.tau2
        }
    }
}

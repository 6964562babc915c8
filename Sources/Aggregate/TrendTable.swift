import Checkpoints
import PipelineCore
import Statistics

/// `trend`: every period after the baseline against it, for every geography overall, by quintile and, for an
/// indicator by ethnic group, by broad ethnic group and not stated (docs/METHODS.md, "Groups against a
/// reference group") — the change with its interval, the SII's change (overall rows) and Fingertips'
/// recent-trend marker.
struct TrendTable {
    let values: IndicatorValues
    let writer: AggregateWriter

    func write(_ definition: IndicatorDefinition, baseline: String, inequality: [InequalityKey: InequalityCalculator.Result]) throws {
        let periods = values.periods[definition.indicator] ?? []
        let calculator = TrendCalculator()
        let byGroup = definition.breakdowns.contains(.ethnicGroup) ? BreakdownType.ethnicGroup.groups.map { (BreakdownType.ethnicGroup, $0.index) } : []
        let slices = ComparisonTable.slices + byGroup
        let trended = values.trended(definition.indicator)
        for (periodIndex, period) in periods.enumerated() where period != baseline && trended.contains(period) {
            for geography in values.geographies {
                for (type, index) in slices {
                    let row = values.value(definition.indicator, period, geography, type, index)
                    let base = values.value(definition.indicator, baseline, geography, type, index)
                    // A slice the indicator has in neither period (quintiles of a source with no deprivation split)
                    // has no change to state: no row, rather than one of empty cells.
                    guard row != nil || base != nil else { continue }
                    var sii: (baseline: Double?, latest: Double?) = (nil, nil)
                    var siiChange: ChangeInterval?
                    if type == .all {
                        let now = inequality[InequalityKey(definition.indicator, period, geography, .imdQuintile)]
                        let then = inequality[InequalityKey(definition.indicator, baseline, geography, .imdQuintile)]
                        sii = (then?.sii, now?.sii)
                        if let latest = now?.siiWithLimits, let earlier = then?.siiWithLimits {
                            siiChange = ChangeInterval.difference(latest: latest, baseline: earlier)
                        }
                    }
                    // The points before the last five are not read (``RecentTrend``), nor loaded (``AggregatePlan``).
                    let series = periods.prefix(periodIndex + 1).enumerated().suffix(RecentTrend.points).map { offset, label in
                        let point = values.value(definition.indicator, label, geography, type, index)
                        return (time: Double(offset), value: point?.value, lower: point?.lower95, upper: point?.upper95)
                    }
                    let key = IndicatorValues.Key(
                        indicator: definition.indicator, period: period, level: geography.level, code: geography.code,
                        type: type, index: index)
                    try writer.trend(
                        key, baseline: baseline, baselineValue: base?.value, value: row?.value,
                        change: calculator.change(latest: row, baseline: base, polarity: definition.polarity),
                        sii: sii, siiChange: siiChange, recent: RecentTrend.marker(series))
                }
            }
        }
    }
}

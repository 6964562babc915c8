import Checkpoints
import PipelineCore
import Statistics

/// `reference_group_gap`: each ethnic group and category against the White group, for England, each region
/// and each ICS — the gap, the ratio and whether their 83.4% intervals overlap, as the quintile gap is
/// tested (docs/METHODS.md, "Groups against a reference group"). Not stated and the White group itself are
/// compared with nothing.
struct ReferenceGroupGapTable {
    let values: IndicatorValues
    let writer: AggregateWriter

    /// The group every ethnic group is compared with, by its index in ``BreakdownType/ethnicGroup``.
    static let referenceIndex = BreakdownType.ethnicGroup.referenceGroup!

    func write(_ definition: IndicatorDefinition) throws {
        for period in values.written(definition.indicator) {
            for geography in values.geographies {
                guard let reference = values.value(definition.indicator, period, geography, .ethnicGroup, Self.referenceIndex) else { continue }
                for type in [BreakdownType.ethnicGroup, .ethnicCategory] {
                    for group in type.groups where type.isCompared(group.index) && !(type == .ethnicGroup && group.index == Self.referenceIndex) {
                        guard let row = values.value(definition.indicator, period, geography, type, group.index) else { continue }
                        try writer.referenceGap(Self.gap(definition, row, reference: reference))
                    }
                }
            }
        }
    }

    static func gap(_ definition: IndicatorDefinition, _ row: IndicatorValue, reference: IndicatorValue) -> ReferenceGroupGap {
        let limits = row.limits(definition, confidence: GapCalculator.confidence)
        let referenceLimits = reference.limits(definition, confidence: GapCalculator.confidence)
        var comparison = ComparisonOutcome.notCompared
        if let limits, let referenceLimits {
            let side: IntervalSide =
                limits.lower > referenceLimits.upper ? .higher : limits.upper < referenceLimits.lower ? .lower : .similar
            comparison = definition.polarity.judge(side)
        }
        return ReferenceGroupGap(
            indicator: row.indicator, period: row.period, level: row.level, code: row.code, breakdown: row.breakdown,
            breakdownIndex: row.breakdownIndex, referenceIndex: referenceIndex, value: row.value, referenceValue: reference.value,
            absoluteGap: row.value.flatMap { value in reference.value.map { value - $0 } },
            ratio: row.value.flatMap { value in reference.value.flatMap { $0 != 0 ? value / $0 : nil } }, lower834: limits?.lower,
            upper834: limits?.upper, referenceLower834: referenceLimits?.lower, referenceUpper834: referenceLimits?.upper, comparison: comparison)
    }
}

import Checkpoints
import PipelineCore
import Statistics

/// Selects England's headline facts for an indicator's latest period: the most/least deprived ratio, the
/// relative index of inequality, the change since the baseline and the change in its SII. England's figures
/// are not disclosure-controlled, so they are chosen here; statements that rank ICSs and regions are facts
/// about published values, chosen by the report stage after disclosure control (docs/ARCHITECTURE.md,
/// "Headlines").
struct HeadlineFacts {
    let values: IndicatorValues

    func facts(
        _ definition: IndicatorDefinition, period: String, baseline: String?,
        inequality: [InequalityKey: InequalityCalculator.Result]
    ) -> [HeadlineFact] {
        let id = definition.indicator
        let england = IndicatorValues.england
        let key = "\(id)|\(period)|\(england.level.rawValue)|\(england.code)"
        var facts: [HeadlineFact] = []
        let gap = GapCalculator().compute(definition, quintiles: values.quantiles(id, period, england, type: .imdQuintile))
        if gap.q1 != nil, gap.q5 != nil, let ratio = gap.ratio {
            facts.append(
                HeadlineFact(
                    indicator: id, period: period, kind: .ratioMostVsLeast, rank: 1, value: ratio, lower: nil, upper: nil,
                    sourceTable: QuintileGap.databaseTableName, sourceKey: key))
        }
        // An SII flagged unstable is published with its reason, never headlined (docs/TABLES.md, `headline_fact`).
        if let sii = inequality[InequalityKey(id, period, england, .imdDecile)], sii.unstableReason == nil, let rii = sii.rii {
            facts.append(
                HeadlineFact(
                    indicator: id, period: period, kind: .relativeIndex, rank: 1, value: rii, lower: sii.riiLower,
                    upper: sii.riiUpper, sourceTable: InequalityIndex.databaseTableName, sourceKey: key + "|imd_decile"))
        }
        // Whether England's gap widened since the baseline: said only when its SII is stable in both periods.
        if let baseline, baseline != period, let now = inequality[InequalityKey(id, period, england, .imdQuintile)],
            let then = inequality[InequalityKey(id, baseline, england, .imdQuintile)], now.unstableReason == nil, then.unstableReason == nil,
            let latest = now.siiWithLimits, let earlier = then.siiWithLimits
        {
            let change = ChangeInterval.difference(latest: latest, baseline: earlier)
            facts.append(
                HeadlineFact(
                    indicator: id, period: period, kind: .siiChangeEngland, rank: 1, value: change.change, lower: change.lower,
                    upper: change.upper, sourceTable: TrendAgainstBaseline.databaseTableName, sourceKey: key + "|all"))
        }
        if let baseline, baseline != period, let latest = values.value(id, period, england), let base = values.value(id, baseline, england),
            let v1 = latest.value, let v0 = base.value
        {
            let trend = TrendCalculator().change(latest: latest, baseline: base, polarity: definition.polarity)
            facts.append(
                HeadlineFact(
                    indicator: id, period: period, kind: .changeSinceBaseline, rank: 1, value: v1 - v0,
                    lower: trend.change?.lower, upper: trend.change?.upper, sourceTable: TrendAgainstBaseline.databaseTableName, sourceKey: key + "|all"))
        }
        facts += ethnicFacts(definition, period: period)
        return facts
    }

    /// England's broad ethnic groups against the White group (docs/METHODS.md, "Groups against a reference
    /// group"): how many fare worse, similar and better (`value`: the number worse, or lower without a
    /// polarity), and, of those worse, the one furthest from it (`value`: its gap).
    func ethnicFacts(_ definition: IndicatorDefinition, period: String) -> [HeadlineFact] {
        let id = definition.indicator, england = IndicatorValues.england, type = BreakdownType.ethnicGroup
        let key = "\(id)|\(period)|\(england.level.rawValue)|\(england.code)|\(type.rawValue)"
        guard let reference = values.value(id, period, england, type, ReferenceGroupGapTable.referenceIndex), reference.value != nil else { return [] }
        let gaps = type.groups.filter { type.isCompared($0.index) && $0.index != ReferenceGroupGapTable.referenceIndex }.compactMap { group in
            values.value(id, period, england, type, group.index).map { ReferenceGroupGapTable.gap(definition, $0, reference: reference) }
        }
        let compared = gaps.filter { $0.comparison != .notCompared }
        guard !compared.isEmpty else { return [] }
        let disadvantaged: Set<ComparisonOutcome> = definition.polarity == .none ? [.lower] : [.worse]
        var facts = [
            HeadlineFact(
                indicator: id, period: period, kind: .ethnicGroupsVsReference, rank: 1,
                value: Double(compared.filter { disadvantaged.contains($0.comparison) }.count), lower: nil, upper: nil,
                sourceTable: ReferenceGroupGap.databaseTableName, sourceKey: key)
        ]
        // The side of disadvantage: below the White group for a higher-is-better indicator, above it for a
        // lower-is-better one, and the larger distance either way without a polarity.
        func distance(_ gap: Double) -> Double {
            switch definition.polarity {
            case .higherIsBetter: -gap
            case .lowerIsBetter: gap
            case .none: abs(gap)
            }
        }
        // Among the groups significantly disadvantaged against it (the statement names a difference chance does
        // not explain).
        if let widest = compared.filter({ disadvantaged.contains($0.comparison) && $0.absoluteGap != nil })
            .max(by: { (distance($0.absoluteGap!), $1.breakdownIndex) < (distance($1.absoluteGap!), $0.breakdownIndex) })
        {
            facts.append(
                HeadlineFact(
                    indicator: id, period: period, kind: .ethnicGapWidest, rank: 1, value: widest.absoluteGap, lower: nil, upper: nil,
                    sourceTable: ReferenceGroupGap.databaseTableName, sourceKey: "\(key)|\(widest.breakdownIndex)"))
        }
        return facts
    }
}

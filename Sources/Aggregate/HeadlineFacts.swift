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
        return facts
    }
}

import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// Prepared inserts for the aggregate tables, one record type each (docs/ARCHITECTURE.md, "Checkpoint
/// contracts").
final class AggregateWriter {
    private let inequalityInsert: RecordInserter<InequalityIndex>
    private let gapInsert: RecordInserter<QuintileGap>
    private let comparisonInsert: RecordInserter<EnglandComparison>
    private let trendInsert: RecordInserter<TrendAgainstBaseline>
    private let headlineInsert: RecordInserter<HeadlineFact>
    private let placeInsert: RecordInserter<PlaceComparison>
    private let referenceGapInsert: RecordInserter<ReferenceGroupGap>

    init(_ db: Database) throws {
        inequalityInsert = try RecordInserter(db)
        gapInsert = try RecordInserter(db)
        comparisonInsert = try RecordInserter(db)
        trendInsert = try RecordInserter(db)
        headlineInsert = try RecordInserter(db)
        placeInsert = try RecordInserter(db)
        referenceGapInsert = try RecordInserter(db)
    }

    var counts: [String: Int] {
        [
            InequalityIndex.databaseTableName: inequalityInsert.rowsInserted, QuintileGap.databaseTableName: gapInsert.rowsInserted,
            EnglandComparison.databaseTableName: comparisonInsert.rowsInserted, TrendAgainstBaseline.databaseTableName: trendInsert.rowsInserted,
            HeadlineFact.databaseTableName: headlineInsert.rowsInserted, PlaceComparison.databaseTableName: placeInsert.rowsInserted,
            ReferenceGroupGap.databaseTableName: referenceGapInsert.rowsInserted,
        ]
    }

    func inequality(
        _ key: InequalityKey, _ r: InequalityCalculator.Result, positions: AggregateSettings.Positions, scale: InequalityScale,
        versusEngland: IntervalSide?
    ) throws {
        try inequalityInsert.insert(
            InequalityIndex(
                indicator: key.indicator, period: key.period, level: key.level, code: key.code, quantileType: key.type, quantiles: r.quantiles,
                positionBasis: positions, scale: scale, sii: r.sii, siiLower: r.siiLower, siiUpper: r.siiUpper, rii: r.rii, riiLower: r.riiLower,
                riiUpper: r.riiUpper, intervalMethod: r.closedForm.map { $0 ? .closedForm : .simulation }, versusEngland: versusEngland,
                unstable: r.unstableReason != nil,
                unstableReason: r.unstableReason))
    }

    func gap(_ indicator: String, _ period: String, _ geography: IndicatorValues.Geography, _ g: GapCalculator.Result) throws {
        try gapInsert.insert(
            QuintileGap(
                indicator: indicator, period: period, level: geography.level, code: geography.code, q1: g.q1, q5: g.q5, absoluteGap: g.absoluteGap,
                ratio: g.ratio, q1Lower834: g.q1Limits?.lower, q1Upper834: g.q1Limits?.upper, q5Lower834: g.q5Limits?.lower,
                q5Upper834: g.q5Limits?.upper, significant834: g.significant, excessEvents: g.excessEvents))
    }

    func comparison(_ row: IndicatorValue, england: IndicatorValue, result c: EnglandComparator.Result, tau2: Double?) throws {
        try comparisonInsert.insert(
            EnglandComparison(
                indicator: row.indicator, period: row.period, icbCode: row.code, breakdown: row.breakdown, breakdownIndex: row.breakdownIndex,
                value: row.value, englandValue: england.value, compare95: c.compare95, compare998: c.compare998, comparison: c.comparison,
                funnelBand: c.funnel.band, funnelLower95: c.funnel.limits95?.lower, funnelUpper95: c.funnel.limits95?.upper,
                funnelLower998: c.funnel.limits998?.lower, funnelUpper998: c.funnel.limits998?.upper, funnelTau2: tau2))
    }

    /// A place against its ICS (`ics` is the benchmark the comparator was given).
    func placeComparison(_ row: IndicatorValue, icbCode: String, ics: IndicatorValue, result c: EnglandComparator.Result) throws {
        try placeInsert.insert(
            PlaceComparison(
                indicator: row.indicator, period: row.period, icbCode: icbCode, placeCode: row.code, value: row.value, icsValue: ics.value,
                compare95: c.compare95, compare998: c.compare998, comparison: c.comparison, funnelBand: c.funnel.band,
                funnelLower95: c.funnel.limits95?.lower, funnelUpper95: c.funnel.limits95?.upper, funnelLower998: c.funnel.limits998?.lower,
                funnelUpper998: c.funnel.limits998?.upper))
    }

    func trend(
        _ key: IndicatorValues.Key, baseline: String, baselineValue: Double?, value: Double?, change: TrendCalculator.Result,
        sii: (baseline: Double?, latest: Double?), siiChange: ChangeInterval?, recent: RecentTrend.Marker
    ) throws {
        try trendInsert.insert(
            TrendAgainstBaseline(
                indicator: key.indicator, period: key.period, baselinePeriod: baseline, level: key.level, code: key.code, breakdown: key.type,
                breakdownIndex: key.index, baselineValue: baselineValue, value: value, absoluteChange: change.change?.change,
                relativeChange: change.relativeChange, changeLower: change.change?.lower, changeUpper: change.change?.upper,
                direction: change.direction, siiBaseline: sii.baseline, siiLatest: sii.latest, siiChange: siiChange?.change,
                siiChangeLower: siiChange?.lower, siiChangeUpper: siiChange?.upper, gapDirection: siiChange.map(GapDirection.init),
                recentTrend: recent))
    }

    func referenceGap(_ gap: ReferenceGroupGap) throws {
        try referenceGapInsert.insert(gap)
    }

    func headline(_ fact: HeadlineFact) throws {
        try headlineInsert.insert(fact)
    }
}

@available(*, unavailable)
extension AggregateWriter: Sendable {}

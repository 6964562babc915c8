import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// Prepared inserts for the aggregate tables.
final class AggregateWriter {
    private let inequalityInsert: BulkInserter
    private let gapInsert: BulkInserter
    private let comparisonInsert: BulkInserter
    private let trendInsert: BulkInserter
    private let headlineInsert: BulkInserter
    private let placeInsert: BulkInserter

    init(_ db: Database) throws {
        inequalityInsert = try BulkInserter(
            db, table: "inequality_index",
            columns: [
                "indicator_id", "period", "geography_level", "geography_code", "quantile_type", "n_quantiles", "position_basis", "scale",
                "sii", "sii_lcl95", "sii_ucl95", "rii", "rii_lcl95", "rii_ucl95", "ci_method", "sii_vs_england", "unstable", "unstable_reason",
            ])
        gapInsert = try BulkInserter(
            db, table: "quintile_gap",
            columns: [
                "indicator_id", "period", "geography_level", "geography_code", "q1_value", "q5_value", "abs_gap", "ratio",
                "q1_lcl834", "q1_ucl834", "q5_lcl834", "q5_ucl834", "gap_significant_834", "excess_events",
            ])
        comparisonInsert = try BulkInserter(
            db, table: "england_comparison",
            columns: [
                "indicator_id", "period", "icb_code", "breakdown_type", "breakdown_index", "value", "england_value", "compare_95",
                "compare_998", "comparison", "funnel_band", "funnel_lcl95", "funnel_ucl95", "funnel_lcl998", "funnel_ucl998", "funnel_tau2",
            ])
        trendInsert = try BulkInserter(
            db, table: "trend",
            columns: [
                "indicator_id", "period", "baseline_period", "geography_level", "geography_code", "breakdown_type", "breakdown_index",
                "baseline_value", "value", "abs_change", "rel_change", "change_lcl95", "change_ucl95", "direction", "sii_baseline",
                "sii_latest", "sii_change", "sii_change_lcl95", "sii_change_ucl95", "gap_direction", "recent_trend",
            ])
        placeInsert = try BulkInserter(
            db, table: "place_comparison",
            columns: [
                "indicator_id", "period", "icb_code", "place_code", "value", "ics_value", "compare_95", "compare_998", "comparison",
                "funnel_band", "funnel_lcl95", "funnel_ucl95", "funnel_lcl998", "funnel_ucl998",
            ])
        headlineInsert = try BulkInserter(
            db, table: "headline_fact",
            columns: [
                "indicator_id", "period", "statement_type", "rank", "value", "lcl95", "ucl95", "source_table", "source_key",
            ])
    }

    var counts: [String: Int] {
        Dictionary(
            uniqueKeysWithValues: [inequalityInsert, gapInsert, comparisonInsert, trendInsert, headlineInsert, placeInsert].map { ($0.table, $0.rowsInserted) })
    }

    private func n(_ value: Double?) -> BulkInserter.Value { value.map { .double($0) } ?? .null }
    private func t<Word: RawRepresentable>(_ value: Word?) -> BulkInserter.Value where Word.RawValue == String {
        value.map { .text($0.rawValue) } ?? .null
    }

    func inequality(_ key: InequalityKey, _ r: InequalityCalculator.Result, positions: String, scale: String, versusEngland: IntervalSide?) throws {
        try inequalityInsert.insert(
            .text(key.indicator), .text(key.period), .text(key.level.rawValue), .text(key.code), .text(key.type.rawValue),
            .int(Int64(r.quantiles)), .text(positions), .text(scale), n(r.sii), n(r.siiLower), n(r.siiUpper),
            n(r.rii), n(r.riiLower), n(r.riiUpper), r.ciMethod.map { .text($0) } ?? .null, t(versusEngland),
            .int(r.unstableReason == nil ? 0 : 1), r.unstableReason.map { .text($0) } ?? .null)
    }

    func gap(_ indicator: String, _ period: String, _ geography: IndicatorValues.Geography, _ g: GapCalculator.Result) throws {
        try gapInsert.insert(
            .text(indicator), .text(period), .text(geography.level.rawValue), .text(geography.code), n(g.q1), n(g.q5),
            n(g.absoluteGap), n(g.ratio), n(g.q1Limits?.lower), n(g.q1Limits?.upper), n(g.q5Limits?.lower),
            n(g.q5Limits?.upper), g.significant.map { .int($0 ? 1 : 0) } ?? .null, n(g.excessEvents))
    }

    func comparison(_ row: IndicatorValue, england: IndicatorValue, result c: EnglandComparator.Result, tau2: Double?) throws {
        let key = row.key
        try comparisonInsert.insert(
            .text(key.indicator), .text(key.period), .text(key.code), .text(key.type.rawValue), .int(Int64(key.index)),
            n(row.value), n(england.value), .text(c.compare95.rawValue), .text(c.compare998.rawValue),
            .text(c.comparison.rawValue), .text(c.funnel.band.rawValue), n(c.funnel.limits95?.lower),
            n(c.funnel.limits95?.upper), n(c.funnel.limits998?.lower), n(c.funnel.limits998?.upper), n(tau2))
    }

    /// A place against its ICS (`ics` is the benchmark the comparator was given).
    func placeComparison(_ row: IndicatorValue, icbCode: String, ics: IndicatorValue, result c: EnglandComparator.Result) throws {
        let key = row.key
        try placeInsert.insert(
            .text(key.indicator), .text(key.period), .text(icbCode), .text(key.code), n(row.value), n(ics.value),
            .text(c.compare95.rawValue), .text(c.compare998.rawValue), .text(c.comparison.rawValue), .text(c.funnel.band.rawValue),
            n(c.funnel.limits95?.lower), n(c.funnel.limits95?.upper), n(c.funnel.limits998?.lower), n(c.funnel.limits998?.upper))
    }

    func trend(
        _ key: IndicatorValues.Key, baseline: String, baselineValue: Double?, value: Double?, change: TrendCalculator.Result,
        sii: (baseline: Double?, latest: Double?), siiChange: ChangeInterval?, recent: RecentTrend.Marker
    ) throws {
        try trendInsert.insert(
            .text(key.indicator), .text(key.period), .text(baseline), .text(key.level.rawValue), .text(key.code),
            .text(key.type.rawValue), .int(Int64(key.index)), n(baselineValue), n(value), n(change.change?.change),
            n(change.relativeChange), n(change.change?.lower), n(change.change?.upper), .text(change.direction.rawValue),
            n(sii.baseline), n(sii.latest), n(siiChange?.change), n(siiChange?.lower), n(siiChange?.upper),
            t(siiChange.map(GapDirection.init)), .text(recent.rawValue))
    }

    func headline(_ f: HeadlineFact) throws {
        try headlineInsert.insert(
            .text(f.indicator), .text(f.period), .text(f.kind.rawValue), .int(Int64(f.rank)), n(f.value), n(f.lower),
            n(f.upper), .text(f.sourceTable), .text(f.sourceKey))
    }
}

@available(*, unavailable)
extension AggregateWriter: Sendable {}

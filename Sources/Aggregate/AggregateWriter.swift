import GRDB
import PipelineCore

/// Prepared inserts for the aggregate tables.
final class AggregateWriter {
    private let inequalityInsert: BulkInserter
    private let gapInsert: BulkInserter
    private let comparisonInsert: BulkInserter
    private let trendInsert: BulkInserter
    private let headlineInsert: BulkInserter

    init(_ db: Database) throws {
        inequalityInsert = try BulkInserter(db, table: "inequality_index", columns: [
            "indicator_id", "period", "geography_level", "geography_code", "quantile_type", "n_quantiles", "position_basis", "scale",
            "sii", "sii_lcl95", "sii_ucl95", "rii", "rii_lcl95", "rii_ucl95", "ci_method", "sii_vs_england", "unstable", "unstable_reason"])
        gapInsert = try BulkInserter(db, table: "quintile_gap", columns: [
            "indicator_id", "period", "geography_level", "geography_code", "q1_value", "q5_value", "abs_gap", "ratio",
            "q1_lcl834", "q1_ucl834", "q5_lcl834", "q5_ucl834", "gap_significant_834", "excess_events"])
        comparisonInsert = try BulkInserter(db, table: "england_comparison", columns: [
            "indicator_id", "period", "icb_code", "breakdown_type", "breakdown_index", "value", "england_value", "compare_95",
            "compare_998", "comparison", "funnel_band", "funnel_lcl95", "funnel_ucl95", "funnel_lcl998", "funnel_ucl998"])
        trendInsert = try BulkInserter(db, table: "trend", columns: [
            "indicator_id", "period", "baseline_period", "geography_level", "geography_code", "breakdown_type", "breakdown_index",
            "baseline_value", "value", "abs_change", "rel_change", "change_lcl95", "change_ucl95", "direction", "sii_baseline",
            "sii_latest", "sii_change", "sii_change_lcl95", "sii_change_ucl95", "gap_direction", "recent_trend"])
        headlineInsert = try BulkInserter(db, table: "headline_fact", columns: [
            "indicator_id", "period", "statement_type", "rank", "value", "lcl95", "ucl95", "text", "source_table", "source_key"])
    }

    var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: [inequalityInsert, gapInsert, comparisonInsert, trendInsert, headlineInsert].map { ($0.table, $0.rowsInserted) })
    }

    private func n(_ value: Double?) -> BulkInserter.Value { value.map { .double($0) } ?? .null }
    private func t(_ value: String?) -> BulkInserter.Value { value.map { .text($0) } ?? .null }

    func inequality(_ indicator: String, _ period: String, _ level: String, _ code: String, _ type: String,
                    _ r: InequalityCalculator.Result, positions: String, scale: String, versusEngland: String?) throws {
        try inequalityInsert.insert(.text(indicator), .text(period), .text(level), .text(code), .text(type), .int(Int64(r.quantiles)),
                                    .text(positions), .text(scale), n(r.sii), n(r.siiLower), n(r.siiUpper), n(r.rii), n(r.riiLower),
                                    n(r.riiUpper), t(r.ciMethod), t(versusEngland), .int(r.unstableReason == nil ? 0 : 1), t(r.unstableReason))
    }

    func gap(_ indicator: String, _ period: String, _ level: String, _ code: String, _ g: GapCalculator.Result) throws {
        try gapInsert.insert(.text(indicator), .text(period), .text(level), .text(code), n(g.q1), n(g.q5), n(g.absoluteGap), n(g.ratio),
                             n(g.q1Limits?.lower), n(g.q1Limits?.upper), n(g.q5Limits?.lower), n(g.q5Limits?.upper),
                             g.significant.map { .int($0 ? 1 : 0) } ?? .null, n(g.excessEvents))
    }

    func comparison(_ indicator: String, _ period: String, _ icb: String, _ type: String, _ index: Int, row: IndicatorValue,
                    england: IndicatorValue, result c: EnglandComparator.Result) throws {
        try comparisonInsert.insert(.text(indicator), .text(period), .text(icb), .text(type), .int(Int64(index)), n(row.value),
                                    n(england.value), .text(c.compare95), .text(c.compare998), .text(c.comparison), .text(c.funnelBand),
                                    n(c.funnel95?.0), n(c.funnel95?.1), n(c.funnel998?.0), n(c.funnel998?.1))
    }

    func trend(_ indicator: String, _ period: String, _ baseline: String, _ level: String, _ code: String, _ type: String, _ index: Int,
               baselineValue: Double?, value: Double?, change: TrendCalculator.Result, siiPair: (Double?, Double?),
               siiChange: (change: Double, lower: Double, upper: Double)?, recent: String) throws {
        try trendInsert.insert(.text(indicator), .text(period), .text(baseline), .text(level), .text(code), .text(type), .int(Int64(index)),
                               n(baselineValue), n(value), n(change.change?.change), n(change.relativeChange), n(change.change?.lower),
                               n(change.change?.upper), .text(change.direction), n(siiPair.0), n(siiPair.1), n(siiChange?.change),
                               n(siiChange?.lower), n(siiChange?.upper), t(siiChange.map(TrendCalculator.gapDirection)), .text(recent))
    }

    func headline(_ f: HeadlineFact) throws {
        try headlineInsert.insert(.text(f.indicator), .text(f.period), .text(f.statementType), .int(Int64(f.rank)), n(f.value), n(f.lower),
                                  n(f.upper), .text(f.text), .text(f.sourceTable), .text(f.sourceKey))
    }
}

@available(*, unavailable)
extension AggregateWriter: Sendable {}

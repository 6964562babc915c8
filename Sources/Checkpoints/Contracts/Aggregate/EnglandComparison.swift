public import GRDB
public import PipelineCore
public import Statistics

/// An ICS's value, overall or in one quintile, against England's for the same group: two-level test and funnel (docs/METHODS.md §10).
public struct EnglandComparison: CheckpointRecord, Equatable {
    public static let databaseTableName = "england_comparison"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case icbCode = "icb_code"
        case breakdown = "breakdown_type"
        case breakdownIndex = "breakdown_index"
        case value
        case englandValue = "england_value"
        case compare95 = "compare_95"
        case compare998 = "compare_998"
        case comparison
        case funnelBand = "funnel_band"
        case funnelLower95 = "funnel_lcl95"
        case funnelUpper95 = "funnel_ucl95"
        case funnelLower998 = "funnel_lcl998"
        case funnelUpper998 = "funnel_ucl998"
        case funnelTau2 = "funnel_tau2"
    }

    public var indicator: String
    public var period: String
    public var icbCode: String
    public var breakdown: BreakdownType
    public var breakdownIndex: Int
    public var value: Double?
    public var englandValue: Double?
    public var compare95: ComparisonOutcome
    public var compare998: ComparisonOutcome
    public var comparison: TwoLevelComparison
    public var funnelBand: FunnelBand
    public var funnelLower95: Double?
    public var funnelUpper95: Double?
    public var funnelLower998: Double?
    public var funnelUpper998: Double?
    /// Between-ICS variance the limits were widened by; nil without the adjustment.
    public var funnelTau2: Double?

    public init(
        indicator: String, period: String, icbCode: String, breakdown: BreakdownType, breakdownIndex: Int, value: Double?, englandValue: Double?,
        compare95: ComparisonOutcome, compare998: ComparisonOutcome, comparison: TwoLevelComparison, funnelBand: FunnelBand, funnelLower95: Double?,
        funnelUpper95: Double?, funnelLower998: Double?, funnelUpper998: Double?, funnelTau2: Double?
    ) {
        self.indicator = indicator
        self.period = period
        self.icbCode = icbCode
        self.breakdown = breakdown
        self.breakdownIndex = breakdownIndex
        self.value = value
        self.englandValue = englandValue
        self.compare95 = compare95
        self.compare998 = compare998
        self.comparison = comparison
        self.funnelBand = funnelBand
        self.funnelLower95 = funnelLower95
        self.funnelUpper95 = funnelUpper95
        self.funnelLower998 = funnelLower998
        self.funnelUpper998 = funnelUpper998
        self.funnelTau2 = funnelTau2
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        breakdown = try row.decode(Columns.breakdown)
        breakdownIndex = row[Columns.breakdownIndex]
        value = row[Columns.value]
        englandValue = row[Columns.englandValue]
        compare95 = try row.decode(Columns.compare95)
        compare998 = try row.decode(Columns.compare998)
        comparison = try row.decode(Columns.comparison)
        funnelBand = try row.decode(Columns.funnelBand)
        funnelLower95 = row[Columns.funnelLower95]
        funnelUpper95 = row[Columns.funnelUpper95]
        funnelLower998 = row[Columns.funnelLower998]
        funnelUpper998 = row[Columns.funnelUpper998]
        funnelTau2 = row[Columns.funnelTau2]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.icbCode] = icbCode
        row[.breakdown] = breakdown
        row[.breakdownIndex] = breakdownIndex
        row[.value] = value
        row[.englandValue] = englandValue
        row[.compare95] = compare95
        row[.compare998] = compare998
        row[.comparison] = comparison
        row[.funnelBand] = funnelBand
        row[.funnelLower95] = funnelLower95
        row[.funnelUpper95] = funnelUpper95
        row[.funnelLower998] = funnelLower998
        row[.funnelUpper998] = funnelUpper998
        row[.funnelTau2] = funnelTau2
    }
}

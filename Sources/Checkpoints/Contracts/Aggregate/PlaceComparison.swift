public import GRDB
public import PipelineCore
public import Statistics

/// A place against its own ICS's value (docs/METHODS.md §10, "Places").
public struct PlaceComparison: CheckpointRecord, Equatable {
    public static let databaseTableName = "place_comparison"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case icbCode = "icb_code"
        case placeCode = "place_code"
        case value
        case icsValue = "ics_value"
        case compare95 = "compare_95"
        case compare998 = "compare_998"
        case comparison
        case funnelBand = "funnel_band"
        case funnelLower95 = "funnel_lcl95"
        case funnelUpper95 = "funnel_ucl95"
        case funnelLower998 = "funnel_lcl998"
        case funnelUpper998 = "funnel_ucl998"
    }

    public var indicator: String
    public var period: String
    public var icbCode: String
    public var placeCode: String
    public var value: Double?
    public var icsValue: Double?
    public var compare95: ComparisonOutcome
    public var compare998: ComparisonOutcome
    public var comparison: TwoLevelComparison
    public var funnelBand: FunnelBand
    public var funnelLower95: Double?
    public var funnelUpper95: Double?
    public var funnelLower998: Double?
    public var funnelUpper998: Double?

    public init(
        indicator: String, period: String, icbCode: String, placeCode: String, value: Double?, icsValue: Double?, compare95: ComparisonOutcome,
        compare998: ComparisonOutcome, comparison: TwoLevelComparison, funnelBand: FunnelBand, funnelLower95: Double?, funnelUpper95: Double?,
        funnelLower998: Double?, funnelUpper998: Double?
    ) {
        self.indicator = indicator
        self.period = period
        self.icbCode = icbCode
        self.placeCode = placeCode
        self.value = value
        self.icsValue = icsValue
        self.compare95 = compare95
        self.compare998 = compare998
        self.comparison = comparison
        self.funnelBand = funnelBand
        self.funnelLower95 = funnelLower95
        self.funnelUpper95 = funnelUpper95
        self.funnelLower998 = funnelLower998
        self.funnelUpper998 = funnelUpper998
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        placeCode = row[Columns.placeCode]
        value = row[Columns.value]
        icsValue = row[Columns.icsValue]
        compare95 = try row.decode(Columns.compare95)
        compare998 = try row.decode(Columns.compare998)
        comparison = try row.decode(Columns.comparison)
        funnelBand = try row.decode(Columns.funnelBand)
        funnelLower95 = row[Columns.funnelLower95]
        funnelUpper95 = row[Columns.funnelUpper95]
        funnelLower998 = row[Columns.funnelLower998]
        funnelUpper998 = row[Columns.funnelUpper998]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.icbCode] = icbCode
        row[.placeCode] = placeCode
        row[.value] = value
        row[.icsValue] = icsValue
        row[.compare95] = compare95
        row[.compare998] = compare998
        row[.comparison] = comparison
        row[.funnelBand] = funnelBand
        row[.funnelLower95] = funnelLower95
        row[.funnelUpper95] = funnelUpper95
        row[.funnelLower998] = funnelLower998
        row[.funnelUpper998] = funnelUpper998
    }
}

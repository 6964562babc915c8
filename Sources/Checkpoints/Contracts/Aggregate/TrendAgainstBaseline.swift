public import GRDB
public import PipelineCore
public import Statistics

/// A period after the baseline against it, for one geography and slice (docs/METHODS.md §11).
public struct TrendAgainstBaseline: CheckpointRecord, Equatable {
    public static let databaseTableName = "trend"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case baselinePeriod = "baseline_period"
        case level = "geography_level"
        case code = "geography_code"
        case breakdown = "breakdown_type"
        case breakdownIndex = "breakdown_index"
        case baselineValue = "baseline_value"
        case value
        case absoluteChange = "abs_change"
        case relativeChange = "rel_change"
        case changeLower = "change_lcl95"
        case changeUpper = "change_ucl95"
        case direction
        case siiBaseline = "sii_baseline"
        case siiLatest = "sii_latest"
        case siiChange = "sii_change"
        case siiChangeLower = "sii_change_lcl95"
        case siiChangeUpper = "sii_change_ucl95"
        case gapDirection = "gap_direction"
        case recentTrend = "recent_trend"
    }

    public var indicator: String
    public var period: String
    public var baselinePeriod: String
    public var level: GeographyLevel
    public var code: String
    public var breakdown: BreakdownType
    public var breakdownIndex: Int
    public var baselineValue: Double?
    public var value: Double?
    public var absoluteChange: Double?
    public var relativeChange: Double?
    public var changeLower: Double?
    public var changeUpper: Double?
    public var direction: TrendDirection
    /// Quintile SII in the baseline period (rows for everyone only).
    public var siiBaseline: Double?
    public var siiLatest: Double?
    public var siiChange: Double?
    public var siiChangeLower: Double?
    public var siiChangeUpper: Double?
    public var gapDirection: GapDirection?
    public var recentTrend: RecentTrend.Marker

    public init(
        indicator: String, period: String, baselinePeriod: String, level: GeographyLevel, code: String, breakdown: BreakdownType, breakdownIndex: Int,
        baselineValue: Double?, value: Double?, absoluteChange: Double?, relativeChange: Double?, changeLower: Double?, changeUpper: Double?,
        direction: TrendDirection, siiBaseline: Double?, siiLatest: Double?, siiChange: Double?, siiChangeLower: Double?, siiChangeUpper: Double?,
        gapDirection: GapDirection?, recentTrend: RecentTrend.Marker
    ) {
        self.indicator = indicator
        self.period = period
        self.baselinePeriod = baselinePeriod
        self.level = level
        self.code = code
        self.breakdown = breakdown
        self.breakdownIndex = breakdownIndex
        self.baselineValue = baselineValue
        self.value = value
        self.absoluteChange = absoluteChange
        self.relativeChange = relativeChange
        self.changeLower = changeLower
        self.changeUpper = changeUpper
        self.direction = direction
        self.siiBaseline = siiBaseline
        self.siiLatest = siiLatest
        self.siiChange = siiChange
        self.siiChangeLower = siiChangeLower
        self.siiChangeUpper = siiChangeUpper
        self.gapDirection = gapDirection
        self.recentTrend = recentTrend
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        baselinePeriod = row[Columns.baselinePeriod]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        breakdown = try row.decode(Columns.breakdown)
        breakdownIndex = row[Columns.breakdownIndex]
        baselineValue = row[Columns.baselineValue]
        value = row[Columns.value]
        absoluteChange = row[Columns.absoluteChange]
        relativeChange = row[Columns.relativeChange]
        changeLower = row[Columns.changeLower]
        changeUpper = row[Columns.changeUpper]
        direction = try row.decode(Columns.direction)
        siiBaseline = row[Columns.siiBaseline]
        siiLatest = row[Columns.siiLatest]
        siiChange = row[Columns.siiChange]
        siiChangeLower = row[Columns.siiChangeLower]
        siiChangeUpper = row[Columns.siiChangeUpper]
        gapDirection = try row.decodeIfPresent(Columns.gapDirection)
        recentTrend = try row.decode(Columns.recentTrend)
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.baselinePeriod] = baselinePeriod
        row[.level] = level
        row[.code] = code
        row[.breakdown] = breakdown
        row[.breakdownIndex] = breakdownIndex
        row[.baselineValue] = baselineValue
        row[.value] = value
        row[.absoluteChange] = absoluteChange
        row[.relativeChange] = relativeChange
        row[.changeLower] = changeLower
        row[.changeUpper] = changeUpper
        row[.direction] = direction
        row[.siiBaseline] = siiBaseline
        row[.siiLatest] = siiLatest
        row[.siiChange] = siiChange
        row[.siiChangeLower] = siiChangeLower
        row[.siiChangeUpper] = siiChangeUpper
        row[.gapDirection] = gapDirection
        row[.recentTrend] = recentTrend
    }
}

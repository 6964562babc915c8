public import GRDB
public import PipelineCore
public import Statistics

/// One group against its breakdown's reference group — an ethnic group or category against the White
/// group — for one indicator × period × geography: gap, ratio and the test of non-overlapping 83.4%
/// intervals (docs/METHODS.md, "Groups against a reference group").
public struct ReferenceGroupGap: CheckpointRecord, Equatable {
    public static let databaseTableName = "reference_group_gap"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case level = "geography_level"
        case code = "geography_code"
        case breakdown = "breakdown_type"
        case breakdownIndex = "breakdown_index"
        case referenceIndex = "reference_index"
        case value
        case referenceValue = "reference_value"
        case absoluteGap = "abs_gap"
        case ratio
        case lower834 = "lcl834"
        case upper834 = "ucl834"
        case referenceLower834 = "reference_lcl834"
        case referenceUpper834 = "reference_ucl834"
        case comparison
    }

    public var indicator: String
    public var period: String
    public var level: GeographyLevel
    public var code: String
    public var breakdown: BreakdownType
    public var breakdownIndex: Int
    /// The reference group's index in ``BreakdownType/ethnicGroup`` (the White group).
    public var referenceIndex: Int
    public var value: Double?
    public var referenceValue: Double?
    /// The group's value minus the reference group's, in the indicator's unit.
    public var absoluteGap: Double?
    /// The group's value over the reference group's.
    public var ratio: Double?
    public var lower834: Double?
    public var upper834: Double?
    public var referenceLower834: Double?
    public var referenceUpper834: Double?
    /// Better, worse or similar by the indicator's polarity (higher, lower or similar without one), by
    /// whether the two 83.4% intervals overlap; not compared when either value is missing.
    public var comparison: ComparisonOutcome

    public init(
        indicator: String, period: String, level: GeographyLevel, code: String, breakdown: BreakdownType, breakdownIndex: Int, referenceIndex: Int,
        value: Double?, referenceValue: Double?, absoluteGap: Double?, ratio: Double?, lower834: Double?, upper834: Double?,
        referenceLower834: Double?, referenceUpper834: Double?, comparison: ComparisonOutcome
    ) {
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.breakdown = breakdown
        self.breakdownIndex = breakdownIndex
        self.referenceIndex = referenceIndex
        self.value = value
        self.referenceValue = referenceValue
        self.absoluteGap = absoluteGap
        self.ratio = ratio
        self.lower834 = lower834
        self.upper834 = upper834
        self.referenceLower834 = referenceLower834
        self.referenceUpper834 = referenceUpper834
        self.comparison = comparison
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        breakdown = try row.decode(Columns.breakdown)
        breakdownIndex = row[Columns.breakdownIndex]
        referenceIndex = row[Columns.referenceIndex]
        value = row[Columns.value]
        referenceValue = row[Columns.referenceValue]
        absoluteGap = row[Columns.absoluteGap]
        ratio = row[Columns.ratio]
        lower834 = row[Columns.lower834]
        upper834 = row[Columns.upper834]
        referenceLower834 = row[Columns.referenceLower834]
        referenceUpper834 = row[Columns.referenceUpper834]
        comparison = try row.decode(Columns.comparison)
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.level] = level
        row[.code] = code
        row[.breakdown] = breakdown
        row[.breakdownIndex] = breakdownIndex
        row[.referenceIndex] = referenceIndex
        row[.value] = value
        row[.referenceValue] = referenceValue
        row[.absoluteGap] = absoluteGap
        row[.ratio] = ratio
        row[.lower834] = lower834
        row[.upper834] = upper834
        row[.referenceLower834] = referenceLower834
        row[.referenceUpper834] = referenceUpper834
        row[.comparison] = comparison
    }
}

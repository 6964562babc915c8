public import GRDB
public import PipelineCore

/// Most against least deprived quintile of one indicator × period × geography (docs/METHODS.md §9).
public struct QuintileGap: CheckpointRecord, Equatable {
    public static let databaseTableName = "quintile_gap"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case level = "geography_level"
        case code = "geography_code"
        case q1 = "q1_value"
        case q5 = "q5_value"
        case absoluteGap = "abs_gap"
        case ratio
        case q1Lower834 = "q1_lcl834"
        case q1Upper834 = "q1_ucl834"
        case q5Lower834 = "q5_lcl834"
        case q5Upper834 = "q5_ucl834"
        case significant834 = "gap_significant_834"
        case excessEvents = "excess_events"
    }

    public var indicator: String
    public var period: String
    public var level: GeographyLevel
    public var code: String
    public var q1: Double?
    public var q5: Double?
    public var absoluteGap: Double?
    public var ratio: Double?
    public var q1Lower834: Double?
    public var q1Upper834: Double?
    public var q5Lower834: Double?
    public var q5Upper834: Double?
    /// Whether the quintiles' 83.4% intervals do not overlap.
    public var significant834: Bool?
    public var excessEvents: Double?

    public init(
        indicator: String, period: String, level: GeographyLevel, code: String, q1: Double?, q5: Double?, absoluteGap: Double?, ratio: Double?,
        q1Lower834: Double?, q1Upper834: Double?, q5Lower834: Double?, q5Upper834: Double?, significant834: Bool?, excessEvents: Double?
    ) {
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.q1 = q1
        self.q5 = q5
        self.absoluteGap = absoluteGap
        self.ratio = ratio
        self.q1Lower834 = q1Lower834
        self.q1Upper834 = q1Upper834
        self.q5Lower834 = q5Lower834
        self.q5Upper834 = q5Upper834
        self.significant834 = significant834
        self.excessEvents = excessEvents
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        q1 = row[Columns.q1]
        q5 = row[Columns.q5]
        absoluteGap = row[Columns.absoluteGap]
        ratio = row[Columns.ratio]
        q1Lower834 = row[Columns.q1Lower834]
        q1Upper834 = row[Columns.q1Upper834]
        q5Lower834 = row[Columns.q5Lower834]
        q5Upper834 = row[Columns.q5Upper834]
        significant834 = row[Columns.significant834]
        excessEvents = row[Columns.excessEvents]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.level] = level
        row[.code] = code
        row[.q1] = q1
        row[.q5] = q5
        row[.absoluteGap] = absoluteGap
        row[.ratio] = ratio
        row[.q1Lower834] = q1Lower834
        row[.q1Upper834] = q1Upper834
        row[.q5Lower834] = q5Lower834
        row[.q5Upper834] = q5Upper834
        row[.significant834] = significant834
        row[.excessEvents] = excessEvents
    }
}

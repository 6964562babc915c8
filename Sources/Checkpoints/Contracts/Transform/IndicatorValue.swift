public import GRDB
public import PipelineCore
public import Statistics

/// One indicator value: indicator × period × geography × breakdown, with its counts, limits and method (docs/TABLES.md, "Transform").
public struct IndicatorValue: CheckpointRecord, Equatable {
    public static let databaseTableName = "indicator_value"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case level = "geography_level"
        case code = "geography_code"
        case name = "geography_name"
        case breakdown = "breakdown_type"
        case breakdownValue = "breakdown_value"
        case breakdownIndex = "breakdown_index"
        case numerator
        case denominator
        case value
        case lower95 = "lcl95"
        case upper95 = "ucl95"
        case lower998 = "lcl998"
        case upper998 = "ucl998"
        case statistic
        case method
        case multiplier
        case unit
        case withheld = "withheld_reason"
        case suppressedAtSourceRecords = "suppressed_at_source_records"
        case fromNationalRows = "from_national_rows"
        case quantilePopulation = "quantile_population"
    }

    public var indicator: String
    public var period: String
    public var level: GeographyLevel
    public var code: String
    public var name: String
    public var breakdown: BreakdownType
    /// `all`, the quantile number, or `male`/`female`.
    public var breakdownValue: String
    /// Order within the breakdown (quantile number; 1 male, 2 female; 0 all).
    public var breakdownIndex: Int
    /// Events or numerator; nil for a value its source publishes without counts (docs/DATA.md, "Values
    /// without counts").
    public var numerator: Double?
    /// Population, denominator, or expected events (ISRs); nil as the numerator is.
    public var denominator: Double?
    /// The statistic × multiplier; nil when withheld.
    public var value: Double?
    public var lower95: Double?
    public var upper95: Double?
    public var lower998: Double?
    public var upper998: Double?
    public var statistic: Statistic
    public var method: IntervalMethod
    public var multiplier: Double
    public var unit: String
    public var withheld: WithheldReason?
    /// Records whose count arrived suppressed (not in the numerator).
    public var suppressedAtSourceRecords: Int
    /// England's value computed from the publisher's own England rows, not added up from the ICSs: then it
    /// is not the sum of the ICSs' counts (docs/DATA.md, "England as published").
    public var fromNationalRows: Bool
    /// A decile's resident population, its weight in the SII, for a value published without counts (which has
    /// no denominator to weigh it by; docs/METHODS.md §12); nil for every value with counts.
    public var quantilePopulation: Double?

    public init(
        indicator: String, period: String, level: GeographyLevel, code: String, name: String, breakdown: BreakdownType, breakdownValue: String,
        breakdownIndex: Int, numerator: Double?, denominator: Double?, value: Double?, lower95: Double?, upper95: Double?, lower998: Double?, upper998: Double?,
        statistic: Statistic, method: IntervalMethod, multiplier: Double, unit: String, withheld: WithheldReason?, suppressedAtSourceRecords: Int,
        fromNationalRows: Bool = false, quantilePopulation: Double? = nil
    ) {
        self.fromNationalRows = fromNationalRows
        self.quantilePopulation = quantilePopulation
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.name = name
        self.breakdown = breakdown
        self.breakdownValue = breakdownValue
        self.breakdownIndex = breakdownIndex
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
        self.statistic = statistic
        self.method = method
        self.multiplier = multiplier
        self.unit = unit
        self.withheld = withheld
        self.suppressedAtSourceRecords = suppressedAtSourceRecords
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        name = row[Columns.name]
        breakdown = try row.decode(Columns.breakdown)
        breakdownValue = row[Columns.breakdownValue]
        breakdownIndex = row[Columns.breakdownIndex]
        numerator = row[Columns.numerator]
        denominator = row[Columns.denominator]
        value = row[Columns.value]
        lower95 = row[Columns.lower95]
        upper95 = row[Columns.upper95]
        lower998 = row[Columns.lower998]
        upper998 = row[Columns.upper998]
        statistic = try row.decode(Columns.statistic)
        method = try row.decode(Columns.method)
        multiplier = row[Columns.multiplier]
        unit = row[Columns.unit]
        withheld = try row.decodeIfPresent(Columns.withheld)
        suppressedAtSourceRecords = row[Columns.suppressedAtSourceRecords]
        fromNationalRows = row[Columns.fromNationalRows]
        quantilePopulation = row[Columns.quantilePopulation]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.level] = level
        row[.code] = code
        row[.name] = name
        row[.breakdown] = breakdown
        row[.breakdownValue] = breakdownValue
        row[.breakdownIndex] = breakdownIndex
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.value] = value
        row[.lower95] = lower95
        row[.upper95] = upper95
        row[.lower998] = lower998
        row[.upper998] = upper998
        row[.statistic] = statistic
        row[.method] = method
        row[.multiplier] = multiplier
        row[.unit] = unit
        row[.withheld] = withheld
        row[.suppressedAtSourceRecords] = suppressedAtSourceRecords
        row[.fromNationalRows] = fromNationalRows
        row[.quantilePopulation] = quantilePopulation
    }
}

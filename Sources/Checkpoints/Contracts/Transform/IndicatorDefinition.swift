public import GRDB
public import PipelineCore
public import Statistics

/// An indicator of the catalogue as transform ran it (docs/TABLES.md, "Transform").
public struct IndicatorDefinition: CheckpointRecord, Equatable {
    public static let databaseTableName = "indicator_definition"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case title
        case source
        case statistic
        case multiplier
        case unit
        case ageFrom = "age_from"
        case ageTo = "age_to"
        case polarity
        case breakdowns
        case definition
    }

    public var indicator: String
    public var title: String
    public var source: String
    public var statistic: Statistic
    public var multiplier: Double
    public var unit: String
    public var ageFrom: Int?
    public var ageTo: Int?
    public var polarity: Polarity
    /// The breakdowns computed (those the source allows).
    public var breakdowns: [IndicatorConfig.Breakdown]
    public var definition: String?

    public init(
        indicator: String, title: String, source: String, statistic: Statistic, multiplier: Double, unit: String, ageFrom: Int?, ageTo: Int?,
        polarity: Polarity, breakdowns: [IndicatorConfig.Breakdown], definition: String?
    ) {
        self.indicator = indicator
        self.title = title
        self.source = source
        self.statistic = statistic
        self.multiplier = multiplier
        self.unit = unit
        self.ageFrom = ageFrom
        self.ageTo = ageTo
        self.polarity = polarity
        self.breakdowns = breakdowns
        self.definition = definition
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        title = row[Columns.title]
        source = row[Columns.source]
        statistic = try row.decode(Columns.statistic)
        multiplier = row[Columns.multiplier]
        unit = row[Columns.unit]
        ageFrom = row[Columns.ageFrom]
        ageTo = row[Columns.ageTo]
        polarity = try row.decode(Columns.polarity)
        breakdowns = try IndicatorConfig.Breakdown.decodeList(row[Columns.breakdowns], column: Columns.breakdowns.name)
        definition = row[Columns.definition]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.title] = title
        row[.source] = source
        row[.statistic] = statistic
        row[.multiplier] = multiplier
        row[.unit] = unit
        row[.ageFrom] = ageFrom
        row[.ageTo] = ageTo
        row[.polarity] = polarity
        row[.breakdowns] = breakdowns.map(\.rawValue).joined(separator: ",")
        row[.definition] = definition
    }
}

public import GRDB
public import PipelineCore

/// One of England's headline facts with its figure and the row it comes from; the report words it (docs/ARCHITECTURE.md, "Headlines").
public struct HeadlineFact: CheckpointRecord, Equatable {
    public static let databaseTableName = "headline_fact"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case kind = "statement_type"
        case rank
        case value
        case lower = "lcl95"
        case upper = "ucl95"
        case sourceTable = "source_table"
        case sourceKey = "source_key"
    }

    public var indicator: String
    public var period: String
    public var kind: HeadlineKind
    public var rank: Int
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
    public var sourceTable: String
    /// `indicator|period|level|code|…` of the source row.
    public var sourceKey: String

    public init(
        indicator: String, period: String, kind: HeadlineKind, rank: Int, value: Double?, lower: Double?, upper: Double?, sourceTable: String, sourceKey: String
    ) {
        self.indicator = indicator
        self.period = period
        self.kind = kind
        self.rank = rank
        self.value = value
        self.lower = lower
        self.upper = upper
        self.sourceTable = sourceTable
        self.sourceKey = sourceKey
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        kind = try row.decode(Columns.kind)
        rank = row[Columns.rank]
        value = row[Columns.value]
        lower = row[Columns.lower]
        upper = row[Columns.upper]
        sourceTable = row[Columns.sourceTable]
        sourceKey = row[Columns.sourceKey]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.kind] = kind
        row[.rank] = rank
        row[.value] = value
        row[.lower] = lower
        row[.upper] = upper
        row[.sourceTable] = sourceTable
        row[.sourceKey] = sourceKey
    }
}

public import GRDB
public import PipelineCore

/// A source's counts from the publisher's own England rows (`englandRows`), by decile or ethnic group where
/// the grain has one, sex and age band: England's values are computed from them, as published, not added up
/// from rows by ICB (docs/TABLES.md, "Ingest"; docs/DATA.md, "England as published").
public struct EnglandTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_england_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case imdDecile = "imd_decile"
        case ethnicGroup = "ethnic_group"
        case sex
        case age = "age_band"
        case numerator
        case denominator
        case records
        case suppressedRecords = "suppressed_records"
    }

    public var dataset: String
    public var period: String
    /// The national decile; nil when not stated or the grain has none.
    public var imdDecile: Int?
    /// The ethnic group, for a source by ethnic group.
    public var ethnicGroup: EthnicGroup?
    public var sex: Sex
    public var age: RecordedAge
    /// Events, or a proportion's numerator.
    public var numerator: Double
    /// A proportion's denominator; 0 for events.
    public var denominator: Double
    public var records: Int
    /// Records whose count was suppressed at source: a cell with any has no known counts.
    public var suppressedRecords: Int

    public init(
        dataset: String, period: String, imdDecile: Int?, ethnicGroup: EthnicGroup?, sex: Sex, age: RecordedAge, numerator: Double,
        denominator: Double, records: Int, suppressedRecords: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.imdDecile = imdDecile
        self.ethnicGroup = ethnicGroup
        self.sex = sex
        self.age = age
        self.numerator = numerator
        self.denominator = denominator
        self.records = records
        self.suppressedRecords = suppressedRecords
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        imdDecile = row[Columns.imdDecile]
        ethnicGroup = try row.decodeIfPresent(Columns.ethnicGroup)
        sex = try row.decode(Columns.sex)
        age = try row.decode(Columns.age)
        numerator = row[Columns.numerator]
        denominator = row[Columns.denominator]
        records = row[Columns.records]
        suppressedRecords = row[Columns.suppressedRecords]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.imdDecile] = imdDecile
        row[.ethnicGroup] = ethnicGroup
        row[.sex] = sex
        row[.age] = age
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
    }
}

public import GRDB
public import PipelineCore

/// Counts of a source by ICB × ethnic group, sex and age band: a broad group's own row, a detailed
/// category's, or not stated, each as the publisher gave it (docs/TABLES.md, "Ingest"; docs/DATA.md,
/// "Ethnic groups"). Events have a denominator of 0.
public struct IcbEthnicGroupTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_icb_ethnic_group_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
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
    public var icbCode: String
    public var ethnicGroup: EthnicGroup
    public var sex: Sex
    public var age: RecordedAge
    /// Events, or a proportion's numerator.
    public var numerator: Double
    /// A proportion's denominator; 0 for events.
    public var denominator: Double
    public var records: Int
    public var suppressedRecords: Int

    public init(
        dataset: String, period: String, icbCode: String, ethnicGroup: EthnicGroup, sex: Sex, age: RecordedAge, numerator: Double,
        denominator: Double, records: Int, suppressedRecords: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
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
        icbCode = row[Columns.icbCode]
        ethnicGroup = try row.decode(Columns.ethnicGroup)
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
        row[.icbCode] = icbCode
        row[.ethnicGroup] = ethnicGroup
        row[.sex] = sex
        row[.age] = age
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
    }
}

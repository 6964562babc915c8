public import GRDB
public import PipelineCore

/// Numerators and denominators of a proportion source with no deprivation split, by ICB, sex and age band (docs/TABLES.md, "Ingest").
public struct IcbProportionTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_icb_proportion_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case sex
        case age = "age_band"
        case numerator
        case denominator
        case records
        case suppressedRecords = "suppressed_records"
    }

    public var dataset: String
    /// Period label (e.g. `2025-03`, `2024-Q4`).
    public var period: String
    public var icbCode: String
    public var sex: Sex
    public var age: RecordedAge
    /// Whole, or fractional for a source of fractional counts (docs/DATA.md, "Fractional counts").
    public var numerator: Double
    public var denominator: Double
    public var records: Int
    public var suppressedRecords: Int

    public init(
        dataset: String, period: String, icbCode: String, sex: Sex, age: RecordedAge, numerator: Double, denominator: Double, records: Int,
        suppressedRecords: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
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
        row[.sex] = sex
        row[.age] = age
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
    }
}

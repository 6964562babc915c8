public import GRDB
public import PipelineCore

/// Numerators and denominators of an LSOA-grain (or ICB × decile) proportion source, totalled as ``EventTotal`` is (docs/TABLES.md, "Ingest").
public struct ProportionTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_proportion_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case subIcbCode = "sub_icb_code"
        case imdDecile = "imd_decile"
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
    /// The sub-ICB location, or the ICB itself for rows at ICB × decile grain.
    public var subIcbCode: String
    /// National IMD decile, 1 = most deprived.
    public var imdDecile: Int
    public var sex: Sex
    public var age: RecordedAge
    public var numerator: Int64
    public var denominator: Int64
    public var records: Int
    public var suppressedRecords: Int

    public init(
        dataset: String, period: String, icbCode: String, subIcbCode: String, imdDecile: Int, sex: Sex, age: RecordedAge, numerator: Int64, denominator: Int64,
        records: Int, suppressedRecords: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
        self.subIcbCode = subIcbCode
        self.imdDecile = imdDecile
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
        subIcbCode = row[Columns.subIcbCode]
        imdDecile = row[Columns.imdDecile]
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
        row[.subIcbCode] = subIcbCode
        row[.imdDecile] = imdDecile
        row[.sex] = sex
        row[.age] = age
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
    }
}

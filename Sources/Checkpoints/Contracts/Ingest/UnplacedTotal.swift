public import GRDB
public import PipelineCore

/// Counts whose ICS or deprivation decile is unknown but which are England's all the same: rows of an
/// ICB-level file with an unknown ICB code (the publisher's `UNKNOWN`), rows by decile whose decile is `Not
/// stated`, and activity of providers the attribution weights do not name. Counted in England's value (and,
/// when the ICB is known, in its ICS's total), in no ICS or quintile they cannot be placed in
/// (docs/DATA.md, "Unknown places in the totals").
public struct UnplacedTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_unplaced_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case imdDecile = "imd_decile"
        case sex
        case age = "age_band"
        case numerator
        case denominator
        case records
        case suppressedRecords = "suppressed_records"
        case ethnicGroup = "ethnic_group"
        case subIcbCode = "sub_icb_code"
    }

    public var dataset: String
    /// Period label (e.g. `2024-25`).
    public var period: String
    /// The ICB when it is known (the decile is not); nil when the ICS is unknown.
    public var icbCode: String?
    /// The national decile when it is known (the ICB is not); nil when unknown or the grain has none.
    public var imdDecile: Int?
    public var sex: Sex
    public var age: RecordedAge
    /// Events, or a proportion's numerator (fractional for fractional or attributed counts).
    public var numerator: Double
    /// A proportion's denominator; 0 for events.
    public var denominator: Double
    public var records: Int
    public var suppressedRecords: Int
    /// The ethnic group of a row by ICB × ethnic group whose ICB is unknown, or not stated for one whose
    /// group is not; nil for other grains.
    public var ethnicGroup: EthnicGroup?
    /// Its place when known though its decile is not: a GP practice with no deprivation score, placed by its
    /// practice list (docs/DATA.md, "Places of GP practices"); nil otherwise.
    public var subIcbCode: String?

    public init(
        dataset: String, period: String, icbCode: String?, imdDecile: Int?, sex: Sex, age: RecordedAge, numerator: Double, denominator: Double,
        records: Int, suppressedRecords: Int, ethnicGroup: EthnicGroup? = nil, subIcbCode: String? = nil
    ) {
        self.ethnicGroup = ethnicGroup
        self.subIcbCode = subIcbCode
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
        self.imdDecile = imdDecile
        self.sex = sex
        self.age = age
        self.numerator = numerator
        self.denominator = denominator
        self.records = records
        self.suppressedRecords = suppressedRecords
    }

    /// The decile slot transform counts it in: its decile, else 0 ("not known") for a grain with a deprivation
    /// split, or 1 with the rest of a grain without one (docs/DATA.md, "Unknown places in the totals").
    public func decileSlot(split: Bool) -> Int { imdDecile ?? (split ? 0 : 1) }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        imdDecile = row[Columns.imdDecile]
        sex = try row.decode(Columns.sex)
        age = try row.decode(Columns.age)
        numerator = row[Columns.numerator]
        denominator = row[Columns.denominator]
        records = row[Columns.records]
        suppressedRecords = row[Columns.suppressedRecords]
        ethnicGroup = try row.decodeIfPresent(Columns.ethnicGroup)
        subIcbCode = row[Columns.subIcbCode]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.icbCode] = icbCode
        row[.imdDecile] = imdDecile
        row[.sex] = sex
        row[.age] = age
        row[.numerator] = numerator
        row[.denominator] = denominator
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
        row[.ethnicGroup] = ethnicGroup
        row[.subIcbCode] = subIcbCode
    }
}

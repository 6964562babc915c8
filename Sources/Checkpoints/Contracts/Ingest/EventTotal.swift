public import GRDB
public import PipelineCore

/// Events of an LSOA-grain (or ICB × decile) source, totalled by sub-ICB location, national IMD decile, sex and age band (docs/TABLES.md, "Ingest").
public struct EventTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_event_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case subIcbCode = "sub_icb_code"
        case imdDecile = "imd_decile"
        case sex
        case age = "age_band"
        case events
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
    public var events: Int64
    /// Rows that added to the cell.
    public var records: Int
    /// Rows whose count arrived suppressed (not in `events`).
    public var suppressedRecords: Int

    public init(
        dataset: String, period: String, icbCode: String, subIcbCode: String, imdDecile: Int, sex: Sex, age: RecordedAge, events: Int64, records: Int,
        suppressedRecords: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
        self.subIcbCode = subIcbCode
        self.imdDecile = imdDecile
        self.sex = sex
        self.age = age
        self.events = events
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
        events = row[Columns.events]
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
        row[.events] = events
        row[.records] = records
        row[.suppressedRecords] = suppressedRecords
    }
}

public import GRDB
public import PipelineCore

/// Events of a provider-grain source shared out to ICBs by the attribution weights, fractions kept exact (docs/DATA.md, "Counts by provider").
public struct AttributedEventTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_attributed_event_total"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case sex
        case age = "age_band"
        case events
        case providers
        case suppressedRecords = "suppressed_records"
    }

    public var dataset: String
    /// Period label (e.g. `2025-03`, `2024-Q4`).
    public var period: String
    public var icbCode: String
    public var sex: Sex
    public var age: RecordedAge
    /// Shared-out events (fractional).
    public var events: Double
    /// Provider rows that contributed.
    public var providers: Int
    public var suppressedRecords: Int

    public init(dataset: String, period: String, icbCode: String, sex: Sex, age: RecordedAge, events: Double, providers: Int, suppressedRecords: Int) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
        self.sex = sex
        self.age = age
        self.events = events
        self.providers = providers
        self.suppressedRecords = suppressedRecords
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        sex = try row.decode(Columns.sex)
        age = try row.decode(Columns.age)
        events = row[Columns.events]
        providers = row[Columns.providers]
        suppressedRecords = row[Columns.suppressedRecords]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.icbCode] = icbCode
        row[.sex] = sex
        row[.age] = age
        row[.events] = events
        row[.providers] = providers
        row[.suppressedRecords] = suppressedRecords
    }
}

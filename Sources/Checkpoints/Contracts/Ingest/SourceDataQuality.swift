public import GRDB
public import PipelineCore

/// What a source could not map or place, per period and ICB (docs/TABLES.md, "Ingest").
public struct SourceDataQuality: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_data_quality"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case icbCode = "icb_code"
        case records
        case recordsUnmappedLsoa = "records_unmapped_lsoa"
        case recordsUnknownSex = "records_unknown_sex"
        case recordsUnknownAge = "records_unknown_age"
        case recordsSuppressedAtSource = "records_suppressed_at_source"
        case eventsApportioned = "events_apportioned"
    }

    public var dataset: String
    /// Period label (e.g. `2025-03`, `2024-Q4`).
    public var period: String
    public var icbCode: String
    public var records: Int
    public var recordsUnmappedLsoa: Int
    public var recordsUnknownSex: Int
    public var recordsUnknownAge: Int
    public var recordsSuppressedAtSource: Int
    /// Events shared out from LSOAs that split between vintages.
    public var eventsApportioned: Int64

    public init(
        dataset: String, period: String, icbCode: String, records: Int, recordsUnmappedLsoa: Int, recordsUnknownSex: Int, recordsUnknownAge: Int,
        recordsSuppressedAtSource: Int, eventsApportioned: Int64
    ) {
        self.dataset = dataset
        self.period = period
        self.icbCode = icbCode
        self.records = records
        self.recordsUnmappedLsoa = recordsUnmappedLsoa
        self.recordsUnknownSex = recordsUnknownSex
        self.recordsUnknownAge = recordsUnknownAge
        self.recordsSuppressedAtSource = recordsSuppressedAtSource
        self.eventsApportioned = eventsApportioned
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        records = row[Columns.records]
        recordsUnmappedLsoa = row[Columns.recordsUnmappedLsoa]
        recordsUnknownSex = row[Columns.recordsUnknownSex]
        recordsUnknownAge = row[Columns.recordsUnknownAge]
        recordsSuppressedAtSource = row[Columns.recordsSuppressedAtSource]
        eventsApportioned = row[Columns.eventsApportioned]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.icbCode] = icbCode
        row[.records] = records
        row[.recordsUnmappedLsoa] = recordsUnmappedLsoa
        row[.recordsUnknownSex] = recordsUnknownSex
        row[.recordsUnknownAge] = recordsUnknownAge
        row[.recordsSuppressedAtSource] = recordsSuppressedAtSource
        row[.eventsApportioned] = eventsApportioned
    }
}

public import GRDB
public import PipelineCore

/// A provider the attribution weights do not name, with the rows and events it could not share out (docs/DATA.md, "Counts by provider").
public struct UnattributedProvider: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_unattributed"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case providerCode = "provider_code"
        case rows
        case events
    }

    public var dataset: String
    public var providerCode: String
    public var rows: Int
    public var events: Int64

    public init(dataset: String, providerCode: String, rows: Int, events: Int64) {
        self.dataset = dataset
        self.providerCode = providerCode
        self.rows = rows
        self.events = events
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        providerCode = row[Columns.providerCode]
        rows = row[Columns.rows]
        events = row[Columns.events]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.providerCode] = providerCode
        row[.rows] = rows
        row[.events] = events
    }
}

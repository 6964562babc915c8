public import GRDB
public import PipelineCore

/// For a source counted by provider, each period's events and those of providers the attribution weights
/// do not name, which reach no ICS value (docs/DATA.md, "Counts by provider"): what the report publishes as
/// the share of activity left unattributed.
public struct AttributionCoverage: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_attribution_coverage"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case events
        case unattributedEvents = "unattributed_events"
        case unattributedProviders = "unattributed_providers"
    }

    public var dataset: String
    public var period: String
    /// Every event of the period, attributed or not.
    public var events: Int64
    public var unattributedEvents: Int64
    public var unattributedProviders: Int

    public init(dataset: String, period: String, events: Int64, unattributedEvents: Int64, unattributedProviders: Int) {
        self.dataset = dataset
        self.period = period
        self.events = events
        self.unattributedEvents = unattributedEvents
        self.unattributedProviders = unattributedProviders
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        events = row[Columns.events]
        unattributedEvents = row[Columns.unattributedEvents]
        unattributedProviders = row[Columns.unattributedProviders]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.events] = events
        row[.unattributedEvents] = unattributedEvents
        row[.unattributedProviders] = unattributedProviders
    }

    /// The share of the period's events left unattributed (0 when it has none).
    public var unattributedShare: Double { events > 0 ? Double(unattributedEvents) / Double(events) : 0 }
}

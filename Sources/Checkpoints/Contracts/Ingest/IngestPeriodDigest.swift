public import GRDB
public import PipelineCore

/// What one source's counts of one period were made from, as a digest: the part key and the content hash
/// of every file counted in that period (docs/ARCHITECTURE.md, "Downstream by period"). Equal digests mean
/// the period's rows in every ingest table are the same, so a later stage may keep what it computed from
/// them. A population source's periods are its mid-years.
public struct IngestPeriodDigest: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_period_digest"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case digest
    }

    public var dataset: String
    /// Period label (a population's: its mid-year's, or the label of the one population for every period).
    public var period: String
    public var digest: String

    public init(dataset: String, period: String, digest: String) {
        self.dataset = dataset
        self.period = period
        self.digest = digest
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        digest = row[Columns.digest]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.digest] = digest
    }
}

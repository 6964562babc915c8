public import GRDB
public import PipelineCore

/// What transform computed each source's period from: the period's ingest digest (``IngestPeriodDigest``)
/// and the basis every period shares — program build, indicator catalogue, population, reference
/// (docs/ARCHITECTURE.md, "Downstream by period"). A run whose basis is unchanged recomputes only the
/// periods whose digest changed, keeping the other periods' `indicator_value` rows.
public struct TransformInput: CheckpointRecord, Equatable {
    public static let databaseTableName = "transform_input"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case digest
        case basis
    }

    public var dataset: String
    public var period: String
    public var digest: String
    public var basis: String

    public init(dataset: String, period: String, digest: String, basis: String) {
        self.dataset = dataset
        self.period = period
        self.digest = digest
        self.basis = basis
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        digest = row[Columns.digest]
        basis = row[Columns.basis]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.digest] = digest
        row[.basis] = basis
    }
}

public import GRDB
public import PipelineCore

/// What aggregate computed an indicator's period from (docs/ARCHITECTURE.md, "Downstream by period"): the
/// `digest` of the period's values — transform's digest of the indicator's source in that period
/// (``TransformInput``) with the period's place in the indicator's series — and the `basis` every period of
/// the indicator shares (program build, aggregate settings, transform's basis, the indicator's definition).
/// A run whose basis is unchanged computes again only the periods whose digest changed, and the trends whose
/// five most recent points or baseline include one; the other periods' rows are kept.
public struct AggregateInput: CheckpointRecord, Equatable {
    public static let databaseTableName = "aggregate_input"
    public static let writer = StageName.aggregate

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case digest
        case basis
    }

    public var indicator: String
    public var period: String
    public var digest: String
    public var basis: String

    public init(indicator: String, period: String, digest: String, basis: String) {
        self.indicator = indicator
        self.period = period
        self.digest = digest
        self.basis = basis
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        digest = row[Columns.digest]
        basis = row[Columns.basis]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.digest] = digest
        row[.basis] = basis
    }
}

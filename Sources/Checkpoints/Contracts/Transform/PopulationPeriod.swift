public import GRDB
public import PipelineCore

/// Which mid-year population each published period's rates are over (docs/DATA.md, "Populations by
/// year"), so the publication can say it: the period's own mid-year, the nearest the source has, or one
/// population for every period.
public struct PopulationPeriod: CheckpointRecord, Equatable {
    public static let databaseTableName = "population_period"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case period
        case populationYear = "population_year"
        case ownYear = "own_year"
    }

    /// The period's label (`2024-25`, `2025-03`).
    public var period: String
    /// The mid-year, or ``PopulationYear/everyPeriod`` (0) when one population serves every period.
    public var populationYear: Int
    /// Whether it is the period's own mid-year (else the nearest the source has).
    public var ownYear: Bool

    public init(period: String, populationYear: Int, ownYear: Bool) {
        self.period = period
        self.populationYear = populationYear
        self.ownYear = ownYear
    }

    public init(row: Row) throws {
        period = row[Columns.period]
        populationYear = row[Columns.populationYear]
        ownYear = row[Columns.ownYear]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.period] = period
        row[.populationYear] = populationYear
        row[.ownYear] = ownYear
    }
}

public import GRDB
public import PipelineCore

/// Which allocation year's need-weighted populations each period of the need-weighted indicators is over
/// (docs/DATA.md, "Access against need"), so the publication can say it: the period's own financial year,
/// the nearest year the weights have, or one allocation for every period.
public struct NeedAllocationPeriod: CheckpointRecord, Equatable {
    public static let databaseTableName = "need_allocation_period"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case period
        case allocationYear = "allocation_year"
        case ownYear = "own_year"
    }

    /// The period's label (`2024-25`).
    public var period: String
    /// The first calendar year of the allocation's financial year, or ``NeedAllocationYear/everyPeriod`` (0).
    public var allocationYear: Int
    /// Whether it is the period's own financial year (else the nearest the weights have).
    public var ownYear: Bool

    public init(period: String, allocationYear: Int, ownYear: Bool) {
        self.period = period
        self.allocationYear = allocationYear
        self.ownYear = ownYear
    }

    public init(row: Row) throws {
        period = row[Columns.period]
        allocationYear = row[Columns.allocationYear]
        ownYear = row[Columns.ownYear]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.period] = period
        row[.allocationYear] = allocationYear
        row[.ownYear] = ownYear
    }
}

public import GRDB
public import PipelineCore

/// One period's disclosure audit as the last report run made it: a digest of everything the audit read for
/// the period (program build, rules, indicator arithmetic, every cell and status of the tables it attacks)
/// and what it found — all hidden counts protected, with how many cells, sums and integer programs that
/// took (docs/ARCHITECTURE.md, "Downstream by period"). A run whose period has the same digest reuses the
/// verdict instead of solving again. Read only by the report stage; holds no published value.
public struct AuditedPeriod: CheckpointRecord, Equatable {
    public static let databaseTableName = "report_audited_period"
    public static let writer = StageName.report

    public enum Columns: String, CheckpointColumns {
        case period
        case digest
        case cellsChecked = "cells_checked"
        case hiddenCells = "hidden_cells"
        case relationsUsed = "relations_used"
        case programs
        case relationsByKind = "relations_by_kind"
        case narrowestWidth = "narrowest_width"
    }

    /// `period_start` of the published rows.
    public var period: String
    public var digest: String
    public var cellsChecked: Int
    public var hiddenCells: Int
    public var relationsUsed: Int
    public var programs: Int
    /// Published relations used, by kind, as `kind=count` lines sorted by kind.
    public var relationsByKind: String
    /// The narrowest feasible range's width of a suppressed count, when there was one (for the run's notes).
    public var narrowestWidth: Double?

    public init(
        period: String, digest: String, cellsChecked: Int, hiddenCells: Int, relationsUsed: Int, programs: Int, relationsByKind: String,
        narrowestWidth: Double?
    ) {
        self.period = period
        self.digest = digest
        self.cellsChecked = cellsChecked
        self.hiddenCells = hiddenCells
        self.relationsUsed = relationsUsed
        self.programs = programs
        self.relationsByKind = relationsByKind
        self.narrowestWidth = narrowestWidth
    }

    public init(row: Row) throws {
        period = row[Columns.period]
        digest = row[Columns.digest]
        cellsChecked = row[Columns.cellsChecked]
        hiddenCells = row[Columns.hiddenCells]
        relationsUsed = row[Columns.relationsUsed]
        programs = row[Columns.programs]
        relationsByKind = row[Columns.relationsByKind]
        narrowestWidth = row[Columns.narrowestWidth]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.period] = period
        row[.digest] = digest
        row[.cellsChecked] = cellsChecked
        row[.hiddenCells] = hiddenCells
        row[.relationsUsed] = relationsUsed
        row[.programs] = programs
        row[.relationsByKind] = relationsByKind
        row[.narrowestWidth] = narrowestWidth
    }
}

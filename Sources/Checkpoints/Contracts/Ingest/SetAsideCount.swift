public import GRDB
public import PipelineCore

/// What the rows ingest set aside for an unknown place (an ICB or LSOA code the reference does not hold,
/// a decile such as `Not stated`) counted, by source, period and reason: in no value, and said with its
/// share in the publication (docs/DATA.md, "Rows set aside"). Totals only, never a row's value.
public struct SetAsideCount: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_set_aside_count"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case source
        case period
        case reason
        case rows
        case suppressedRows = "suppressed_rows"
        case numerator
        case denominator
    }

    public var source: String
    /// Period label (e.g. `2024-25`).
    public var period: String
    public var reason: QuarantineReason
    public var rows: Int
    /// Rows whose count was suppressed at source: counted in `rows`, not in the counts.
    public var suppressedRows: Int
    /// Events, or a proportion's numerator (fractional for a source of fractional counts).
    public var numerator: Double
    /// A proportion's denominator; 0 for events.
    public var denominator: Double

    public init(source: String, period: String, reason: QuarantineReason, rows: Int, suppressedRows: Int, numerator: Double, denominator: Double) {
        self.source = source
        self.period = period
        self.reason = reason
        self.rows = rows
        self.suppressedRows = suppressedRows
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(row: Row) throws {
        source = row[Columns.source]
        period = row[Columns.period]
        reason = try row.decode(Columns.reason)
        rows = row[Columns.rows]
        suppressedRows = row[Columns.suppressedRows]
        numerator = row[Columns.numerator]
        denominator = row[Columns.denominator]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.source] = source
        row[.period] = period
        row[.reason] = reason
        row[.rows] = rows
        row[.suppressedRows] = suppressedRows
        row[.numerator] = numerator
        row[.denominator] = denominator
    }
}

public import GRDB
public import PipelineCore

/// One value a source publishes without counts (`kind: value`): an ICB's, or England's from the publisher's
/// own England rows, with the limits published beside it (docs/TABLES.md, "Ingest"; docs/DATA.md, "Values
/// without counts").
public struct PublishedValue: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_published_value"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case period
        case level = "geography_level"
        case code = "geography_code"
        case decile = "imd_decile"
        case value
        case lower95 = "lcl95"
        case upper95 = "ucl95"
        case lower998 = "lcl998"
        case upper998 = "ucl998"
        case suppressedAtSource = "suppressed_at_source"
        case path
        case line
    }

    public var dataset: String
    /// Period label (e.g. `2025-03`, `2021/22`).
    public var period: String
    /// `icb`, or `england` for the publisher's own England row.
    public var level: GeographyLevel
    /// The ICB's ODS code, or England's code.
    public var code: String
    /// The national IMD decile (1 = most deprived) of a source by ICB × decile; 0 for a value over all deciles.
    public var decile: Int
    /// The value as published; nil when the publisher suppressed it.
    public var value: Double?
    public var lower95: Double?
    public var upper95: Double?
    public var lower998: Double?
    public var upper998: Double?
    /// Whether the publisher withheld the value (`*`, `[c]`, a suppression note): it is published as such.
    public var suppressedAtSource: Bool
    /// Where the row was read, for `explain`.
    public var path: String
    public var line: Int

    public init(
        dataset: String, period: String, level: GeographyLevel, code: String, decile: Int = 0, value: Double?, lower95: Double?, upper95: Double?,
        lower998: Double?, upper998: Double?, suppressedAtSource: Bool, path: String, line: Int
    ) {
        self.dataset = dataset
        self.period = period
        self.level = level
        self.code = code
        self.decile = decile
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
        self.suppressedAtSource = suppressedAtSource
        self.path = path
        self.line = line
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        period = row[Columns.period]
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        decile = row[Columns.decile]
        value = row[Columns.value]
        lower95 = row[Columns.lower95]
        upper95 = row[Columns.upper95]
        lower998 = row[Columns.lower998]
        upper998 = row[Columns.upper998]
        suppressedAtSource = row[Columns.suppressedAtSource]
        path = row[Columns.path]
        line = row[Columns.line]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.period] = period
        row[.level] = level
        row[.code] = code
        row[.decile] = decile
        row[.value] = value
        row[.lower95] = lower95
        row[.upper95] = upper95
        row[.lower998] = lower998
        row[.upper998] = upper998
        row[.suppressedAtSource] = suppressedAtSource
        row[.path] = path
        row[.line] = line
    }
}

public import GRDB
public import PipelineCore

/// One source as ingest read it: its kind, grain, files, periods and oldest age band (docs/TABLES.md, "Ingest").
public struct IngestedSource: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_source"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case source
        case kind
        case grain
        case vintage
        case files
        case rowsLoaded = "rows_loaded"
        case periods
        case topAgeBand = "top_age_band"
        case rateDenominator = "rate_denominator"
        case places
    }

    public var source: String
    public var kind: SourceConfig.Kind
    public var grain: SourceGrain
    public var vintage: String?
    public var files: Int
    public var rowsLoaded: Int
    /// Period labels in order; none for a population.
    public var periods: [String]
    public var topAgeBand: TopAgeBand
    /// What the source's rates are counted against (docs/DATA.md, "Denominators").
    public var rateDenominator: RateDenominator
    /// Whether its counts are kept by place (sub-ICB location): by LSOA, or by GP practice with each practice's
    /// place in its practice list (docs/DATA.md, "Places of GP practices").
    public var places: Bool

    /// The kind of ingest table its counts are kept in: both counts of events with their own denominator.
    public var storedKind: SourceConfig.Kind { rateDenominator == .sourceRows ? .proportion : kind }

    public init(
        source: String, kind: SourceConfig.Kind, grain: SourceGrain, vintage: String?, files: Int, rowsLoaded: Int, periods: [String],
        topAgeBand: TopAgeBand, rateDenominator: RateDenominator = .residents, places: Bool = false
    ) {
        self.places = places
        self.source = source
        self.kind = kind
        self.grain = grain
        self.vintage = vintage
        self.files = files
        self.rowsLoaded = rowsLoaded
        self.periods = periods
        self.topAgeBand = topAgeBand
        self.rateDenominator = rateDenominator
    }

    public init(row: Row) throws {
        source = row[Columns.source]
        kind = try row.decode(Columns.kind)
        grain = try row.decode(Columns.grain)
        vintage = row[Columns.vintage]
        files = row[Columns.files]
        rowsLoaded = row[Columns.rowsLoaded]
        periods = (row[Columns.periods] as String).split(separator: ",").map(String.init)
        topAgeBand = try row.decode(Columns.topAgeBand)
        rateDenominator = try row.decode(Columns.rateDenominator)
        places = row[Columns.places]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.source] = source
        row[.kind] = kind
        row[.grain] = grain
        row[.vintage] = vintage
        row[.files] = files
        row[.rowsLoaded] = rowsLoaded
        row[.periods] = periods.joined(separator: ",")
        row[.topAgeBand] = topAgeBand
        row[.rateDenominator] = rateDenominator
        row[.places] = places
    }
}

public import GRDB
public import PipelineCore

/// The weight of one ESP2013 age band (docs/METHODS.md).
public struct StandardPopulationWeight: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_standard_population"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case band = "age_band"
        case bandIndex = "band_index"
        case weight
    }

    public var band: AgeBand
    public var bandIndex: Int
    public var weight: Double

    public init(band: AgeBand, bandIndex: Int, weight: Double) {
        self.band = band
        self.bandIndex = bandIndex
        self.weight = weight
    }

    public init(row: Row) throws {
        band = try row.decode(Columns.band)
        bandIndex = row[Columns.bandIndex]
        weight = row[Columns.weight]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.band] = band
        row[.bandIndex] = bandIndex
        row[.weight] = weight
    }
}

public import GRDB
public import PipelineCore

/// One ring of a place's (sub-ICB location's) outline, as read: `x,y` pairs in the file's coordinates,
/// which the row names (docs/DATA.md, "Boundaries").
public struct PlaceBoundaryRing: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_place_boundary"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case placeCode = "place_code"
        case polygon
        case ring
        case coordinates
        case points
    }

    /// The sub-ICB location's ODS code.
    public var placeCode: String
    public var polygon: Int
    public var ring: Int
    /// Longitude and latitude, or British National Grid easting and northing.
    public var coordinates: BoundaryCoordinates
    /// Space-separated `x,y` pairs.
    public var points: String

    public init(placeCode: String, polygon: Int, ring: Int, coordinates: BoundaryCoordinates, points: String) {
        self.placeCode = placeCode
        self.polygon = polygon
        self.ring = ring
        self.coordinates = coordinates
        self.points = points
    }

    public init(row: Row) throws {
        placeCode = row[Columns.placeCode]
        polygon = row[Columns.polygon]
        ring = row[Columns.ring]
        coordinates = try row.decode(Columns.coordinates)
        points = row[Columns.points]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.placeCode] = placeCode
        row[.polygon] = polygon
        row[.ring] = ring
        row[.coordinates] = coordinates
        row[.points] = points
    }
}

public import GRDB
public import PipelineCore

/// One ring of an ICS outline, as read (WGS84 `lon,lat` pairs; docs/DATA.md, "Boundaries").
public struct IcbBoundaryRing: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_icb_boundary"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case icbOdsCode = "icb_ods_code"
        case polygon
        case ring
        case points
    }

    public var icbOdsCode: String
    public var polygon: Int
    public var ring: Int
    /// Space-separated `lon,lat` pairs.
    public var points: String

    public init(icbOdsCode: String, polygon: Int, ring: Int, points: String) {
        self.icbOdsCode = icbOdsCode
        self.polygon = polygon
        self.ring = ring
        self.points = points
    }

    public init(row: Row) throws {
        icbOdsCode = row[Columns.icbOdsCode]
        polygon = row[Columns.polygon]
        ring = row[Columns.ring]
        points = row[Columns.points]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.icbOdsCode] = icbOdsCode
        row[.polygon] = polygon
        row[.ring] = ring
        row[.points] = points
    }
}

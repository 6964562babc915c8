import Checkpoints
import Disclosure
import GRDB
import Publication
import Render

extension MapGeometry {
    /// The ICS outlines the ingest stage read (`ref_icb_boundary`), projected; `nil` when no boundaries were
    /// configured. London's systems (`ref_icb`'s region) go into the inset.
    static func load(_ db: Database) throws -> MapGeometry? {
        let rings = try IcbBoundaryRing.fetchAll(db, orderedBy: [.icbOdsCode, .polygon, .ring])
        guard !rings.isEmpty else { return nil }
        let grid = BritishNationalGrid()
        let projected = rings.map { ring -> (ics: String, ring: [(x: Double, y: Double)]) in
            let points = ring.points.split(separator: " ").compactMap { pair -> (x: Double, y: Double)? in
                let parts = pair.split(separator: ",")
                guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
                let point = grid.project(longitude: lon, latitude: lat)
                return (point.easting, point.northing)
            }
            return (ring.icbOdsCode, points)
        }
        let london = Set(try ReferenceIcb.fetchAll(db).filter { $0.regionOnsCode == MapGeometry.londonRegion }.map(\.odsCode))
        return MapGeometry(rings: projected, london: london)
    }
}

import Checkpoints
import Disclosure
import GRDB
import PipelineCore
import Publication
import Render

extension MapGeometry {
    /// The ICS outlines the ingest stage read (`ref_icb_boundary`), projected; `nil` when no boundaries were
    /// configured. London's systems (`ref_icb`'s region) go into the inset.
    static func load(_ db: Database) throws -> MapGeometry? {
        let rings = try IcbBoundaryRing.fetchAll(db, orderedBy: [.icbOdsCode, .polygon, .ring])
        guard !rings.isEmpty else { return nil }
        let grid = BritishNationalGrid()
        let projected = rings.map { ($0.icbOdsCode, gridPoints($0.points, .longitudeLatitude, grid)) }
        let london = Set(try ReferenceIcb.fetchAll(db).filter { $0.regionOnsCode == MapGeometry.londonRegion }.map(\.odsCode))
        return MapGeometry(rings: projected, london: london)
    }
}

/// A stored ring's `x,y` pairs on the British National Grid: projected when they are longitude and latitude,
/// as they are when the file gave eastings and northings; a malformed pair is skipped.
private func gridPoints(_ text: String, _ coordinates: BoundaryCoordinates, _ grid: BritishNationalGrid) -> [(x: Double, y: Double)] {
    text.split(separator: " ").compactMap { pair -> (x: Double, y: Double)? in
        let parts = pair.split(separator: ",")
        guard parts.count == 2, let first = Double(parts[0]), let second = Double(parts[1]) else { return nil }
        switch coordinates {
        case .britishNationalGrid: return (first, second)
        case .longitudeLatitude:
            let point = grid.project(longitude: first, latitude: second)
            return (point.easting, point.northing)
        }
    }
}

extension PlaceMap {
    /// Each ICS's places' outlines (`ref_place_boundary`, in the file's coordinates: projected here when they
    /// are longitude and latitude), by ICS ODS code; empty when no place boundaries were configured.
    static func load(_ db: Database) throws -> [String: PlaceMap] {
        let rings = try PlaceBoundaryRing.fetchAll(db, orderedBy: [.placeCode, .polygon, .ring])
        guard !rings.isEmpty else { return [:] }
        let icsOf = Dictionary(try ReferenceSubIcb.fetchAll(db).map { ($0.code, $0.icbOdsCode) }, uniquingKeysWith: { first, _ in first })
        let grid = BritishNationalGrid()
        var byIcs: [String: [(place: String, ring: [(x: Double, y: Double)])]] = [:]
        for ring in rings {
            guard let ics = icsOf[ring.placeCode] else { continue }
            byIcs[ics, default: []].append((ring.placeCode, gridPoints(ring.points, ring.coordinates, grid)))
        }
        return byIcs.mapValues { PlaceMap(rings: $0) }
    }
}

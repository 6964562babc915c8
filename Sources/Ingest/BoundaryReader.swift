public import Foundation
import PipelineCore

/// Reads the ICS outlines for the map (docs/DATA.md, "Boundaries"): a GeoJSON FeatureCollection in WGS84
/// longitude/latitude with one Polygon or MultiPolygon per ICB, named by any code form of the ICB list.
/// Problems name the file and the JSON path, and say what to fix.
public enum BoundaryReader {
    /// One ring of one polygon of an ICB's outline, as `lon,lat` pairs joined by spaces.
    public struct Ring: Sendable, Equatable {
        public var icb: Int
        public var polygon: Int
        public var ring: Int
        public var points: String
    }

    /// - Parameters: `data`: the file's bytes; `display`: its path as configured; `aliases`: every
    ///   accepted ICB code → ICB index.
    public static func read(_ data: Data, display: String, codeProperty: String, aliases: [String: Int]) throws -> [Ring] {
        func problem(_ path: String, _ message: String, hint: String? = nil) -> PipelineError {
            PipelineError(.dataQuality, "\(path): \(message)", at: InputLocation(file: display), hint: hint)
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw problem("$", "not valid JSON", hint: "the boundaries must be a GeoJSON FeatureCollection")
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else {
            throw problem("$", "not a GeoJSON FeatureCollection", hint: "give a file with \"type\": \"FeatureCollection\" and a \"features\" array")
        }
        var rings: [Ring] = []
        var seen: [Int: Int] = [:]
        for (index, item) in features.enumerated() {
            let path = "$.features[\(index)]"
            guard let feature = item as? [String: Any], let properties = feature["properties"] as? [String: Any] else {
                throw problem(path, "a feature without properties")
            }
            guard let code = properties[codeProperty] as? String else {
                throw problem(
                    "\(path).properties", "no text property '\(codeProperty)'",
                    hint:
                        "set reference.boundaries.codeProperty to the property holding the ICB code; this feature has \(properties.keys.sorted().joined(separator: ", "))"
                )
            }
            guard let icb = aliases[code.trimmingCharacters(in: .whitespaces).uppercased()] else {
                throw problem(
                    "\(path).properties.\(codeProperty)", "ICB \(code) is not in the reference ICB list",
                    hint: "use boundaries of the configured ICB vintage, or give the code as icb_ons_code_2023 in the ICB list")
            }
            if let first = seen[icb] {
                throw problem("\(path).properties.\(codeProperty)", "ICB \(code) already has an outline at $.features[\(first)]")
            }
            seen[icb] = index
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                let coordinates = geometry["coordinates"] as? [Any]
            else {
                throw problem("\(path).geometry", "no geometry with a type and coordinates")
            }
            let polygons: [Any]
            switch type {
            case "Polygon": polygons = [coordinates]
            case "MultiPolygon": polygons = coordinates
            default: throw problem("\(path).geometry.type", "'\(type)' is not an area", hint: "each ICB needs a Polygon or MultiPolygon")
            }
            for (polygonIndex, polygon) in polygons.enumerated() {
                let polygonPath = type == "Polygon" ? "\(path).geometry.coordinates" : "\(path).geometry.coordinates[\(polygonIndex)]"
                guard let polygonRings = polygon as? [Any], !polygonRings.isEmpty else { throw problem(polygonPath, "a polygon without rings") }
                for (ringIndex, ring) in polygonRings.enumerated() {
                    let ringPath = "\(polygonPath)[\(ringIndex)]"
                    guard let positions = ring as? [Any], positions.count >= 4 else {
                        throw problem(ringPath, "a ring needs at least four positions (the first repeated last)")
                    }
                    var text = ""
                    for (pointIndex, position) in positions.enumerated() {
                        guard let pair = position as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue,
                            let lat = (pair[1] as? NSNumber)?.doubleValue
                        else {
                            throw problem("\(ringPath)[\(pointIndex)]", "a position must be [longitude, latitude]")
                        }
                        guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                            throw problem(
                                "\(ringPath)[\(pointIndex)]", "not a WGS84 longitude and latitude",
                                hint: "the boundaries must be in EPSG:4326; this file looks projected (e.g. British National Grid metres)")
                        }
                        if pointIndex > 0 { text += " " }
                        text += "\(lon),\(lat)"
                    }
                    rings.append(Ring(icb: icb, polygon: polygonIndex, ring: ringIndex, points: text))
                }
            }
        }
        return rings
    }
}

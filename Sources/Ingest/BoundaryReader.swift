public import Foundation
public import PipelineCore

/// Reads area outlines for the maps (docs/DATA.md, "Boundaries"): a GeoJSON FeatureCollection with one
/// Polygon or MultiPolygon per area — the ICS outlines in WGS84 longitude/latitude, named by any code form of
/// the ICB list; the places' (sub-ICB locations') in WGS84 or, as ONS and NHS England publish them, in
/// British National Grid metres (`"crs"` naming EPSG:27700). Problems name the file and the JSON path, and
/// say what to fix.
public enum BoundaryReader {
    /// One ring of one polygon of an area's outline, as `x,y` pairs joined by spaces (longitude and
    /// latitude, or easting and northing).
    public struct Ring: Sendable, Equatable {
        /// The area's index: an ICB's, or a sub-ICB location's.
        public var icb: Int
        public var polygon: Int
        public var ring: Int
        public var points: String
    }

    /// Every outline of a file, its coordinates, and the codes it names that the reference does not hold.
    public struct Areas: Sendable, Equatable {
        public var rings: [Ring] = []
        public var coordinates = BoundaryCoordinates.longitudeLatitude
        public var unknownCodes: [String] = []
    }

    /// The ICS outlines: WGS84 only, and every feature an ICB of the reference.
    /// - Parameters: `data`: the file's bytes; `display`: its path as configured; `aliases`: every
    ///   accepted ICB code → ICB index.
    public static func read(_ data: Data, display: String, codeProperty: String, aliases: [String: Int]) throws -> [Ring] {
        try areas(
            data, display: display, codeProperty: codeProperty, aliases: aliases, area: "ICB", configKey: "reference.boundaries", projectedAllowed: false,
            skipUnknown: false
        ).rings
    }

    /// Outlines of `area`s (e.g. "sub-ICB location"); with `projectedAllowed`, British National Grid files are
    /// read as they are; with `skipUnknown`, a feature whose code the reference does not hold is listed in
    /// ``Areas/unknownCodes`` instead of stopping the read.
    public static func areas(
        _ data: Data, display: String, codeProperty: String, aliases: [String: Int], area: String, configKey: String, projectedAllowed: Bool,
        skipUnknown: Bool
    ) throws -> Areas {
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
        var result = Areas()
        let crs = ((collection["crs"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String
        if let crs, crs.hasSuffix("27700") || crs.hasSuffix("EPSG::27700") {
            guard projectedAllowed else {
                throw problem(
                    "$.crs", "in British National Grid metres (EPSG:27700)",
                    hint: "the ICS outlines must be in WGS84 longitude/latitude (EPSG:4326), as ONS publishes them for download")
            }
            result.coordinates = .britishNationalGrid
        }
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
                        "set \(configKey).codeProperty to the property holding the \(area) code; this feature has \(properties.keys.sorted().joined(separator: ", "))"
                )
            }
            guard let icb = aliases[code.trimmingCharacters(in: .whitespaces).uppercased()] else {
                if skipUnknown {
                    result.unknownCodes.append(code)
                    continue
                }
                throw problem(
                    "\(path).properties.\(codeProperty)", "\(area) \(code) is not in the reference ICB list",
                    hint: "use boundaries of the configured ICB vintage, or give the code as icb_ons_code_2023 in the ICB list")
            }
            if let first = seen[icb] {
                throw problem("\(path).properties.\(codeProperty)", "\(area) \(code) already has an outline at $.features[\(first)]")
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
            default: throw problem("\(path).geometry.type", "'\(type)' is not an area", hint: "each \(area) needs a Polygon or MultiPolygon")
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
                            throw problem(
                                "\(ringPath)[\(pointIndex)]",
                                result.coordinates == .britishNationalGrid
                                    ? "a position must be [easting, northing]" : "a position must be [longitude, latitude]")
                        }
                        if result.coordinates == .britishNationalGrid {
                            // The grid's extent: 0–700 km east, 0–1,300 km north.
                            guard (0...700_000).contains(lon), (0...1_300_000).contains(lat) else {
                                throw problem("\(ringPath)[\(pointIndex)]", "not a British National Grid easting and northing (metres)")
                            }
                        } else if !(-180...180).contains(lon) || !(-90...90).contains(lat) {
                            throw problem(
                                "\(ringPath)[\(pointIndex)]", "not a WGS84 longitude and latitude",
                                hint: "the boundaries must be in EPSG:4326; this file looks projected (e.g. British National Grid metres)")
                        }
                        if pointIndex > 0 { text += " " }
                        text += "\(lon),\(lat)"
                    }
                    result.rings.append(Ring(icb: icb, polygon: polygonIndex, ring: ringIndex, points: text))
                }
            }
        }
        return result
    }
}

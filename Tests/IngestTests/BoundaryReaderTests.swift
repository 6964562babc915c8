import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// The map's boundaries (docs/DATA.md, "Boundaries"): GeoJSON read into rings per ICB, and every
/// problem named by file and JSON path with its fix.
struct BoundaryReaderTests {
    static let aliases = ["QHL": 0, "E54000055": 0, "QWE": 1, "E54000063": 1, "E54000052": 1]

    static func collection(_ features: String) -> Data { Data(#"{"type":"FeatureCollection","features":[\#(features)]}"#.utf8) }

    static let square = "[[-1.9,52.4],[-1.7,52.4],[-1.7,52.6],[-1.9,52.6],[-1.9,52.4]]"

    func read(_ data: Data, property: String = "ICB23CD") throws -> [BoundaryReader.Ring] {
        try BoundaryReader.read(data, display: "reference/boundaries/b.geojson", codeProperty: property, aliases: Self.aliases)
    }

    func failure(_ data: Data, property: String = "ICB23CD") -> String {
        do {
            _ = try read(data, property: property)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func polygonsAndMultiPolygonsByAnyCodeForm() throws {
        let rings = try read(
            Self.collection(
                #"{"type":"Feature","properties":{"ICB23CD":"E54000055"},"geometry":{"type":"Polygon","coordinates":[\#(Self.square)]}},"#
                    + #"{"type":"Feature","properties":{"ICB23CD":"E54000063"},"geometry":{"type":"MultiPolygon","coordinates":[[\#(Self.square)],[\#(Self.square),\#(Self.square)]]}}"#
            ))
        #expect(rings.count == 4)
        #expect(rings[0].icb == 0 && rings[1].icb == 1 && rings[3].polygon == 1 && rings[3].ring == 1)
        #expect(rings[0].points.hasPrefix("-1.9,52.4 -1.7,52.4"))
    }

    @Test func problemsNameTheJSONPathAndTheFix() {
        #expect(failure(Data("{".utf8)).contains("$: not valid JSON"))
        #expect(failure(Data(#"{"type":"Feature"}"#.utf8)).contains("$: not a GeoJSON FeatureCollection"))
        let noCode = failure(Self.collection(#"{"type":"Feature","properties":{"ICB22CD":"E54000055"},"geometry":null}"#))
        #expect(noCode.contains("$.features[0].properties: no text property 'ICB23CD'") && noCode.contains("this feature has ICB22CD"), "\(noCode)")
        let unknown = failure(
            Self.collection(#"{"type":"Feature","properties":{"ICB23CD":"E54000999"},"geometry":{"type":"Polygon","coordinates":[\#(Self.square)]}}"#))
        #expect(
            unknown.hasPrefix("reference/boundaries/b.geojson: $.features[0].properties.ICB23CD: ICB E54000999 is not in the reference ICB list"), "\(unknown)")
        let twice = failure(
            Self.collection(
                #"{"type":"Feature","properties":{"ICB23CD":"QHL"},"geometry":{"type":"Polygon","coordinates":[\#(Self.square)]}},"#
                    + #"{"type":"Feature","properties":{"ICB23CD":"E54000055"},"geometry":{"type":"Polygon","coordinates":[\#(Self.square)]}}"#))
        #expect(twice.contains("$.features[1].properties.ICB23CD: ICB E54000055 already has an outline at $.features[0]"), "\(twice)")
        let line = failure(
            Self.collection(#"{"type":"Feature","properties":{"ICB23CD":"QHL"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#))
        #expect(line.contains("$.features[0].geometry.type: 'LineString' is not an area"), "\(line)")
        let projected = failure(
            Self.collection(
                #"{"type":"Feature","properties":{"ICB23CD":"QHL"},"geometry":{"type":"Polygon","coordinates":[[[406000,286000],[407000,286000],[407000,287000],[406000,286000]]]}}"#
            ))
        #expect(
            projected.contains("$.features[0].geometry.coordinates[0][0]: not a WGS84 longitude and latitude") && projected.contains("EPSG:4326"),
            "\(projected)")
        let short = failure(
            Self.collection(#"{"type":"Feature","properties":{"ICB23CD":"QHL"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}"#))
        #expect(short.contains("$.features[0].geometry.coordinates[0]: a ring needs at least four positions"), "\(short)")
    }

    /// The bundled outlines name every ICB of both bundled lists.
    @Test func theBundledBoundariesCoverBothIcbLists() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("reference/boundaries/icb_2023_generalised.geojson")))
        for vintage in ["2022-07", "2024-04"] {
            let rows = try CSVTableReader.read(
                path: Repository.path("reference/icb/\(vintage)/icbs.csv"), displayPath: "icbs.csv", required: ["icb_ods_code", "icb_ons_code"],
                optional: ["icb_ons_code_2023"]
            ).rows
            var aliases: [String: Int] = [:]
            for (index, row) in rows.enumerated() {
                for code in [row["icb_ods_code"], row["icb_ons_code"], row["icb_ons_code_2023"]].compactMap({ $0 }) where !code.isEmpty {
                    aliases[code] = index
                }
            }
            let rings = try BoundaryReader.read(data, display: "b", codeProperty: "ICB23CD", aliases: aliases)
            #expect(Set(rings.map(\.icb)).count == 42, "\(vintage)")
        }
    }

    /// Places' outlines as ONS publishes them, in British National Grid metres (the bundled sub-ICB file):
    /// read as they are, every place of the April 2024 list but the two the July 2022 file codes otherwise,
    /// which are listed, not refused. The ICS outlines stay WGS84 only.
    @Test func placeOutlinesInBritishNationalGrid() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("reference/boundaries/sicbl_2022_bng.geojson")))
        var aliases: [String: Int] = [:]
        for (index, line) in try String(contentsOfFile: Repository.path("reference/icb/2024-04/sub_icbs.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().enumerated()
        {
            let fields = line.split(separator: ",")
            aliases[String(fields[0])] = index
            aliases[String(fields[1])] = index
        }
        let areas = try BoundaryReader.areas(
            data, display: "reference/boundaries/sicbl_2022_bng.geojson", codeProperty: "SICBL22CD", aliases: aliases, area: "sub-ICB location",
            configKey: "reference.placeBoundaries", projectedAllowed: true, skipUnknown: true)
        #expect(areas.coordinates == .britishNationalGrid)
        #expect(Set(areas.rings.map(\.icb)).count == 104)
        #expect(areas.unknownCodes.sorted() == ["E38000246", "E38000248"])
        let first = try #require(areas.rings.first?.points.split(separator: " ").first?.split(separator: ",").compactMap { Double($0) })
        #expect(first.count == 2 && first[0] > 100_000 && first[1] > 100_000, "metres, as in the file: \(first)")
        // The same file as ICS outlines is refused with the reason.
        let refused = failure(data, property: "SICBL22CD")
        #expect(refused.contains("$.crs: in British National Grid metres (EPSG:27700)"), "\(refused)")
        // A position outside the grid is named by its JSON path.
        let outside = Data(
            #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[{"type":"Feature","properties":{"SICBL22CD":"00L"},"geometry":{"type":"Polygon","coordinates":[[[-1.9,52.4],[1,2],[3,4],[-1.9,52.4]]]}}]}"#
                .utf8)
        do {
            _ = try BoundaryReader.areas(
                outside, display: "p.geojson", codeProperty: "SICBL22CD", aliases: ["00L": 0], area: "sub-ICB location",
                configKey: "reference.placeBoundaries", projectedAllowed: true, skipUnknown: true)
            Issue.record("a longitude in a grid file was read")
        } catch {
            #expect("\(error)".contains("$.features[0].geometry.coordinates[0][0]: not a British National Grid easting and northing"), "\(error)")
        }
    }
}

public import Foundation
import PipelineCore

/// A temporary folder holding a tiny, hand-checkable world: 2 ICBs, 4 LSOAs, and extracts.
///
/// Each test gets its own folder and database, so tests run in parallel safely.
public final class TestWorkspace {
    public let root: String

    public init() throws {
        root = NSTemporaryDirectory() + "soc-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { if ProcessInfo.processInfo.environment["KEEP_TEST_WORKSPACE"] == nil { try? FileManager.default.removeItem(atPath: root) } }

    public func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// Writes a file (creating folders).
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    /// Writes the tiny reference world. LSOAs: E01000001/2 in QAA (deciles 1 and 10),
    /// E01000003/4 in QBB (deciles 3 and 8). Population 100 per sex × band.
    public func writeTinyReference() throws {
        try write(
            "ref/icbs.csv",
            """
            icb_ods_code,icb_ons_code,icb_ons_code_2023,icb_name,icb_short_name,region_ons_code,region_ods_code,region_name
            QAA,E54000001,E54000001,NHS Alpha Integrated Care Board,Alpha,E40000001,Y01,North
            QBB,E54000002,E54000099,"NHS Beta, Gamma Integrated Care Board","Beta, Gamma",E40000002,Y02,South

            """)
        try write(
            "ref/lsoa_icb.csv",
            """
            lsoa_code,sub_icb_ods_code,sub_icb_ons_code,icb_ods_code,icb_ons_code
            E01000001,01A,E38000001,QAA,E54000001
            E01000002,01A,E38000001,QAA,E54000001
            E01000003,02B,E38000002,QBB,E54000002
            E01000004,02C,E38000003,QBB,E54000002

            """)
        try write("ref/lsoa_imd.csv", "lsoa_code,imd_decile\nE01000001,1\nE01000002,10\nE01000003,3\nE01000004,8\n")
        let weights = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
        try write("ref/esp2013.csv", "age_band,esp2013_weight\n" + AgeBand.all.map { "\($0.label),\(weights[$0.index])" }.joined(separator: "\n") + "\n")
        var population = "lsoa_code,sex,age_band,population\n"
        for lsoa in 1...4 {
            for sex in ["male", "female"] {
                for band in AgeBand.all { population += "E0100000\(lsoa),\(sex),\(band.label),100\n" }
            }
        }
        try write("ref/population.csv", population)
    }

    /// A config over the tiny world with one events and one proportion source.
    public static func tinyConfigJSON(extra: String = "", eventsThreshold: String = "", indicators: String = "[]") -> String {
        """
        {
          "database": "out/test.sqlite",
          "reference": {
            "icb": { "vintage": "test", "icbs": "ref/icbs.csv", "lsoaLookup": "ref/lsoa_icb.csv" },
            "imd": { "vintage": "2019", "lsoaDeciles": "ref/lsoa_imd.csv" },
            "standardPopulation": { "name": "ESP2013", "file": "ref/esp2013.csv" }
          },
          "ingest": { "rejectThreshold": 0.5 \(extra) },
          "sources": [
            { "name": "population", "kind": "population", "vintage": "test", "files": "ref/population.csv" },
            { "name": "admissions", "kind": "events", "files": "extracts/{icb}/admissions.csv" \(eventsThreshold) },
            { "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }
          ],
          "indicators": \(indicators)
        }
        """
    }

    /// A Fingertips-shaped export of values without counts over the tiny world: England's own row, then QAA's
    /// and QBB's, and rows a check sets aside (docs/DATA.md, "Values without counts").
    public static let tinyPublishedValues = """
        Area Code,Area Type,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Value note
        E92000001,England,2023/24,50.0,49.0,51.0,48.5,51.5,
        QAA,ICBs,2023/24,58.0,54.0,62.0,,,
        QBB,ICBs,2023/24,45.5,44.0,47.0,43.0,48.0,
        E92000001,England,2024/25,50.0,49.0,51.0,48.5,51.5,
        QAA,ICBs,2024/25,60.0,55.0,65.0,52.0,68.0,
        QBB,ICBs,2024/25,,,,,,Value suppressed for disclosure control reasons
        QAA,ICBs,2022/23,about 40,,,,,
        QBB,ICBs,2022/23,40.0,41.0,45.0,,,
        QAA,Sub-ICBs,2024/25,1.0,0.5,1.5,,,

        """

    /// The tiny world with a source of values published without counts (`values.csv`, by default
    /// ``tinyPublishedValues``) and one indicator of it, `PUB`; returns the config path.
    @discardableResult
    public func writeTinyValueWorld(values: String = TestWorkspace.tinyPublishedValues, indicatorExtra: String = "", sourceExtra: String = "") throws
        -> String
    {
        try writeTinyReference()
        try write("values.csv", values)
        try write(
            "pipeline.json",
            Self.valueWorldConfig(
                source: """
                    { "name": "published", "kind": "value", "grain": "icb", "files": "values.csv", "where": {"Area Type": ["ICBs", "England"]},
                      "englandRows": {"Area Type": ["England"]}, "suppressedWhen": {"Value note": ["Value suppressed for disclosure control reasons"]},
                      "columns": {"icb": "Area Code", "period": "Time period"} \(sourceExtra) }
                    """,
                indicator: """
                    { "id": "PUB", "title": "Published share", "source": "published", "method": "proportion", "multiplier": 100, "unit": "%",
                      "polarity": "higher_is_better" \(indicatorExtra) }
                    """))
        return path("pipeline.json")
    }

    /// A config of the tiny reference files, the population and one source of values without counts (`source`,
    /// its JSON object) with one indicator of it (`indicator`): the value worlds' common frame.
    static func valueWorldConfig(source: String, indicator: String) -> String {
        """
        {
          "database": "out/test.sqlite",
          "reference": {
            "icb": { "vintage": "test", "icbs": "ref/icbs.csv", "lsoaLookup": "ref/lsoa_icb.csv" },
            "imd": { "vintage": "2019", "lsoaDeciles": "ref/lsoa_imd.csv" },
            "standardPopulation": { "name": "ESP2013", "file": "ref/esp2013.csv" }
          },
          "ingest": { "rejectThreshold": 0.5, "requireFullCoverage": true },
          "sources": [
            { "name": "population", "kind": "population", "vintage": "test", "files": "ref/population.csv" },
        \(source)
          ],
          "indicators": [
        \(indicator)
          ]
        }
        """
    }

    /// A world of twenty LSOAs, each ICB with one in each national decile — QAA's LSOAs 1–10 in deciles 1–10, QBB's
    /// 11–20 in deciles 1–10 — LSOA `i` with 1,000 × `i` people per sex and age band (38,000 × `i` in all), and a source of values
    /// published without counts by ICB × decile (`values.csv`: `Category` the decile, 1 = most deprived, empty for
    /// the value over all deciles), with one indicator of it, `DEC`; returns the config path (docs/DATA.md,
    /// "Values without counts").
    @discardableResult
    public func writeDecileValueWorld(values: String, indicatorExtra: String = "", sourceExtra: String = "") throws -> String {
        try writeTinyReference()
        var lookup = "lsoa_code,sub_icb_ods_code,sub_icb_ons_code,icb_ods_code,icb_ons_code\n"
        var deciles = "lsoa_code,imd_decile\n"
        var population = "lsoa_code,sex,age_band,population\n"
        for lsoa in 1...20 {
            let code = String(format: "E010000%02d", lsoa)
            let (icb, decile) = Self.decileWorldLsoa(lsoa)
            lookup += icb == "QAA" ? "\(code),01A,E38000001,QAA,E54000001\n" : "\(code),02B,E38000002,QBB,E54000002\n"
            deciles += "\(code),\(decile)\n"
            for sex in ["male", "female"] {
                for band in AgeBand.all { population += "\(code),\(sex),\(band.label),\(1000 * lsoa)\n" }
            }
        }
        try write("ref/lsoa_icb.csv", lookup)
        try write("ref/lsoa_imd.csv", deciles)
        try write("ref/population.csv", population)
        try write("values.csv", values)
        try write(
            "pipeline.json",
            Self.valueWorldConfig(
                source: """
                    { "name": "bydecile", "kind": "value", "grain": "icb-imd-decile", "decileOrder": "1-most-deprived", "files": "values.csv",
                      "englandRows": {"Area Type": ["England"]}, "columns": {"icb": "Area Code", "imdDecile": "Category", "period": "Time period"}
                      \(sourceExtra) }
                    """,
                indicator: """
                    { "id": "DEC", "title": "Published share by decile", "source": "bydecile", "method": "proportion", "multiplier": 100, "unit": "%",
                      "polarity": "higher_is_better" \(indicatorExtra) }
                    """))
        return path("pipeline.json")
    }

    /// The ICB and national decile of LSOA `i` (1…20) of ``writeDecileValueWorld(values:indicatorExtra:sourceExtra:)``.
    public static func decileWorldLsoa(_ lsoa: Int) -> (icb: String, decile: Int) {
        lsoa <= 10 ? ("QAA", lsoa) : ("QBB", lsoa - 10)
    }

    /// Writes the config and valid extracts for both ICBs; returns the config path.
    @discardableResult
    public func writeTinyWorld(admissionsQAA: String? = nil, indicators: String = "[]") throws -> String {
        try writeTinyReference()
        try write(
            "extracts/QAA/admissions.csv",
            admissionsQAA ?? """
                lsoa_code,period,sex,age_band,events
                E01000001,2025-03,male,0-4,5
                E01000001,2025-03,female,90+,7
                E01000002,2025-03,male,50-54,3

                """)
        try write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,4\nE01000004,2025-03,male,65-69,6\n")
        try write("extracts/QAA/waits.csv", "lsoa_code,period,sex,age_band,numerator,denominator\nE01000001,2025-03,male,40-44,8,10\n")
        try write("extracts/QBB/waits.csv", "lsoa_code,period,sex,age_band,numerator,denominator\nE01000003,2025-03,female,40-44,3,4\n")
        try write("pipeline.json", Self.tinyConfigJSON(indicators: indicators))
        return path("pipeline.json")
    }
}

/// Paths in the repository, found from this file's location (not bundle resources).
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }
}

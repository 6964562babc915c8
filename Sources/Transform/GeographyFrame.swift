import GRDB
import PipelineCore

/// England, its NHS regions and its ICBs, from the ingest checkpoint's `ref_icb`.
struct GeographyFrame {
    struct Area {
        var level: GeographyLevel
        var code: String
        var name: String
        var icbs: [Int]
    }

    let icbCodes: [String]
    let areas: [Area]

    init(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT icb_ods_code, icb_name, region_ons_code, region_name FROM ref_icb ORDER BY icb_ods_code")
        guard !rows.isEmpty else {
            throw PipelineError(.inputMissing, "the ingest checkpoint has no ICB reference table", hint: "run `soc-pipeline run --stage ingest`")
        }
        icbCodes = rows.map { $0["icb_ods_code"] }
        var areas = [Area(level: .england, code: GeographyLevel.englandCode, name: "England", icbs: Array(rows.indices))]
        var regions: [String: (name: String, icbs: [Int])] = [:]
        for (index, row) in rows.enumerated() {
            let code: String = row["region_ons_code"]
            regions[code, default: (row["region_name"], [])].icbs.append(index)
        }
        for code in regions.keys.sorted() {
            areas.append(Area(level: .region, code: code, name: regions[code]!.name, icbs: regions[code]!.icbs))
        }
        for (index, row) in rows.enumerated() {
            areas.append(Area(level: .icb, code: row["icb_ods_code"], name: row["icb_name"], icbs: [index]))
        }
        self.areas = areas
    }
}

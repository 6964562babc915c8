import Checkpoints
import GRDB
import PipelineCore

/// England, its NHS regions, its ICBs and their places (sub-ICB locations), from the ingest checkpoint's
/// `ref_icb` and `ref_sub_icb`, over the cube's count units (docs/DATA.md, "Places").
///
/// A count unit is a sub-ICB location, or an ICB's "whole ICB" unit holding the counts that arrive
/// with no finer geography (ICB- and provider-grain sources, ICB-level populations). An area is the
/// units it adds up.
struct GeographyFrame {
    struct Area {
        var level: GeographyLevel
        var code: String
        var name: String
        var units: [Int]
    }

    /// Every unit's code: the sub-ICB locations, then each ICB's own ODS code for its whole-ICB unit.
    let unitCodes: [String]
    /// England, the regions and the ICBs.
    let areas: [Area]
    /// One area per sub-ICB location.
    let places: [Area]

    init(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT icb_ods_code, icb_name, region_ons_code, region_name FROM ref_icb ORDER BY icb_ods_code")
        guard !rows.isEmpty else {
            throw PipelineError(.inputMissing, "the ingest checkpoint has no ICB reference table", hint: "run `soc-pipeline run --stage ingest`")
        }
        let subs = try Row.fetchAll(db, sql: "SELECT sub_icb_code, place_name, icb_ods_code FROM ref_sub_icb ORDER BY icb_ods_code, sub_icb_code")
        let icbCodes: [String] = rows.map { $0["icb_ods_code"] }
        unitCodes = subs.map { $0["sub_icb_code"] } + icbCodes
        var unitsOfIcb: [String: [Int]] = [:]
        for (index, sub) in subs.enumerated() { unitsOfIcb[sub["icb_ods_code"], default: []].append(index) }
        for (index, code) in icbCodes.enumerated() { unitsOfIcb[code, default: []].append(subs.count + index) }

        var areas = [Area(level: .england, code: GeographyLevel.englandCode, name: "England", units: Array(unitCodes.indices))]
        var regions: [String: (name: String, units: [Int])] = [:]
        for row in rows {
            let code: String = row["region_ons_code"]
            regions[code, default: (row["region_name"], [])].units += unitsOfIcb[row["icb_ods_code"]] ?? []
        }
        for code in regions.keys.sorted() {
            areas.append(Area(level: .region, code: code, name: regions[code]!.name, units: regions[code]!.units.sorted()))
        }
        for row in rows {
            areas.append(Area(level: .icb, code: row["icb_ods_code"], name: row["icb_name"], units: unitsOfIcb[row["icb_ods_code"]] ?? []))
        }
        self.areas = areas
        places = subs.enumerated().map { index, sub in Area(level: .place, code: sub["sub_icb_code"], name: sub["place_name"], units: [index]) }
    }
}

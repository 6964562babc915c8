import Checkpoints
import GRDB
import PipelineCore

/// England, its NHS regions, its ICBs and their places (sub-ICB locations), from the ingest checkpoint's
/// `ref_icb` and `ref_sub_icb`, over the cube's count units (docs/DATA.md, "Places").
///
/// A count unit is a sub-ICB location, or an ICB's "whole ICB" unit holding the counts that arrive
/// with no finer geography (ICB- and provider-grain sources, ICB-level populations), or — last — the unit
/// of England's counts in no ICS (an unknown ICB, a provider the attribution does not name; docs/DATA.md,
/// "Unknown places in the totals"), which only England adds up. An area is the units it adds up.
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
    /// The unit of England's counts in no ICS.
    static let notInAnIcs = "(not in an ICS)"
    var notInAnIcsUnit: Int { unitCodes.count - 1 }

    init(_ db: Database) throws {
        let icbs = try ReferenceIcb.fetchAll(db, orderedBy: [.odsCode])
        guard !icbs.isEmpty else {
            throw PipelineError(.inputMissing, "the ingest checkpoint has no ICB reference table", hint: "run `soc-pipeline run --stage ingest`")
        }
        let subs = try ReferenceSubIcb.fetchAll(db, orderedBy: [.icbOdsCode, .code])
        unitCodes = subs.map(\.code) + icbs.map(\.odsCode) + [Self.notInAnIcs]
        var unitsOfIcb: [String: [Int]] = [:]
        for (index, sub) in subs.enumerated() { unitsOfIcb[sub.icbOdsCode, default: []].append(index) }
        for (index, icb) in icbs.enumerated() { unitsOfIcb[icb.odsCode, default: []].append(subs.count + index) }

        var areas = [Area(level: .england, code: GeographyLevel.englandCode, name: "England", units: Array(unitCodes.indices))]
        var regions: [String: (name: String, units: [Int])] = [:]
        for icb in icbs {
            regions[icb.regionOnsCode, default: (icb.regionName, [])].units += unitsOfIcb[icb.odsCode] ?? []
        }
        for code in regions.keys.sorted() {
            areas.append(Area(level: .region, code: code, name: regions[code]!.name, units: regions[code]!.units.sorted()))
        }
        for icb in icbs {
            areas.append(Area(level: .icb, code: icb.odsCode, name: icb.name, units: unitsOfIcb[icb.odsCode] ?? []))
        }
        self.areas = areas
        places = subs.enumerated().map { index, sub in Area(level: .place, code: sub.code, name: sub.placeName, units: [index]) }
    }
}

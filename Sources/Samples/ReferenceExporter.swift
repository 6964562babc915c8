import Foundation
import Ingest
import PipelineCore

/// Writes the benchmark layout's `reference/` folder: population, LSOA → ICB, LSOA → IMD decile, ESP2013
/// (and `icbs.csv`, the ICB names and regions).
enum ReferenceExporter {
    static func export(config: PipelineConfig, reference: ReferenceTables, populationFile: String, into directory: String) throws {
        let folder = (directory as NSString).appendingPathComponent("reference")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)), options: .atomic)
        }
        let population = (folder as NSString).appendingPathComponent("population.csv")
        try? FileManager.default.removeItem(atPath: population)
        try FileManager.default.copyItem(atPath: populationFile, toPath: population)
        var lookup = "lsoa_code,icb_ods_code,icb_ons_code\n"
        var imd = "lsoa_code,imd_decile\n"
        for (index, code) in reference.lsoas.codes.enumerated() {
            let icb = reference.icbs[Int(reference.subIcbToIcb[Int(reference.lsoaSubIcb[index])])]
            lookup += "\(code),\(icb.odsCode),\(icb.onsCode)\n"
            imd += "\(code),\(reference.lsoaDecile[index])\n"
        }
        try write("lsoa_icb.csv", lookup)
        try write("lsoa_imd.csv", imd)
        try write(
            "esp2013.csv",
            "age_band,esp2013_weight\n" + AgeBand.all.map { "\($0.label),\(Int(reference.standardWeights[$0.index]))" }.joined(separator: "\n") + "\n")
        var icbs = "icb_ods_code,icb_ons_code,icb_name,icb_short_name,region_ons_code,region_ods_code,region_name\n"
        for icb in reference.icbs {
            icbs +=
                [icb.odsCode, icb.onsCode, icb.name, icb.shortName, icb.regionOnsCode, icb.regionOdsCode, icb.regionName]
                .map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        try write("icbs.csv", icbs)
    }
}

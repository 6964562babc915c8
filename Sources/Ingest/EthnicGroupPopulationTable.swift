import Foundation
import PipelineCore

/// Usual residents by ICB and NHS ethnic category, read from Census 2021 table TS021 by LSOA
/// (`reference.ethnicGroupPopulation`; docs/DATA.md, "Rates by ethnic group"). Each LSOA's nineteen census groups
/// are read onto the NHS's categories (``CensusEthnicGroup``) and added to the ICB the LSOA lookup puts it in.
///
/// Nothing is left to chance: an English LSOA the lookup does not know (another vintage) is refused, as is a
/// lookup LSOA the file lacks (an ICB's population would be short); rows outside England (Welsh LSOAs in ONS's
/// England and Wales file) are counted and left out, and said so in ingest's notes.
struct EthnicGroupPopulationTable {
    /// ICB index → category → usual residents.
    private(set) var byIcb: [Int: [EthnicGroup: Double]] = [:]
    /// ICB index → LSOAs read.
    private(set) var areas: [Int: Int] = [:]
    /// Rows of areas outside England, left out.
    private(set) var outsideEngland = 0

    var isEmpty: Bool { byIcb.isEmpty }

    init() {}

    init(rows: [CSVTableReader.Row], reference: EthnicGroupPopulationReference, lsoas: LsoaIndex, icbOfLsoa: (Int) -> Int) throws {
        var seen = [Bool](repeating: false, count: lsoas.count)
        var unknown: [String] = []
        for row in rows {
            let code = (row[reference.areaColumn] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            let dense = Array(code.utf8).withUnsafeBytes { lsoas.index(of: $0) }
            guard dense >= 0 else {
                if code.hasPrefix("E") { unknown.append(code) } else { outsideEngland += 1 }
                continue
            }
            guard !seen[Int(dense)] else {
                throw PipelineError(
                    .dataQuality, "reference.ethnicGroupPopulation: LSOA \(code) is listed twice", at: InputLocation(file: reference.file, line: row.line))
            }
            seen[Int(dense)] = true
            let icb = icbOfLsoa(Int(dense))
            var sum = 0.0
            for (heading, category) in CensusEthnicGroup.columns {
                let field = (row[heading] ?? "").trimmingCharacters(in: .whitespaces)
                guard let people = Int(field), people >= 0 else {
                    throw PipelineError(
                        .dataQuality, "reference.ethnicGroupPopulation: column '\(heading)' must be a whole number of people",
                        at: InputLocation(file: reference.file, line: row.line), hint: "use ONS's TS021 counts as published (not percentages)")
                }
                byIcb[icb, default: [:]][category, default: 0] += Double(people)
                sum += Double(people)
            }
            if let total = row[CensusEthnicGroup.total].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), total != sum {
                throw PipelineError(
                    .dataQuality, "reference.ethnicGroupPopulation: LSOA \(code)'s nineteen groups do not add up to '\(CensusEthnicGroup.total)'",
                    at: InputLocation(file: reference.file, line: row.line),
                    hint: "the file must give every detailed group of TS021 (a table of broad groups only cannot be read onto the NHS's categories)")
            }
            areas[icb, default: 0] += 1
        }
        if !unknown.isEmpty {
            throw PipelineError(
                .dataQuality,
                "reference.ethnicGroupPopulation: \(unknown.count) English areas are not in the LSOA lookup (\(unknown.prefix(3).joined(separator: ", "))\(unknown.count > 3 ? ", …" : ""))",
                at: InputLocation(file: reference.file),
                hint: "Census 2021 tables are on 2021 LSOAs: use a lookup of 2021 LSOAs (reference.icb.lsoaLookup), and the table by LSOA")
        }
        let missing = seen.indices.filter { !seen[$0] }
        if !missing.isEmpty {
            throw PipelineError(
                .dataQuality,
                "reference.ethnicGroupPopulation: \(missing.count) LSOAs of the lookup are not in the file (\(missing.prefix(3).map { lsoas.codes[$0] }.joined(separator: ", "))\(missing.count > 3 ? ", …" : "")): their ICBs' populations would be short",
                at: InputLocation(file: reference.file), hint: "use the table for every LSOA in England (ONS publishes England and Wales together)")
        }
    }
}

import Checkpoints
import Foundation
public import PipelineCore

/// One configured reference file: what it is, and the columns it must and may have.
public struct ReferenceFile: Sendable {
    public var kind: ReferenceKind
    public var vintage: String
    /// As written in `pipeline.json` (relative to its folder).
    public var path: String
    public var required: [String]
    public var optional: [String]
    /// A CSV table, unless this is the GeoJSON of the map's boundaries.
    public var isGeoJSON = false
    /// For a file with no header row, its first columns' names (ODS's `succ.csv`).
    public var positional: [String]? = nil
    /// The year its name gives where the configured path has `{year}` (need weights by allocation year).
    public var year: Int? = nil
}

/// Loads and checks the configured reference files into ``ReferenceTables``.
public enum ReferenceLoader {
    /// The reference files, in the order they are read (and hashed into the ingest fingerprint).
    public static func files(_ config: PipelineConfig) -> [ReferenceFile] {
        let reference = config.reference
        return [
            ReferenceFile(
                kind: .icb, vintage: reference.icb.vintage, path: reference.icb.icbs,
                required: ["icb_ods_code", "icb_ons_code", "icb_name", "region_ons_code", "region_ods_code", "region_name"],
                optional: ["icb_short_name", "icb_ons_code_2023"]),
            ReferenceFile(
                kind: .lsoaIcb, vintage: reference.icb.vintage, path: reference.icb.lsoaLookup,
                required: ["lsoa_code"], optional: ["sub_icb_ods_code", "sub_icb_ons_code", "icb_ods_code", "icb_ons_code"]),
            ReferenceFile(
                kind: .imd, vintage: reference.imd.vintage, path: reference.imd.lsoaDeciles,
                required: ["lsoa_code", "imd_decile"], optional: []),
            ReferenceFile(
                kind: .standardPopulation, vintage: reference.standardPopulation.name, path: reference.standardPopulation.file,
                required: ["age_band"], optional: ["esp2013_weight", "weight"]),
        ]
            + reference.lsoaConversions.map { conversion in
                ReferenceFile(
                    kind: .lsoaConversion, vintage: "\(conversion.from.rawValue) to \(reference.lsoaVintage?.rawValue ?? "basis")",
                    path: conversion.file, required: ["from_code", "to_code", "share"], optional: ["change_code"])
            }
            + (reference.imd.icbSummary.map { summary in
                [
                    ReferenceFile(
                        kind: .imdIcbSummary, vintage: reference.imd.vintage, path: summary,
                        required: ["icb_code", "imd_average_score", "imd_rank_of_average_score"], optional: [])
                ]
            } ?? [])
            + config.sources.flatMap { source in
                source.attribution.map { attribution in
                    [
                        ReferenceFile(
                            kind: .attribution, vintage: attribution.vintage ?? "\(source.name) weights", path: attribution.file,
                            required: [attribution.providerColumn, attribution.icbColumn]
                                + (source.grain.profile.wholeToOneIcb ? [] : [attribution.shareColumn]) + (attribution.placeColumn.map { [$0] } ?? []),
                            optional: [])
                    ]
                        + (attribution.successors.map { successors in
                            let columns = [successors.predecessorColumn, successors.successorColumn]
                            return [
                                ReferenceFile(
                                    kind: .providerSuccessors, vintage: successors.vintage ?? "\(source.name) successors", path: successors.file,
                                    required: columns, optional: [], positional: successors.headerless ? columns : nil)
                            ]
                        } ?? [])
                } ?? []
            }
            + config.sources.compactMap { source in
                source.practiceDeprivation.map { scores in
                    ReferenceFile(
                        kind: .practiceDeprivation, vintage: scores.vintage ?? "\(source.name) practice deprivation", path: scores.file,
                        required: [scores.practiceColumn, scores.scoreColumn] + scores.rowFilter.keys.sorted(), optional: [])
                }
            }
            + (reference.needWeights.map { weights in
                let required = [weights.practiceColumn, weights.icbColumn] + weights.components.values.sorted()
                // One file per allocation year where the path names `{year}`; none found leaves the pattern
                // itself, which then fails as a missing file naming it.
                let byYear =
                    weights.file.contains("{year}")
                    ? ((try? FileDiscovery.files(matching: weights.file, base: config.baseDirectory)) ?? []) : []
                guard !byYear.isEmpty else {
                    return [ReferenceFile(kind: .needWeights, vintage: weights.vintage, path: weights.file, required: required, optional: [])]
                }
                return byYear.map { file in
                    ReferenceFile(
                        kind: .needWeights, vintage: weights.vintage, path: file.displayPath, required: required, optional: [], year: file.year)
                }
            } ?? [])
            + (reference.ethnicGroupPopulation.map { census in
                [
                    ReferenceFile(
                        kind: .ethnicGroupPopulation, vintage: census.vintage, path: census.file,
                        required: [census.areaColumn] + CensusEthnicGroup.columns.map(\.heading), optional: [CensusEthnicGroup.total])
                ]
            } ?? [])
            + (reference.boundaries.map { boundaries in
                [
                    ReferenceFile(
                        kind: .boundaries, vintage: boundaries.vintage, path: boundaries.file, required: [boundaries.codeProperty], optional: [],
                        isGeoJSON: true)
                ]
            } ?? [])
            + (reference.icb.subIcbs.map { names in
                [
                    ReferenceFile(
                        kind: .subIcb, vintage: reference.icb.vintage, path: names, required: ["sub_icb_ods_code"],
                        optional: ["sub_icb_ons_code", "sub_icb_name", "place_name", "icb_ods_code"])
                ]
            } ?? [])
    }

    public static func load(_ config: PipelineConfig) throws -> ReferenceTables {
        let reference = config.reference
        var hashes: [(kind: ReferenceKind, vintage: String, file: String, sha256: String)] = []
        func open(_ file: ReferenceFile) throws -> [CSVTableReader.Row] {
            let resolved = config.resolve(file.path)
            guard FileManager.default.isReadableFile(atPath: resolved) else {
                throw PipelineError(.inputMissing, "reference file missing or unreadable", at: InputLocation(file: file.path))
            }
            let (rows, sha) = try CSVTableReader.read(
                path: resolved, displayPath: file.path, required: file.required, optional: file.optional, positional: file.positional)
            hashes.append((kind: file.kind, vintage: file.vintage, file: file.path, sha256: sha))
            return rows
        }
        let files = Self.files(config)

        // ICBs of the vintage, with every accepted code form.
        let icbRows = try open(files[0])
        var icbs: [ReferenceTables.Icb] = []
        var aliases: [String: Int] = [:]
        for row in icbRows {
            let icb = ReferenceTables.Icb(
                odsCode: row["icb_ods_code"]!.uppercased(), onsCode: row["icb_ons_code"]!.uppercased(),
                name: row["icb_name"]!, shortName: row["icb_short_name"].flatMap { $0.isEmpty ? nil : $0 } ?? row["icb_name"]!,
                regionOnsCode: row["region_ons_code"]!, regionOdsCode: row["region_ods_code"]!, regionName: row["region_name"]!)
            let index = icbs.count
            for code in [icb.odsCode, icb.onsCode, row["icb_ons_code_2023"]?.uppercased() ?? ""] where !code.isEmpty {
                if let other = aliases[code], other != index {
                    throw PipelineError(.dataQuality, "ICB code \(code) is listed twice", at: InputLocation(file: reference.icb.icbs, line: row.line))
                }
                aliases[code] = index
            }
            icbs.append(icb)
        }
        guard !icbs.isEmpty else {
            throw PipelineError(.dataQuality, "no ICBs listed", at: InputLocation(file: reference.icb.icbs))
        }

        // LSOA → sub-ICB → ICB.
        let lookupRows = try open(files[1])
        var lsoas = LsoaIndex()
        var subIcbCodes: [String] = []
        var subIcbIndex: [String: Int32] = [:]
        var subIcbToIcb: [Int32] = []
        var subIcbAliases: [String: Int] = [:]
        var lsoaSubIcb: [Int32] = []
        for row in lookupRows {
            let location = InputLocation(file: reference.icb.lsoaLookup, line: row.line)
            let code = row["lsoa_code"]!.uppercased()
            guard let icbCode = row["icb_ods_code"] ?? row["icb_ons_code"], let icb = aliases[icbCode.uppercased()] else {
                throw PipelineError(.dataQuality, "LSOA \(code) maps to an ICB that is not in \(reference.icb.icbs)", at: location)
            }
            let subCode = row["sub_icb_ods_code"].flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? icbs[icb].odsCode
            let sub: Int32
            if let existing = subIcbIndex[subCode] {
                guard subIcbToIcb[Int(existing)] == Int32(icb) else {
                    throw PipelineError(.dataQuality, "sub-ICB \(subCode) appears under two ICBs", at: location)
                }
                sub = existing
            } else {
                sub = Int32(subIcbCodes.count)
                subIcbIndex[subCode] = sub
                subIcbCodes.append(subCode)
                subIcbToIcb.append(Int32(icb))
            }
            if let ons = row["sub_icb_ons_code"].flatMap({ $0.isEmpty ? nil : $0.uppercased() }) { subIcbAliases[ons] = Int(sub) }
            subIcbAliases[subCode] = Int(sub)
            let dense = lsoas.insert(code)
            guard Int(dense) == lsoaSubIcb.count else {
                throw PipelineError(.dataQuality, "LSOA \(code) is listed twice", at: location)
            }
            lsoaSubIcb.append(sub)
        }
        // "Whole ICB" pseudo sub-ICBs for pre-aggregated extracts.
        for (index, icb) in icbs.enumerated() {
            subIcbCodes.append(icb.odsCode)
            subIcbToIcb.append(Int32(index))
        }

        // IMD deciles.
        let imdRows = try open(files[2])
        var lsoaDecile = [UInt8](repeating: 0, count: lsoas.count)
        for row in imdRows {
            let code = Array(row["lsoa_code"]!.uppercased().utf8)
            let dense = code.withUnsafeBytes { lsoas.index(of: $0) }
            guard let decile = Int(row["imd_decile"]!), (1...10).contains(decile) else {
                throw PipelineError(
                    .dataQuality, "IMD decile must be 1 to 10",
                    at: InputLocation(file: reference.imd.lsoaDeciles, line: row.line, column: 2))
            }
            if dense >= 0 { lsoaDecile[Int(dense)] = UInt8(decile) }
        }
        if let missing = lsoaDecile.firstIndex(of: 0) {
            throw PipelineError(
                .dataQuality, "LSOA \(lsoas.codes[missing]) of the ICB lookup has no IMD decile",
                at: InputLocation(file: reference.imd.lsoaDeciles),
                hint: "the ICB lookup and the IMD file must use the same LSOA vintage")
        }

        // Standard population.
        let espRows = try open(files[3])
        var weights = [Double](repeating: .nan, count: AgeBand.count)
        for row in espRows {
            let location = InputLocation(file: reference.standardPopulation.file, line: row.line)
            guard let band = AgeBand(label: row["age_band"]!), row["age_band"]!.contains("-") || row["age_band"]!.contains("+") else {
                throw PipelineError(.dataQuality, "unknown age band (expected one of the 19 ESP2013 bands)", at: location)
            }
            guard let weight = Double(row["esp2013_weight"] ?? row["weight"] ?? ""), weight >= 0 else {
                throw PipelineError(.dataQuality, "weight must be a non-negative number", at: location)
            }
            weights[band.index] = weight
        }
        if let missing = weights.firstIndex(where: \.isNaN) {
            throw PipelineError(
                .dataQuality, "standard population lacks band \(AgeBand(index: missing).label)",
                at: InputLocation(file: reference.standardPopulation.file))
        }

        var conversions: [LsoaVintage: LsoaConversion] = [:]
        for (index, conversion) in reference.lsoaConversions.enumerated() {
            conversions[conversion.from] = try Self.conversion(conversion, rows: try open(files[4 + index]), basis: lsoas)
        }

        var attributions: [String: AttributionTable] = [:]
        var position = 4 + reference.lsoaConversions.count
        var icbDeprivation: [Int: (score: Double, rank: Int)] = [:]
        if let summary = reference.imd.icbSummary {
            for row in try open(files[position]) {
                let location = InputLocation(file: summary, line: row.line)
                guard let icb = aliases[row["icb_code"]!.uppercased()] else {
                    throw PipelineError(.dataQuality, "ICB \(row["icb_code"]!) is not in the reference ICB list", at: location)
                }
                guard let score = Double(row["imd_average_score"]!), let rank = Int(row["imd_rank_of_average_score"]!) else {
                    throw PipelineError(.dataQuality, "the average score must be a number and its rank a whole number", at: location)
                }
                icbDeprivation[icb] = (score, rank)
            }
            position += 1
        }
        for source in config.sources {
            guard let attribution = source.attribution else { continue }
            attributions[source.name] = try Self.attribution(
                attribution, rows: try open(files[position]), icbs: aliases, whole: source.grain.profile.wholeToOneIcb,
                places: (aliases: subIcbAliases, icbOf: subIcbToIcb, codes: subIcbCodes))
            position += 1
            if let successors = attribution.successors {
                try attributions[source.name]!.readSuccessors(try open(files[position]), config: successors)
                position += 1
            }
        }
        var practiceDeciles: [String: [String: Int]] = [:]
        for source in config.sources {
            guard let scores = source.practiceDeprivation else { continue }
            practiceDeciles[source.name] = try Self.practiceDeciles(scores, rows: try open(files[position]))
            position += 1
        }
        var needPopulations: [String: [Int: [Int: (population: Double, practices: Int)]]] = [:]
        if let weights = reference.needWeights {
            let yearFiles = files.filter { $0.kind == .needWeights }
            for file in yearFiles {
                let year = file.year ?? NeedAllocationYear.everyPeriod
                if weights.file.contains("{year}"), file.year == nil || yearFiles.filter({ $0.year == file.year }).count > 1 {
                    throw PipelineError(
                        .usage,
                        "reference.needWeights.file: \(file.year == nil ? "no file matches '\(weights.file)'" : "two files give the allocation year \(NeedAllocationYear.label(year))")",
                        at: InputLocation(file: file.path),
                        hint: "{year} stands for the first year of each allocation's financial year (2023 for 2023/24), one file per year")
                }
                for (component, byIcb) in try Self.needPopulations(weights, rows: try open(file), file: file.path, icbs: aliases) {
                    needPopulations[component, default: [:]][year] = byIcb
                }
            }
            // One vintage row for the weights, whatever the number of years: the hash of every year's file.
            let yearHashes = hashes.filter { $0.kind == .needWeights }
            if yearHashes.count > 1 {
                hashes.removeAll { $0.kind == .needWeights }
                hashes.append(
                    (
                        kind: .needWeights, vintage: weights.vintage, file: weights.file,
                        sha256: Fingerprint.combine(yearHashes.map { ($0.file, $0.sha256) })
                    ))
            }
        }
        var ethnicGroupPopulation = EthnicGroupPopulationTable()
        if let census = reference.ethnicGroupPopulation, let file = files.first(where: { $0.kind == .ethnicGroupPopulation }) {
            ethnicGroupPopulation = try EthnicGroupPopulationTable(
                rows: try open(file), reference: census, lsoas: lsoas, icbOfLsoa: { Int(subIcbToIcb[Int(lsoaSubIcb[$0])]) })
        }
        var boundaries: [BoundaryReader.Ring] = []
        if let configured = reference.boundaries {
            let resolved = config.resolve(configured.file)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw PipelineError(.inputMissing, "boundary file missing or unreadable", at: InputLocation(file: configured.file))
            }
            boundaries = try BoundaryReader.read(data, display: configured.file, codeProperty: configured.codeProperty, aliases: aliases)
            hashes.append((kind: .boundaries, vintage: configured.vintage, file: configured.file, sha256: Fingerprint.sha256(data)))
        }

        var placeBoundaries = BoundaryReader.Areas()
        if let configured = reference.placeBoundaries {
            let resolved = config.resolve(configured.file)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw PipelineError(.inputMissing, "place boundary file missing or unreadable", at: InputLocation(file: configured.file))
            }
            // A boundary set of another footprint names a few places the list does not hold: they are said
            // in the ingest notes, not a reason to refuse the rest.
            placeBoundaries = try BoundaryReader.areas(
                data, display: configured.file, codeProperty: configured.codeProperty, aliases: subIcbAliases, area: "sub-ICB location",
                configKey: "reference.placeBoundaries", projectedAllowed: true, skipUnknown: true)
            hashes.append((kind: .placeBoundaries, vintage: configured.vintage, file: configured.file, sha256: Fingerprint.sha256(data)))
        }

        var places: [String: ReferenceTables.Place] = [:]
        if let names = reference.icb.subIcbs, let file = files.first(where: { $0.kind == .subIcb }) {
            places = try Self.places(try open(file), display: names, subIcbs: subIcbIndex, subIcbToIcb: subIcbToIcb, icbs: icbs)
        }

        var tables = ReferenceTables(
            icbs: icbs, subIcbCodes: subIcbCodes, subIcbToIcb: subIcbToIcb, icbAliases: aliases,
            lsoas: lsoas, lsoaSubIcb: lsoaSubIcb, lsoaDecile: lsoaDecile, standardWeights: weights,
            fileHashes: hashes)
        tables.conversions = conversions
        tables.attributions = attributions
        tables.practiceDeciles = practiceDeciles
        tables.needPopulations = needPopulations
        tables.ethnicGroupPopulation = ethnicGroupPopulation
        tables.subIcbAliases = subIcbAliases
        tables.icbDeprivation = icbDeprivation
        tables.boundaries = boundaries
        tables.placeBoundaries = placeBoundaries
        tables.places = places
        return tables
    }

    /// Reads the names of the sub-ICB locations: every code must be one the LSOA lookup uses, under the
    /// same ICB when the file names one (docs/DATA.md, "Places").
    static func places(
        _ rows: [CSVTableReader.Row], display: String, subIcbs: [String: Int32], subIcbToIcb: [Int32], icbs: [ReferenceTables.Icb]
    ) throws -> [String: ReferenceTables.Place] {
        var places: [String: ReferenceTables.Place] = [:]
        for row in rows {
            let location = InputLocation(file: display, line: row.line)
            let code = row["sub_icb_ods_code"]!.uppercased()
            guard let sub = subIcbs[code] else {
                throw PipelineError(
                    .dataQuality, "sub-ICB location \(code) is not in the LSOA lookup", at: location,
                    hint: "the place names must be of the same ICB vintage as reference.icb.lsoaLookup")
            }
            let icb = icbs[Int(subIcbToIcb[Int(sub)])]
            if let named = row["icb_ods_code"].flatMap({ $0.isEmpty ? nil : $0.uppercased() }), named != icb.odsCode {
                throw PipelineError(
                    .dataQuality, "sub-ICB location \(code) is under \(icb.odsCode) in the LSOA lookup but \(named) here", at: location,
                    hint: "use the place names of the same ICB vintage as reference.icb.lsoaLookup")
            }
            guard places[code] == nil else { throw PipelineError(.dataQuality, "sub-ICB location \(code) is listed twice", at: location) }
            let official = row["sub_icb_name"].flatMap { $0.isEmpty ? nil : $0 } ?? code
            places[code] = ReferenceTables.Place(
                onsCode: row["sub_icb_ons_code"].flatMap { $0.isEmpty ? nil : $0.uppercased() }, officialName: official,
                placeName: row["place_name"].flatMap { $0.isEmpty ? nil : $0 } ?? official)
        }
        return places
    }

    /// Reads a provider → ICB weights file: every ICB must be of the reference (any code form), every
    /// share in [0, 1], and each provider's shares must sum to 1.
    /// `whole`: each provider belongs to one ICB and the file names no share (a GP practice list).
    /// Reads the practices' deprivation scores (the rows the filter keeps, one per practice) and ranks them
    /// into national deciles (docs/DATA.md, "Deprivation of a practice's registered population"). A practice
    /// listed twice, or a score that is not a number, is refused with its line; an empty score leaves the
    /// practice unranked.
    static func practiceDeciles(_ config: PracticeDeprivationReference, rows: [CSVTableReader.Row]) throws -> [String: Int] {
        var scores: [(code: String, score: Double)] = []
        var seen: [String: Int] = [:]
        for row in rows where config.rowFilter.allSatisfy({ $0.value.contains(row[$0.key] ?? "") }) {
            let location = InputLocation(file: config.file, line: row.line)
            let code = row[config.practiceColumn]!.uppercased()
            let text = row[config.scoreColumn]!
            guard !code.isEmpty, !text.isEmpty else { continue }
            guard let score = Double(text), score.isFinite else {
                throw PipelineError(
                    .dataQuality, "the deprivation score of practice \(code) is not a number", at: location,
                    hint: "'\(config.scoreColumn)' must hold each practice's IMD score (a higher score is more deprived)")
            }
            if let earlier = seen[code] {
                throw PipelineError(
                    .dataQuality, "practice \(code) has two deprivation scores (the first on line \(earlier))", at: location,
                    hint: "keep one IMD edition with the practiceDeprivation's \"where\" filter, e.g. {\"Year\": [\"2019\"]}")
            }
            seen[code] = row.line
            scores.append((code, score))
        }
        guard !scores.isEmpty else {
            throw PipelineError(
                .dataQuality, "no practice deprivation scores left after the filter", at: InputLocation(file: config.file),
                hint: "check the practiceDeprivation's \"where\" values against the file")
        }
        return PracticeDeprivationReference.deciles(scores: scores)
    }

    /// Sums each need-weighted component over every ICB's practices (docs/DATA.md, "Access against need"). A
    /// practice listed twice, an ICB outside the footprint or a weight that is not a non-negative number is
    /// refused with its line: a sum that silently lost or doubled a practice would be a wrong denominator.
    static func needPopulations(_ config: NeedWeightsReference, rows: [CSVTableReader.Row], file: String, icbs: [String: Int]) throws
        -> [String: [Int: (population: Double, practices: Int)]]
    {
        var sums: [String: [Int: (population: Double, practices: Int)]] = [:]
        var seen: [String: Int] = [:]
        for row in rows {
            let location = InputLocation(file: file, line: row.line)
            let practice = row[config.practiceColumn]!.uppercased()
            guard !practice.isEmpty else { continue }
            if let earlier = seen[practice] {
                throw PipelineError(.dataQuality, "practice \(practice) is listed twice (first on line \(earlier))", at: location)
            }
            seen[practice] = row.line
            guard let icb = icbs[row[config.icbColumn]!.uppercased()] else {
                throw PipelineError(
                    .dataQuality, "ICB \(row[config.icbColumn]!) of practice \(practice) is not in the reference ICB list", at: location,
                    hint: "the need weights must be of the configured ICB footprint (ODS or ONS codes)")
            }
            for (component, column) in config.components {
                guard let weight = Double(row[column]!), weight.isFinite, weight >= 0 else {
                    throw PipelineError(
                        .dataQuality, "the '\(column)' weight of practice \(practice) is not a non-negative number", at: location,
                        hint: "each component's column must hold every practice's weighted population")
                }
                let known = sums[component, default: [:]][icb] ?? (0, 0)
                sums[component, default: [:]][icb] = (known.population + weight, known.practices + 1)
            }
        }
        return sums
    }

    /// Reads a provider's weights among ICBs, or a GP practice list (`whole`: each practice given to one ICB);
    /// with a place column, each practice's sub-ICB location, which must be one of its ICB's.
    static func attribution(
        _ config: AttributionReference, rows: [CSVTableReader.Row], icbs: [String: Int], whole: Bool = false,
        places: (aliases: [String: Int], icbOf: [Int32], codes: [String]) = ([:], [], [])
    ) throws -> AttributionTable {
        var table = AttributionTable()
        var firstLine: [Int] = []
        for row in rows {
            let location = InputLocation(file: config.file, line: row.line)
            let provider = row[config.providerColumn]!.uppercased()
            let code = row[config.icbColumn]!.uppercased()
            guard let icb = icbs[code] else {
                throw PipelineError(
                    .dataQuality, "ICB \(code) is not in the reference ICB list", at: location,
                    hint: "the weights must name ICBs of the configured footprint, by ODS or ONS code")
            }
            guard let share = whole ? 1 : Double(row[config.shareColumn]!), share >= 0, share <= 1 else {
                throw PipelineError(.dataQuality, "share must be a number from 0 to 1", at: location)
            }
            let index: Int
            if let existing = table.index[provider] {
                index = existing
            } else {
                index = table.codes.count
                table.index[provider] = index
                table.codes.append(provider)
                table.weights.append([])
                table.places.append(nil)
                firstLine.append(row.line)
            }
            table.weights[index].append((icb, share))
            if let column = config.placeColumn {
                // Docs/DATA.md, "Places of GP practices": a place of another ICB would put its counts in two systems.
                let placeCode = row[column]!.uppercased()
                guard let place = places.aliases[placeCode] else {
                    throw PipelineError(
                        .dataQuality,
                        "sub-ICB location '\(row[column]!)' of practice \(provider) (column '\(column)') is not in the reference's sub-ICB locations",
                        at: location, hint: "the practice list's places must be of the configured footprint (ODS or ONS codes of reference.icb.lsoaLookup)")
                }
                guard Int(places.icbOf[place]) == icb else {
                    throw PipelineError(
                        .dataQuality, "sub-ICB location \(places.codes[place]) of practice \(provider) (column '\(column)') is not in its ICB \(code)",
                        at: location,
                        hint: "a practice's place and ICB must be of one footprint")
                }
                table.places[index] = place
            }
        }
        for (index, weights) in table.weights.enumerated() {
            let total = weights.reduce(0) { $0 + $1.share }
            guard abs(total - 1) <= 1e-6 else {
                throw PipelineError(
                    .dataQuality, "the shares of provider \(table.codes[index]) sum to \(total), not 1",
                    at: InputLocation(file: config.file, line: firstLine[index]))
            }
        }
        return table
    }

    /// Reads a conversion: every target must be an LSOA of the basis, every share in (0, 1], and each
    /// code's shares must sum to 1.
    static func conversion(_ config: LsoaConversionReference, rows: [CSVTableReader.Row], basis: LsoaIndex) throws -> LsoaConversion {
        var codes = LsoaIndex()
        var targetsOf: [[(Int32, Double)]] = []
        var firstLine: [Int] = []
        for row in rows {
            let location = InputLocation(file: config.file, line: row.line)
            let from = row["from_code"]!.uppercased(), to = row["to_code"]!.uppercased()
            let target = Array(to.utf8).withUnsafeBytes { basis.index(of: $0) }
            guard target >= 0 else {
                throw PipelineError(
                    .dataQuality, "LSOA \(to) is not in the ICB lookup (the basis)", at: location,
                    hint: "the conversion must lead to the basis's vintage (reference.lsoaVintage)")
            }
            guard let share = Double(row["share"]!), share > 0, share <= 1 else {
                throw PipelineError(.dataQuality, "share must be a number above 0 and at most 1", at: location)
            }
            let index = Int(codes.insert(from))
            if index == targetsOf.count {
                targetsOf.append([])
                firstLine.append(row.line)
            }
            targetsOf[index].append((target, share))
        }
        var conversion = LsoaConversion(from: config.from, codes: codes, offsets: [0], targets: [], shares: [])
        for (index, targets) in targetsOf.enumerated() {
            let total = targets.reduce(0) { $0 + $1.1 }
            guard abs(total - 1) <= 1e-6 else {
                throw PipelineError(
                    .dataQuality, "the shares of \(codes.codes[index]) sum to \(total), not 1",
                    at: InputLocation(file: config.file, line: firstLine[index]))
            }
            for (target, share) in targets {
                conversion.targets.append(target)
                conversion.shares.append(share / total)
            }
            conversion.offsets.append(Int32(conversion.targets.count))
        }
        return conversion
    }
}

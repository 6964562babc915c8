/// Where the reference data lives and which vintage each file is.
///
/// Vintages are labels recorded on every output row; adding a footprint (e.g. the 2026 ICB
/// mergers) means adding files and a vintage here, not code.
public struct ReferenceConfig: Codable, Sendable, Equatable {
    public var icb: IcbReference
    public var imd: ImdReference
    public var standardPopulation: StandardPopulationReference
    /// The LSOA vintage of the ICB lookup and the IMD file: the basis every LSOA-coded row is mapped on.
    /// Needed only when a source is coded to another vintage.
    public var lsoaVintage: LsoaVintage?
    /// Lookups from other LSOA vintages to the basis, for sources coded to them.
    public var lsoaConversions: [LsoaConversionReference]
    /// The ICS outlines the map is drawn from; without them the publication has no map.
    public var boundaries: BoundaryReference?
    /// The places' (sub-ICB locations') outlines, for the place maps on the ICS profiles (docs/DATA.md,
    /// "Boundaries"); WGS84 or British National Grid, codes of the sub-ICB list.
    public var placeBoundaries: BoundaryReference?
    /// Need-weighted populations by GP practice, whose components indicators may take as denominators
    /// (docs/DATA.md, "Access against need").
    public var needWeights: NeedWeightsReference?
    /// Usual residents by ethnic group (Census 2021), the denominator of a rate by ethnic group (docs/DATA.md,
    /// "Rates by ethnic group").
    public var ethnicGroupPopulation: EthnicGroupPopulationReference?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case icb, imd, standardPopulation, lsoaVintage, lsoaConversions, boundaries, placeBoundaries, needWeights, ethnicGroupPopulation
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        icb = try container.decode(IcbReference.self, forKey: .icb)
        imd = try container.decode(ImdReference.self, forKey: .imd)
        standardPopulation = try container.decode(StandardPopulationReference.self, forKey: .standardPopulation)
        lsoaVintage = try container.decodeIfPresent(LsoaVintage.self, forKey: .lsoaVintage)
        lsoaConversions = try container.decodeIfPresent([LsoaConversionReference].self, forKey: .lsoaConversions) ?? []
        boundaries = try container.decodeIfPresent(BoundaryReference.self, forKey: .boundaries)
        placeBoundaries = try container.decodeIfPresent(BoundaryReference.self, forKey: .placeBoundaries)
        needWeights = try container.decodeIfPresent(NeedWeightsReference.self, forKey: .needWeights)
        ethnicGroupPopulation = try container.decodeIfPresent(EthnicGroupPopulationReference.self, forKey: .ethnicGroupPopulation)
    }

    /// The conversion that maps codes of `vintage` onto the basis, if configured.
    public func conversion(from vintage: LsoaVintage) -> LsoaConversionReference? {
        lsoaConversions.first { $0.from == vintage }
    }
}

/// A lookup from LSOA codes of another vintage to the basis: `from_code, to_code, share` (each code's
/// shares sum to 1; a split area's rows are shared out by them).
public struct LsoaConversionReference: Codable, Sendable, Equatable {
    public var from: LsoaVintage
    public var file: String

    enum CodingKeys: String, CodingKey, CaseIterable { case from, file }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(LsoaVintage.self, forKey: .from)
        file = try container.decode(String.self, forKey: .file)
    }
}

/// ICB footprint: the list of systems (codes, names, regions) and the LSOA lookup.
public struct IcbReference: Codable, Sendable, Equatable {
    /// e.g. `2022-07`.
    public var vintage: String
    /// CSV: `icb_ods_code, icb_ons_code, [icb_ons_code_2023,] icb_name, [icb_short_name,] region_ons_code, region_ods_code, region_name`.
    public var icbs: String
    /// CSV: `lsoa_code, [sub_icb_ods_code, sub_icb_ons_code,] icb_ods_code, icb_ons_code`.
    public var lsoaLookup: String
    /// CSV: `sub_icb_ods_code, [sub_icb_ons_code, sub_icb_name, place_name, icb_ods_code]` — the names of the
    /// sub-ICB locations ("places") the lookup uses (docs/DATA.md, "Places"). Optional: without it places
    /// are named by their code.
    public var subIcbs: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case vintage, icbs, lsoaLookup, subIcbs }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vintage = try container.decode(String.self, forKey: .vintage)
        icbs = try container.decode(String.self, forKey: .icbs)
        lsoaLookup = try container.decode(String.self, forKey: .lsoaLookup)
        subIcbs = try container.decodeIfPresent(String.self, forKey: .subIcbs)
    }
}

/// National deprivation deciles per LSOA.
public struct ImdReference: Codable, Sendable, Equatable {
    /// e.g. `2019`.
    public var vintage: String
    /// CSV: `lsoa_code, imd_decile` (1 = most deprived).
    public var lsoaDeciles: String
    /// CSV: `icb_code, imd_average_score, imd_rank_of_average_score` — each ICB's average deprivation, for the
    /// ecological view of sources with no deprivation split (docs/DATA.md, "ICS-level sources").
    public var icbSummary: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case vintage, lsoaDeciles, icbSummary }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vintage = try container.decode(String.self, forKey: .vintage)
        lsoaDeciles = try container.decode(String.self, forKey: .lsoaDeciles)
        icbSummary = try container.decodeIfPresent(String.self, forKey: .icbSummary)
    }
}

/// The standard population for age standardisation.
public struct StandardPopulationReference: Codable, Sendable, Equatable {
    /// e.g. `ESP2013`.
    public var name: String
    /// CSV: `age_band, esp2013_weight` — 19 bands.
    public var file: String

    enum CodingKeys: String, CodingKey, CaseIterable { case name, file }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        file = try container.decode(String.self, forKey: .file)
    }
}

/// Outlines for a map: a GeoJSON FeatureCollection, one feature per area — per ICB in WGS84
/// longitude/latitude for the ICS map, per sub-ICB location for the place maps — named by any code form of
/// the reference's list (docs/DATA.md, "Boundaries").
public struct BoundaryReference: Codable, Sendable, Equatable {
    /// e.g. `reference/boundaries/icb_2023_generalised.geojson`.
    public var file: String
    /// The feature property holding the ICB code, e.g. `ICB23CD`.
    public var codeProperty: String
    /// A label for the boundary set, e.g. `ICB April 2023 (generalised)`.
    public var vintage: String
    /// The attribution the licence asks to be shown beside the map.
    public var attribution: String

    enum CodingKeys: String, CodingKey, CaseIterable { case file, codeProperty, vintage, attribution }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        codeProperty = try container.decode(String.self, forKey: .codeProperty)
        vintage = try container.decode(String.self, forKey: .vintage)
        attribution = try container.decode(String.self, forKey: .attribution)
    }
}

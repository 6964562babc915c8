/// Where the reference data lives and which vintage each file is.
///
/// Vintages are labels recorded on every output row; adding a footprint (e.g. the 2026 ICB
/// mergers) means adding files and a vintage here, not code.
public struct ReferenceConfig: Codable, Sendable, Equatable {
    public var icb: IcbReference
    public var imd: ImdReference
    public var standardPopulation: StandardPopulationReference

    enum CodingKeys: String, CodingKey, CaseIterable { case icb, imd, standardPopulation }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        icb = try container.decode(IcbReference.self, forKey: .icb)
        imd = try container.decode(ImdReference.self, forKey: .imd)
        standardPopulation = try container.decode(StandardPopulationReference.self, forKey: .standardPopulation)
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

    enum CodingKeys: String, CodingKey, CaseIterable { case vintage, icbs, lsoaLookup }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vintage = try container.decode(String.self, forKey: .vintage)
        icbs = try container.decode(String.self, forKey: .icbs)
        lsoaLookup = try container.decode(String.self, forKey: .lsoaLookup)
    }
}

/// National deprivation deciles per LSOA.
public struct ImdReference: Codable, Sendable, Equatable {
    /// e.g. `2019`.
    public var vintage: String
    /// CSV: `lsoa_code, imd_decile` (1 = most deprived).
    public var lsoaDeciles: String

    enum CodingKeys: String, CodingKey, CaseIterable { case vintage, lsoaDeciles }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vintage = try container.decode(String.self, forKey: .vintage)
        lsoaDeciles = try container.decode(String.self, forKey: .lsoaDeciles)
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

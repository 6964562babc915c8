/// The reference files a run reads, each recorded with its vintage and SHA-256 (`ref_vintage.kind`;
/// docs/DATA.md): named in the publication's provenance and in `explain`.
public enum ReferenceKind: String, Sendable, CaseIterable, Codable {
    /// The ICBs with their regions.
    case icb
    /// LSOA to sub-ICB location and ICB.
    case lsoaIcb = "lsoa_icb"
    /// IMD deciles of LSOAs.
    case imd
    /// The European Standard Population.
    case standardPopulation = "standard_population"
    /// LSOAs of one vintage onto the basis.
    case lsoaConversion = "lsoa_conversion"
    /// Each ICB's average IMD score.
    case imdIcbSummary = "imd_icb_summary"
    /// Weights that share a provider's counts among ICBs.
    case attribution
    /// Merged providers' successors, read through the attribution weights.
    case providerSuccessors = "provider_successors"
    /// The IMD score of each GP practice's registered population, which ranks practices into deciles.
    case practiceDeprivation = "practice_deprivation"
    /// Need-weighted populations by GP practice (NHS England's allocations).
    case needWeights = "need_weights"
    /// Usual residents by ethnic group (Census 2021 TS021 by LSOA), the denominator of rates by ethnic group.
    case ethnicGroupPopulation = "ethnic_group_population"
    /// ICS outlines for the map.
    case boundaries
    /// The places' (sub-ICB locations') outlines for the place maps.
    case placeBoundaries = "place_boundaries"
    /// Names of the sub-ICB locations (places).
    case subIcb = "sub_icb"
    /// The population source (its files, not a reference file).
    case population
}

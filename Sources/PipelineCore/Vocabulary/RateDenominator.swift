/// What a rate of a source is counted against (docs/DATA.md, "Denominators"): the residents of the
/// population source, or the denominator the source's own rows carry beside their events (a practice's
/// registered list) — stated in the publication (`soc_metadata.denominators`), never silently swapped.
public enum RateDenominator: String, Sendable, CaseIterable, Codable {
    /// The population source's residents, by area, deprivation decile, sex and age.
    case residents
    /// The `denominator` column of the source's own rows (e.g. the registered list of each GP practice).
    case sourceRows = "source_rows"
    /// A component of NHS England's need-weighted populations summed over each ICB's practices, named by the
    /// indicator (`needWeighted`; docs/DATA.md, "Access against need"). An indicator's, never a source's.
    case needWeighted = "need_weighted"
    /// Usual residents by ethnic group (Census 2021; `reference.ethnicGroupPopulation`), one all-ages number per
    /// ICB and group, for a rate of a source by ethnic group (docs/DATA.md, "Rates by ethnic group"). An
    /// indicator's, never a source's.
    case ethnicGroupPopulation = "ethnic_group_population"

    /// How the publication names it.
    public var label: String {
        switch self {
        case .residents: "resident population (the population source)"
        case .sourceRows: "the denominator in the source's own rows (e.g. a practice's registered list)"
        case .needWeighted: "a need-weighted population (NHS England's weighted populations, summed over each ICB's practices)"
        case .ethnicGroupPopulation: "usual residents by ethnic group (Census 2021, read onto the NHS's categories and added up by ICB)"
        }
    }
}

/// The kinds of headline statement (`headline_fact.statement_type`, `soc_headlines.statement_type`).
/// The aggregate stage selects England's facts; the report stage words every statement and builds the
/// ICS and region ones from published values (docs/ARCHITECTURE.md, "Headlines").
public enum HeadlineKind: String, Sendable, CaseIterable, Codable {
    /// Most against least deprived quintile, as a ratio.
    case ratioMostVsLeast = "ratio_most_vs_least"
    /// England's relative index of inequality.
    case relativeIndex = "relative_index"
    /// England's change since the baseline period.
    case changeSinceBaseline = "change_since_baseline"
    /// The ICSs with the highest values.
    case topHighest = "top_n_ics_highest"
    /// The ICSs with the lowest values.
    case topLowest = "top_n_ics_lowest"
    /// Lowest to highest ICS.
    case rangeIcs = "range_ics"
    /// Lowest to highest NHS region.
    case rangeRegions = "range_regions"
    /// The ICS with the widest gap by deprivation (largest stable SII).
    case gapWidestIcs = "gap_widest_ics"
    /// The ICS with the smallest gap by deprivation (smallest stable SII).
    case gapNarrowestIcs = "gap_narrowest_ics"
    /// Whether England's gap by deprivation widened or narrowed since the baseline.
    case siiChangeEngland = "sii_change_england"
    /// How many of England's other broad ethnic groups fare worse, similar or better than the White group.
    case ethnicGroupsVsReference = "ethnic_groups_vs_reference"
    /// England's broad ethnic group furthest from the White group on the side of disadvantage.
    case ethnicGapWidest = "ethnic_gap_widest"
}

import Testing

@testable import Publication

/// What every published number is a function of (docs/DISCLOSURE.md, "Figures derived from counts"): a new
/// number column fails here until it is placed under one of the rules the audit and the defender hold.
struct ColumnDerivationTests {
    enum Derivation {
        /// A value and its limits: the audit inverts them to the counts beside them (`CountLayout`).
        case estimate
        /// A function of other cells this publication shows, withheld when one of them is hidden.
        case fromPublishedCells
        /// England's figures, published as computed (withheld only where an England count is hidden).
        case national
        /// Funnel limits and their dispersion: England's value and the row's own denominator, hidden
        /// with the row's value.
        case funnel
        /// Shares and scores of resident population from reference data, not counts of events.
        case population
    }

    static let derivations: [String: [Derivation: [String]]] = [
        "soc_national_by_group": [
            .national: ["value", "lcl95", "ucl95", "lcl998", "ucl998", "england_value", "population_share", "reference_value"],
            .fromPublishedCells: ["gap_to_reference", "ratio_to_reference", "gap_lcl95", "gap_ucl95", "ratio_lcl95", "ratio_ucl95"],
        ],
        "soc_national_inequality": [
            .national: ["q1_value", "q5_value", "abs_gap", "ratio", "sii", "sii_lcl95", "sii_ucl95", "rii", "rii_lcl95", "rii_ucl95", "excess_events"]
        ],
        "soc_ics_league": [
            .population: ["core20_share", "imd_average_score"],
            .estimate: ["value", "lcl95", "ucl95", "lcl998", "ucl998"],
            .funnel: ["funnel_lcl95", "funnel_ucl95", "funnel_lcl998", "funnel_ucl998", "funnel_tau2"],
            .fromPublishedCells: ["sii", "sii_lcl95", "sii_ucl95", "rii", "rii_lcl95", "rii_ucl95"],
        ],
        "soc_ics_quintile_gap": [.estimate: ["value", "lcl95", "ucl95"], .fromPublishedCells: ["q1_minus_q5", "q1_over_q5"]],
        "soc_ics_by_ethnic_group": [
            .estimate: ["value", "lcl95", "ucl95"], .national: ["england_group_value"],
            .fromPublishedCells: [
                "reference_value", "gap_to_reference", "ratio_to_reference", "share_of_ics", "gap_lcl95", "gap_ucl95", "ratio_lcl95", "ratio_ucl95",
            ],
        ],
        "soc_place": [
            .estimate: ["value", "lcl95", "ucl95", "lcl998", "ucl998"],
            .funnel: ["funnel_lcl95", "funnel_ucl95", "funnel_lcl998", "funnel_ucl998"],
            .fromPublishedCells: ["ics_value", "ics_place_lowest", "ics_place_highest", "ics_place_range"],
        ],
        "soc_trend_vs_baseline": [
            .fromPublishedCells: [
                "baseline_value", "latest_value", "abs_change", "rel_change", "change_lcl", "change_ucl", "sii_baseline", "sii_latest", "sii_change",
                "sii_change_lcl", "sii_change_ucl",
            ]
        ],
        "soc_headlines": [.fromPublishedCells: ["value", "lcl95", "ucl95", "range_low", "range_high"]],
    ]

    @Test func everyNumberColumnIsPlacedUnderARule() {
        for table in PublishedCatalog.tables {
            let numbers = Set(table.columns.filter { $0.kind == .number }.map(\.name))
            let placed = (Self.derivations[table.name] ?? [:]).values.flatMap { $0 }
            #expect(
                Set(placed) == numbers, "\(table.name): unplaced \(numbers.subtracting(placed).sorted()), stale \(Set(placed).subtracting(numbers).sorted())")
            #expect(placed.count == Set(placed).count, "\(table.name) places a column twice")
        }
    }

    /// The estimates placed here are the ones the audit inverts: its layout names them.
    @Test func estimatesAreTheOnesTheAuditInverts() throws {
        for table in PublishedCatalog.tables {
            guard let estimates = Self.derivations[table.name]?[.estimate] else { continue }
            let layout = try #require(table.counts?.estimate, "\(table.name)")
            #expect(Set([layout.value, layout.lower95, layout.upper95]).isSubset(of: Set(estimates)), "\(table.name)")
        }
    }
}

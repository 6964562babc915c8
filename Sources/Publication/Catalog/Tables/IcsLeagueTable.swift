/// The columns of `soc_ics_league` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum IcsLeagueColumn: String, TableColumns {
    case icsOdsCode = "ics_ods_code"
    case icsOnsCode = "ics_ons_code"
    case icsName = "ics_name"
    case region
    case population
    case core20Share = "core20_share"
    case imdAverageScore = "imd_average_score"
    case numerator
    case denominator
    case value
    case lcl95
    case ucl95
    case lcl998
    case ucl998
    case unit
    case compareEngland2level = "compare_england_2level"
    case funnelBand = "funnel_band"
    case funnelLcl95 = "funnel_lcl95"
    case funnelUcl95 = "funnel_ucl95"
    case funnelLcl998 = "funnel_lcl998"
    case funnelUcl998 = "funnel_ucl998"
    case funnelTau2 = "funnel_tau2"
    case sii
    case siiLcl95 = "sii_lcl95"
    case siiUcl95 = "sii_ucl95"
    case rii
    case riiLcl95 = "rii_lcl95"
    case riiUcl95 = "rii_ucl95"
    case siiVsEngland = "sii_vs_england"
    case quadrant
    case trendMarker = "trend_marker"
    case rankValue = "rank_value"
    case siiUnstableReason = "sii_unstable_reason"
    case completeness
}

extension PublishedCatalog {
    public static let icsLeague = CatalogTable<IcsLeagueColumn>(
        name: "soc_ics_league", title: "ICS comparison",
        description:
            "Each Integrated Care System's value with intervals, its comparison with England (two-level and funnel), its own SII/RII against England's, and its trend. Ranks are given only beside intervals: read overlapping intervals as no real difference.",
        key: .indicatorAndPeriod, [.icsOdsCode],
        summary: [
            .column(.icsName, heading: "ICS"), .column(.denominator, heading: "Denominator"), .column(.value, heading: "Value"),
            .interval(lower: .lcl95, upper: .ucl95, heading: "95% interval"), .column(.compareEngland2level, heading: "Against England"),
            .column(.sii, heading: "SII"), .column(.siiVsEngland, heading: "SII against England's"), .column(.trendMarker, heading: "Since baseline"),
        ],
        statusGroups: [
            .group("population_status", [.population]), .group("numerator_status", [.numerator]), .group("denominator_status", [.denominator]),
            .group(
                "value_status",
                [
                    .value, .lcl95, .ucl95, .lcl998, .ucl998, .compareEngland2level, .funnelBand, .funnelLcl95, .funnelUcl95, .funnelLcl998, .funnelUcl998,
                    .funnelTau2, .quadrant, .trendMarker, .rankValue,
                ], after: .ucl998),
            .group("sii_status", [.sii, .siiLcl95, .siiUcl95, .rii, .riiLcl95, .riiUcl95, .siiVsEngland]),
        ],
        counts: TableCounts(
            geography: .ics(.icsOdsCode), slice: .everyone,
            counts: [.numerator: .numerator, .denominator: .denominator, .population: .population], estimate: (.value, .lcl95, .ucl95)),
        describe: { column in
            switch column {
            case .icsOdsCode: .text("ICB ODS code (e.g. QHL).", nullable: false)
            case .icsOnsCode: .text("ICB ONS code (E54…).", nullable: false)
            case .icsName: .text("ICB name.", nullable: false)
            case .region: .text("NHS England region.", nullable: false)
            case .population: .count("Resident population of the ICS (rounded).")
            case .core20Share: .number("Share of the ICS population living in England's most deprived 20% of areas (IMD deciles 1–2).")
            case .imdAverageScore:
                .number(
                    "The ICS's average IMD score (population-weighted, from the IMD summary by ICB, e.g. IMD 2025; higher = more deprived); empty when no summary is configured."
                )
            case .numerator: .count("Events or people counted (rounded; suppressed if 1–7).")
            case .denominator: .count("Population or people eligible (rounded; suppressed if 1–7).")
            case .value: .number("The indicator value in `unit` (percentages from the rounded counts).")
            case .lcl95: .number("Lower 95% confidence limit of `value`.")
            case .ucl95: .number("Upper 95% confidence limit of `value`.")
            case .lcl998: .number("Lower 99.8% confidence limit of `value`.")
            case .ucl998: .number("Upper 99.8% confidence limit of `value`.")
            case .unit: .text("Unit of `value`.", nullable: false)
            case .compareEngland2level:
                .text(
                    "Fingertips two-level comparison with England's value: `better_998`, `better_95`, `similar`, `worse_95`, `worse_998` (or `higher_*`/`lower_*` without polarity), `not_compared`."
                )
            case .funnelBand:
                .text("Position in the funnel plot around England: `within`, `high_95`, `low_95`, `high_998`, `low_998`, `not_applicable` (no value).")
            case .funnelLcl95: .number("Lower 95% funnel limit around England's value at this ICS's denominator.")
            case .funnelUcl95: .number("Upper 95% funnel limit.")
            case .funnelLcl998: .number("Lower 99.8% funnel limit.")
            case .funnelUcl998: .number("Upper 99.8% funnel limit.")
            case .funnelTau2:
                .number(
                    "Between-ICS variance τ² the funnel limits were widened by (Spiegelhalter's overdispersion adjustment, on the arcsine-√ scale for proportions and the √ scale for rates); 0 = no overdispersion found; empty when the adjustment is not configured (`aggregate.funnelOverdispersion`)."
                )
            case .sii:
                .number(
                    "The ICS's SII over national deprivation quintiles, fitted on the quintile values, limits and denominators soc_ics_quintile_gap publishes; withheld (`sii_status`) when any of them is hidden. For an indicator whose source publishes values by decile without counts, over the ICS's ten deciles as the source publishes them, each weighted by its resident population (the metadata item `deprivation_split` says so)."
                )
            case .siiLcl95: .number("Lower 95% limit of the ICS SII.")
            case .siiUcl95: .number("Upper 95% limit of the ICS SII.")
            case .rii: .number("The ICS's RII.")
            case .riiLcl95: .number("Lower 95% limit of the ICS RII.")
            case .riiUcl95: .number("Upper 95% limit of the ICS RII.")
            case .siiVsEngland:
                .text(
                    "Whether the ICS SII's 95% interval lies `higher` or `lower` than England's SII, or includes it (`similar`); `not_available_no_deprivation_split` for an indicator whose source has no deprivation split (one row per ICB), whose SII columns are then empty."
                )
            case .quadrant:
                .text(
                    "The ICS's value against England × its inequality against England's, e.g. `worse_value_wider_gap` (`…_gap_not_available` without a deprivation split)."
                )
            case .trendMarker:
                .text(
                    "Direction of change since the baseline period in the latest period (`improving`, `worsening`, `no_change`, `increasing`, `decreasing`, `not_compared`); empty in the baseline period."
                )
            case .rankValue: .integer("Rank of `value` among the ICSs with a value (1 = highest). Read with the intervals: neighbours usually do not differ.")
            case .siiUnstableReason:
                .text(
                    "Why the ICS's SII/RII should be read with care (small or missing quintiles); empty when stable or not available. Charts draw such an SII hollow and headlines never cite it."
                )
            case .completeness:
                .text(
                    "Whether every count of England's this period is in some ICS: `complete`; `unattributed_activity` (activity at providers the attribution weights do not name counts in England's value and in no ICS's, so this value may be too low where its residents use them); `unknown_ics` (rows with an unknown ICB code, likewise). How much is the `ics_unknown` row of soc_national_by_group.",
                    nullable: false)
            }
        })
}

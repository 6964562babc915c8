/// The State of Care tables (docs/PUBLISHED_TABLES.md), in publication order: the one definition that
/// fills, orders, validates and documents every published table.
public enum PublishedCatalog {
    private typealias Column = PublishedColumn

    private static let intervals: [PublishedColumn] = [
        Column("lcl95", .number, "Lower 95% confidence limit of `value`."),
        Column("ucl95", .number, "Upper 95% confidence limit of `value`."),
        Column("lcl998", .number, "Lower 99.8% confidence limit of `value`."),
        Column("ucl998", .number, "Upper 99.8% confidence limit of `value`."),
    ]

    public static let nationalByGroup = PublishedTable(
        name: "soc_national_by_group", title: "England by group",
        description:
            "England's value of each indicator for everyone and for each national deprivation quintile, decile and sex, with intervals and a comparison with England as a whole. National counts are not rounded.",
        keyColumns: ["indicator_id", "period_start", "breakdown_type", "breakdown_value"],
        summary: [
            .column("breakdown_value", heading: "Group"), .column("numerator", heading: "Numerator"),
            .column("denominator", heading: "Denominator"), .column("value", heading: "Value"),
            .interval(lower: "lcl95", upper: "ucl95", heading: "95% interval"), .column("compare_england", heading: "Against England"),
        ],
        body: [
            Column("indicator_title", .text, "Indicator title.", nullable: false),
            Column("breakdown_type", .text, "`all`, `imd_quintile`, `imd_decile` or `sex`.", nullable: false),
            Column(
                "breakdown_value", .text, "`England`, quintile `1 (most deprived)`…`5 (least deprived)`, decile `1`…`10`, or `female`/`male`.", nullable: false),
            Column("numerator", .count, "Events or people counted (England: not rounded)."),
            Column("denominator", .count, "Population or people eligible (England: not rounded)."),
            Column(
                "value", .number,
                "The indicator value in `unit`; empty and marked withheld where the method cannot give one (e.g. a DSR of fewer than 10 events)."),
        ] + intervals + [
            Column("unit", .text, "Unit of `value` (e.g. `per 100,000`, `%`).", nullable: false),
            Column("method", .text, "Statistic and interval method (e.g. `DSR, Dobson`; `proportion, Wilson`).", nullable: false),
            Column("england_value", .number, "England's value for everyone, for comparison."),
            Column(
                "compare_england", .text,
                "The group's 95% interval against England's value: `better`/`similar`/`worse` by the indicator's polarity, `higher`/`lower` when it has none, `not_compared` for England itself."
            ),
            Column("population_share", .number, "The group's share of England's denominator (0–1)."),
        ],
        statusGroups: [
            StatusGroup("value_status", ["value", "lcl95", "ucl95", "lcl998", "ucl998"]),
            StatusGroup("england_value_status", ["england_value"]),
        ],
        counts: CountLayout(
            geography: .england, slice: .breakdown(type: "breakdown_type", label: "breakdown_value"),
            counts: ["numerator": .numerator, "denominator": .denominator]))

    public static let nationalInequality = PublishedTable(
        name: "soc_national_inequality", title: "England inequality",
        description:
            "England's inequality by national deprivation: the gap and ratio between the most and least deprived quintiles and the slope and relative indices of inequality (SII, RII) over quintiles and deciles.",
        keyColumns: ["indicator_id", "period_start", "n_quantiles"],
        summary: [
            .column("n_quantiles", heading: "Quantiles"), .column("abs_gap", heading: "Gap Q1−Q5"), .column("sii", heading: "SII"),
            .interval(lower: "sii_lcl95", upper: "sii_ucl95", heading: "SII 95% interval"), .column("rii", heading: "RII"),
            .interval(lower: "rii_lcl95", upper: "rii_ucl95", heading: "RII 95% interval"), .column("unstable_reason", heading: "Read with care"),
        ],
        body: [
            Column("indicator_title", .text, "Indicator title.", nullable: false),
            Column("n_quantiles", .integer, "Quantiles the SII and RII are fitted over: 5 (quintiles) or 10 (deciles).", nullable: false),
            Column("q1_value", .number, "Value in the most deprived quintile."),
            Column("q5_value", .number, "Value in the least deprived quintile."),
            Column("abs_gap", .number, "`q1_value - q5_value`."),
            Column("ratio", .number, "`q1_value / q5_value`."),
            Column("gap_significant_834", .text, "`yes` when the quintiles' 83.4% intervals do not overlap (a 5% test of the difference), else `no`."),
            Column(
                "sii", .number,
                "Slope index of inequality: modelled value in the most deprived minus the least deprived end, in `unit`; positive = the most deprived are disadvantaged."
            ),
            Column("sii_lcl95", .number, "Lower 95% limit of the SII."),
            Column("sii_ucl95", .number, "Upper 95% limit of the SII."),
            Column("rii", .number, "Relative index of inequality: the SII's ratio form; above 1 = the most deprived are disadvantaged."),
            Column("rii_lcl95", .number, "Lower 95% limit of the RII."),
            Column("rii_ucl95", .number, "Upper 95% limit of the RII."),
            Column("transform", .text, "Scale of the SII regression: `log` (rates) or `logit` (proportions)."),
            Column("rank_basis", .text, "Where quantile positions come from: `national` cumulative population shares or the geography's own (`local`)."),
            Column("polarity", .text, "`higher_is_better`, `lower_is_better` or `none`.", nullable: false),
            Column("sign_convention_note", .text, "How to read the sign of the SII for this indicator.", nullable: false),
            Column("excess_events", .number, "Events above what would occur if every quintile had the least deprived quintile's value (negative: fewer)."),
            Column("unstable_reason", .text, "Why the SII/RII should be read with care (small or missing quantiles); empty when stable."),
        ])

    public static let icsLeague = PublishedTable(
        name: "soc_ics_league", title: "ICS comparison",
        description:
            "Each Integrated Care System's value with intervals, its comparison with England (two-level and funnel), its own SII/RII against England's, and its trend. Ranks are given only beside intervals: read overlapping intervals as no real difference.",
        keyColumns: ["indicator_id", "period_start", "ics_ods_code"],
        summary: [
            .column("ics_name", heading: "ICS"), .column("denominator", heading: "Denominator"), .column("value", heading: "Value"),
            .interval(lower: "lcl95", upper: "ucl95", heading: "95% interval"),
            .column("compare_england_2level", heading: "Against England"), .column("sii", heading: "SII"),
            .column("sii_vs_england", heading: "SII against England's"), .column("trend_marker", heading: "Since baseline"),
        ],
        body: [
            Column("ics_ods_code", .text, "ICB ODS code (e.g. QHL).", nullable: false),
            Column("ics_ons_code", .text, "ICB ONS code (E54…).", nullable: false),
            Column("ics_name", .text, "ICB name.", nullable: false),
            Column("region", .text, "NHS England region.", nullable: false),
            Column("population", .count, "Resident population of the ICS (rounded)."),
            Column("core20_share", .number, "Share of the ICS population living in England's most deprived 20% of areas (IMD deciles 1–2)."),
            Column(
                "imd_average_score", .number,
                "The ICS's average IMD score (population-weighted, from the IMD summary by ICB, e.g. IMD 2025; higher = more deprived); empty when no summary is configured."
            ),
            Column("numerator", .count, "Events or people counted (rounded; suppressed if 1–7)."),
            Column("denominator", .count, "Population or people eligible (rounded; suppressed if 1–7)."),
            Column("value", .number, "The indicator value in `unit` (percentages from the rounded counts)."),
        ] + intervals + [
            Column("unit", .text, "Unit of `value`.", nullable: false),
            Column(
                "compare_england_2level", .text,
                "Fingertips two-level comparison with England's value: `better_998`, `better_95`, `similar`, `worse_95`, `worse_998` (or `higher_*`/`lower_*` without polarity), `not_compared`."
            ),
            Column(
                "funnel_band", .text,
                "Position in the funnel plot around England: `within`, `high_95`, `low_95`, `high_998`, `low_998`, `not_applicable` (no value)."),
            Column("funnel_lcl95", .number, "Lower 95% funnel limit around England's value at this ICS's denominator."),
            Column("funnel_ucl95", .number, "Upper 95% funnel limit."),
            Column("funnel_lcl998", .number, "Lower 99.8% funnel limit."),
            Column("funnel_ucl998", .number, "Upper 99.8% funnel limit."),
            Column(
                "funnel_tau2", .number,
                "Between-ICS variance τ² the funnel limits were widened by (Spiegelhalter's overdispersion adjustment, on the arcsine-√ scale for proportions and the √ scale for rates); 0 = no overdispersion found; empty when the adjustment is not configured (`aggregate.funnelOverdispersion`)."
            ),
            Column("sii", .number, "The ICS's SII over national deprivation quintiles."),
            Column("sii_lcl95", .number, "Lower 95% limit of the ICS SII."),
            Column("sii_ucl95", .number, "Upper 95% limit of the ICS SII."),
            Column("rii", .number, "The ICS's RII."),
            Column("rii_lcl95", .number, "Lower 95% limit of the ICS RII."),
            Column("rii_ucl95", .number, "Upper 95% limit of the ICS RII."),
            Column(
                "sii_vs_england", .text,
                "Whether the ICS SII's 95% interval lies `higher` or `lower` than England's SII, or includes it (`similar`); `not_available_no_deprivation_split` for an indicator whose source has no deprivation split (one row per ICB), whose SII columns are then empty."
            ),
            Column(
                "quadrant", .text,
                "The ICS's value against England × its inequality against England's, e.g. `worse_value_wider_gap` (`…_gap_not_available` without a deprivation split)."
            ),
            Column(
                "trend_marker", .text,
                "Direction of change since the baseline period in the latest period (`improving`, `worsening`, `no_change`, `increasing`, `decreasing`, `not_compared`); empty in the baseline period."
            ),
            Column(
                "rank_value", .integer, "Rank of `value` among the ICSs with a value (1 = highest). Read with the intervals: neighbours usually do not differ."),
            Column(
                "sii_unstable_reason", .text,
                "Why the ICS's SII/RII should be read with care (small or missing quintiles); empty when stable or not available. Charts draw such an SII hollow and headlines never cite it."
            ),
        ],
        statusGroups: [
            StatusGroup("population_status", ["population"]),
            StatusGroup("numerator_status", ["numerator"]),
            StatusGroup("denominator_status", ["denominator"]),
            StatusGroup(
                "value_status",
                [
                    "value", "lcl95", "ucl95", "lcl998", "ucl998", "compare_england_2level", "funnel_band", "funnel_lcl95", "funnel_ucl95",
                    "funnel_lcl998", "funnel_ucl998", "funnel_tau2", "quadrant", "trend_marker", "rank_value",
                ], after: "ucl998"),
        ],
        counts: CountLayout(
            geography: .ics(code: "ics_ods_code"), slice: .everyone,
            counts: ["numerator": .numerator, "denominator": .denominator, "population": .population]))

    public static let icsQuintileGap = PublishedTable(
        name: "soc_ics_quintile_gap", title: "ICS by deprivation quintile",
        description:
            "Each ICS's value in each national deprivation quintile, the gap between its most and least deprived quintiles, and its most deprived quintile against England's most deprived quintile (the Core20 benchmark).",
        keyColumns: ["indicator_id", "period_start", "ics_ods_code", "quintile"],
        summary: [
            .column("ics_name", heading: "ICS"), .column("quintile", heading: "Quintile"), .column("value", heading: "Value"),
            .interval(lower: "lcl95", upper: "ucl95", heading: "95% interval"),
            .column("compare_england_same_quintile", heading: "Against England's quintile"),
        ],
        body: [
            Column("ics_ods_code", .text, "ICB ODS code.", nullable: false),
            Column("ics_name", .text, "ICB name.", nullable: false),
            Column("quintile", .integer, "National IMD quintile: 1 = most deprived, 5 = least deprived.", nullable: false),
            Column("population", .count, "Resident population of the ICS in this quintile (rounded; suppressed if 1–7)."),
            Column("numerator", .count, "Events or people counted (rounded; suppressed if 1–7)."),
            Column("denominator", .count, "Population or people eligible (rounded; suppressed if 1–7)."),
            Column("value", .number, "The indicator value in `unit`."),
            Column("lcl95", .number, "Lower 95% confidence limit."),
            Column("ucl95", .number, "Upper 95% confidence limit."),
            Column("q1_minus_q5", .number, "The ICS's most minus least deprived quintile value (same on each of its rows)."),
            Column("q1_over_q5", .number, "The ICS's most over least deprived quintile value."),
            Column("gap_significant_834", .text, "`yes` when the ICS's quintile 1 and 5 83.4% intervals do not overlap."),
            Column("compare_england_same_quintile", .text, "This quintile against England's same quintile (`better`/`similar`/`worse`, or `higher`/`lower`)."),
            Column(
                "core20_value_vs_england_core20", .text, "The ICS's most deprived quintile against England's most deprived quintile (same on each of its rows)."
            ),
        ],
        statusGroups: [
            StatusGroup("population_status", ["population"]),
            StatusGroup("numerator_status", ["numerator"]),
            StatusGroup("denominator_status", ["denominator"]),
            StatusGroup("value_status", ["value", "lcl95", "ucl95", "compare_england_same_quintile"], after: "ucl95"),
            StatusGroup("gap_status", ["q1_minus_q5", "q1_over_q5", "gap_significant_834"]),
            StatusGroup("core20_status", ["core20_value_vs_england_core20"]),
        ],
        counts: CountLayout(
            geography: .ics(code: "ics_ods_code"), slice: .quintile(column: "quintile"),
            counts: ["numerator": .numerator, "denominator": .denominator, "population": .population]))

    public static let places = PublishedTable(
        name: "soc_place", title: "Places within each ICS",
        description:
            "Each place (sub-ICB location) of each ICS: its value with intervals, against its own ICS's value (two-level and a funnel within the system), and the spread of the ICS's places. Indicators from sources by LSOA only; disclosure control as for ICSs.",
        keyColumns: ["indicator_id", "period_start", "place_code"],
        summary: [
            .column("ics_name", heading: "ICS"), .column("place_name", heading: "Place"), .column("denominator", heading: "Denominator"),
            .column("value", heading: "Value"), .interval(lower: "lcl95", upper: "ucl95", heading: "95% interval"),
            .column("ics_value", heading: "ICS value"), .column("compare_ics_2level", heading: "Against its ICS"),
        ],
        body: [
            Column("ics_ods_code", .text, "ICB ODS code of the place's ICS.", nullable: false),
            Column("ics_name", .text, "ICB name.", nullable: false),
            Column("place_code", .text, "Sub-ICB location ODS code (e.g. 01F).", nullable: false),
            Column(
                "place_name", .text,
                "The place: the local authorities holding most of the location's LSOAs (from `reference.icb.subIcbs`), else the code.",
                nullable: false),
            Column("numerator", .count, "Events or people counted (rounded; suppressed if 1–7)."),
            Column("denominator", .count, "Population or people eligible (rounded; suppressed if 1–7)."),
            Column("value", .number, "The indicator value in `unit` (percentages from the rounded counts)."),
        ] + intervals + [
            Column("unit", .text, "Unit of `value`.", nullable: false),
            Column("ics_value", .number, "The ICS's own value, as published in soc_ics_league."),
            Column(
                "compare_ics_2level", .text,
                "Two-level comparison with the ICS's value: `better_998`, `better_95`, `similar`, `worse_95`, `worse_998` (or `higher_*`/`lower_*` without polarity), `not_compared`."
            ),
            Column(
                "funnel_band", .text,
                "Position in the funnel around the ICS's value (no overdispersion adjustment): `within`, `high_95`, `low_95`, `high_998`, `low_998`, `not_applicable`."
            ),
            Column("funnel_lcl95", .number, "Lower 95% funnel limit around the ICS's value at this place's denominator."),
            Column("funnel_ucl95", .number, "Upper 95% funnel limit."),
            Column("funnel_lcl998", .number, "Lower 99.8% funnel limit."),
            Column("funnel_ucl998", .number, "Upper 99.8% funnel limit."),
            Column("ics_places", .integer, "Number of places in the ICS (same on each of its rows).", nullable: false),
            Column("ics_places_shown", .integer, "How many of them have a published value.", nullable: false),
            Column("ics_place_lowest", .number, "Lowest published place value in the ICS."),
            Column("ics_place_highest", .number, "Highest published place value in the ICS."),
            Column("ics_place_range", .number, "`ics_place_highest - ics_place_lowest`: the variation between the ICS's places."),
        ],
        statusGroups: [
            StatusGroup("numerator_status", ["numerator"]),
            StatusGroup("denominator_status", ["denominator"]),
            StatusGroup(
                "value_status",
                [
                    "value", "lcl95", "ucl95", "lcl998", "ucl998", "compare_ics_2level", "funnel_band", "funnel_lcl95", "funnel_ucl95",
                    "funnel_lcl998", "funnel_ucl998",
                ], after: "ucl998"),
            StatusGroup("ics_value_status", ["ics_value"]),
        ],
        counts: CountLayout(
            geography: .place(code: "place_code", ics: "ics_ods_code"), slice: .everyone,
            counts: ["numerator": .numerator, "denominator": .denominator]))

    public static let trendVsBaseline = PublishedTable(
        name: "soc_trend_vs_baseline", title: "Change since baseline",
        description:
            "Change in each indicator between the baseline period and each later period, for England, regions and ICSs, overall and by deprivation quintile, with the change in the SII.",
        keyColumns: ["indicator_id", "period_start", "geography_code", "breakdown_type", "breakdown_value"],
        summary: [
            .column("geography_name", heading: "Geography"), .column("breakdown_value", heading: "Group"),
            .column("baseline_value", heading: "Baseline"), .column("latest_value", heading: "Value"),
            .column("abs_change", heading: "Change"), .interval(lower: "change_lcl", upper: "change_ucl", heading: "95% interval"),
            .column("direction", heading: "Direction"),
        ],
        body: [
            Column("geography_level", .text, "`england`, `region` or `icb`.", nullable: false),
            Column("geography_code", .text, "England, region or ICB code.", nullable: false),
            Column("geography_name", .text, "Name of the geography.", nullable: false),
            Column("breakdown_type", .text, "`all` or `imd_quintile`.", nullable: false),
            Column("breakdown_value", .text, "`all` or quintile `1 (most deprived)`…`5 (least deprived)`.", nullable: false),
            Column("baseline_period", .text, "The baseline period (YYYY-MM).", nullable: false),
            Column("baseline_value", .number, "Value in the baseline period."),
            Column("latest_value", .number, "Value in this row's period."),
            Column("abs_change", .number, "`latest_value - baseline_value`."),
            Column("rel_change", .number, "`abs_change / baseline_value`."),
            Column("change_lcl", .number, "Lower 95% limit of the change (MOVER)."),
            Column("change_ucl", .number, "Upper 95% limit of the change (MOVER)."),
            Column(
                "direction", .text,
                "`improving`, `worsening` or `no_change` (by polarity; `increasing`/`decreasing` without one), or `not_compared` (a value missing).",
                nullable: false),
            Column("sii_baseline", .number, "Quintile SII in the baseline period (rows for everyone only)."),
            Column("sii_latest", .number, "Quintile SII in this period."),
            Column("sii_change", .number, "`sii_latest - sii_baseline`."),
            Column("sii_change_lcl", .number, "Lower 95% limit of the SII change."),
            Column("sii_change_ucl", .number, "Upper 95% limit of the SII change."),
            Column("gap_direction", .text, "`narrowing`, `widening` or `no_change` (the SII change's interval against 0)."),
            Column(
                "fingertips_trend_marker", .text,
                "Fingertips recent-trend marker: `increasing`, `decreasing`, `no_significant_change`, or `cannot_be_calculated` (fewer than 5 periods).",
                nullable: false),
        ],
        statusGroups: [
            StatusGroup("baseline_value_status", ["baseline_value"]),
            StatusGroup("latest_value_status", ["latest_value"]),
            StatusGroup("change_status", ["abs_change", "rel_change", "change_lcl", "change_ucl"]),
        ])

    public static let headlines = PublishedTable(
        name: "soc_headlines", title: "Headline statements",
        description: "Statements of the State of Care kind generated from the tables, each with its figure and the table row it comes from.",
        keyColumns: ["indicator_id", "period_start", "statement_type", "rank"],
        summary: [.column("text", heading: "Statement")],
        body: [
            Column(
                "statement_type", .text,
                "`ratio_most_vs_least`, `relative_index`, `top_n_ics_highest`, `top_n_ics_lowest`, `range_ics`, `range_regions`, `change_since_baseline`, `gap_widest_ics`, `gap_narrowest_ics` or `sii_change_england`.",
                nullable: false),
            Column("rank", .integer, "Order within the statement type.", nullable: false),
            Column("value", .number, "The statement's figure.", label: "Figure", precision: .decimals(2)),
            Column("lcl95", .number, "Lower 95% limit of the figure, where it has one.", label: "Figure lower 95% limit", precision: .decimals(2)),
            Column("ucl95", .number, "Upper 95% limit of the figure, where it has one.", label: "Figure upper 95% limit", precision: .decimals(2)),
            Column("text", .text, "The statement.", nullable: false),
            Column("source_table", .text, "Checkpoint table the figure comes from.", nullable: false),
            Column("source_key", .text, "Key of the source row (`indicator|period|level|code|…`).", nullable: false),
        ])

    public static let metadata = PublishedTable(
        name: "soc_metadata", title: "Metadata",
        description:
            "What each indicator means and how it was made: definition, source, extract files, vintages, methods, standard population and the disclosure rules applied.",
        keyColumns: ["indicator_id", "item"],
        summary: [.column("item", heading: "Item"), .column("value", heading: "Detail")],
        body: [
            Column("item", .text, "What the row describes.", nullable: false),
            Column("value", .text, "Its value.", nullable: false, label: "Detail"),
        ], indicatorScoped: false)

    public static let suppressedCells = PublishedTable(
        name: "soc_suppressed_cells", title: "Disclosure log",
        description:
            "Every cell of the published tables that disclosure control suppressed, rounded, withheld or recomputed, with the reason. Never the original value.",
        keyColumns: ["table_name", "row_key", "column_name"],
        summary: [
            .column("table_name", heading: "Table"), .column("row_key", heading: "Row"), .column("column_name", heading: "Column"),
            .column("action", heading: "Action"), .column("reason_code", heading: "Reason"),
        ],
        body: [
            Column("table_name", .text, "Published table.", nullable: false),
            Column("row_key", .text, "The row's key columns joined by `|`.", nullable: false),
            Column("column_name", .text, "The cell's column.", nullable: false),
            Column(
                "action", .text, "`suppressed`, `secondary_suppressed`, `rounded`, `withheld`, `from_rounded_counts` or `reduced_precision`.", nullable: false),
            Column("reason_code", .text, "Why (e.g. `count_1_to_7`, `reveals_suppressed_count`, `dsr_fewer_than_10_events`).", nullable: false),
        ], indicatorScoped: false)

    /// Every published table, in publication order.
    public static let tables: [PublishedTable] = [
        nationalByGroup, nationalInequality, icsLeague, icsQuintileGap, places, trendVsBaseline, headlines, metadata, suppressedCells,
    ]

    public static func table(named name: String) -> PublishedTable? { tables.first { $0.name == name } }
}

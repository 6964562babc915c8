/// How each published column reads outside the database (docs/PUBLISHED_TABLES.md, "Headers and
/// precision"): a header a reader understands, with its unit where the column has one unit, and the
/// precision its numbers are rounded to in the files (the database keeps full precision).
///
/// Columns of the same name mean the same thing in every table, so they are listed once; a table that
/// needs something else says so where it defines the column.
enum ColumnPresentation {
    /// Readable headers by column name. Every catalogue column has one (a test checks).
    static let labels: [String: String] = [
        "indicator_id": "Indicator code",
        "indicator_title": "Indicator",
        "period_start": "Period start",
        "period_end": "Period end",
        "breakdown_type": "Breakdown",
        "breakdown_value": "Group",
        "numerator": "Numerator (count)",
        "denominator": "Denominator (count)",
        "population": "Population (people)",
        "value": "Value (in unit)",
        "lcl95": "Lower 95% limit (in unit)",
        "ucl95": "Upper 95% limit (in unit)",
        "lcl998": "Lower 99.8% limit (in unit)",
        "ucl998": "Upper 99.8% limit (in unit)",
        "unit": "Unit",
        "method": "Method",
        "england_value": "England value (in unit)",
        "compare_england": "Compared with England",
        "population_share": "Share of England's denominator (0–1)",
        "n_quantiles": "Quantiles fitted (number)",
        "q1_value": "Most deprived quintile value (in unit)",
        "q5_value": "Least deprived quintile value (in unit)",
        "abs_gap": "Gap, most minus least deprived (in unit)",
        "ratio": "Ratio, most to least deprived",
        "gap_significant_834": "Gap significant (83.4% intervals)",
        "sii": "Slope index of inequality (in unit)",
        "sii_lcl95": "SII lower 95% limit (in unit)",
        "sii_ucl95": "SII upper 95% limit (in unit)",
        "rii": "Relative index of inequality (ratio)",
        "rii_lcl95": "RII lower 95% limit (ratio)",
        "rii_ucl95": "RII upper 95% limit (ratio)",
        "transform": "SII scale",
        "rank_basis": "Quantile positions",
        "polarity": "Polarity",
        "sign_convention_note": "Reading the SII",
        "excess_events": "Excess events (count)",
        "unstable_reason": "Read with care because",
        "ics_ods_code": "ICS code (ODS)",
        "ics_ons_code": "ICS code (ONS)",
        "ics_name": "ICS name",
        "region": "NHS England region",
        "core20_share": "Core20 share of population (0–1)",
        "imd_average_score": "Average IMD score",
        "compare_england_2level": "Compared with England (95% and 99.8%)",
        "funnel_band": "Funnel plot position",
        "funnel_lcl95": "Funnel lower 95% limit (in unit)",
        "funnel_ucl95": "Funnel upper 95% limit (in unit)",
        "funnel_lcl998": "Funnel lower 99.8% limit (in unit)",
        "funnel_ucl998": "Funnel upper 99.8% limit (in unit)",
        "funnel_tau2": "Funnel overdispersion τ²",
        "sii_vs_england": "SII compared with England's",
        "quadrant": "Value and inequality against England",
        "trend_marker": "Change since baseline",
        "rank_value": "Rank of value (1 = highest)",
        "sii_unstable_reason": "SII: read with care because",
        "quintile": "Deprivation quintile (1 = most deprived)",
        "q1_minus_q5": "Gap, most minus least deprived (in unit)",
        "q1_over_q5": "Ratio, most to least deprived",
        "compare_england_same_quintile": "Compared with England's same quintile",
        "core20_value_vs_england_core20": "Most deprived quintile against England's",
        "geography_level": "Geography level",
        "geography_code": "Geography code",
        "geography_name": "Geography",
        "baseline_period": "Baseline period",
        "baseline_value": "Baseline value (in unit)",
        "latest_value": "Value in period (in unit)",
        "abs_change": "Change (in unit)",
        "rel_change": "Relative change (fraction of baseline)",
        "change_lcl": "Change lower 95% limit (in unit)",
        "change_ucl": "Change upper 95% limit (in unit)",
        "direction": "Direction of change",
        "sii_baseline": "Baseline SII (in unit)",
        "sii_latest": "SII in period (in unit)",
        "sii_change": "Change in SII (in unit)",
        "sii_change_lcl": "SII change lower 95% limit (in unit)",
        "sii_change_ucl": "SII change upper 95% limit (in unit)",
        "gap_direction": "Gap narrowing or widening",
        "fingertips_trend_marker": "Recent trend (Fingertips)",
        "statement_type": "Statement type",
        "rank": "Order",
        "text": "Statement",
        "source_table": "Source table",
        "source_key": "Source row",
        "item": "Item",
        "table_name": "Table",
        "row_key": "Row key",
        "column_name": "Column",
        "action": "Action",
        "reason_code": "Reason",
        "suppression_flag": "Disclosure action on row",
        "suppression_reason": "Disclosure reasons",
        "imd_vintage": "IMD vintage",
        "icb_vintage": "ICB boundaries",
        "population_source": "Population source",
        "run_id": "Run",
        "manifest_sha256": "Input manifest SHA-256",
    ]

    /// Rounding of number columns in files, by column name; other number columns are in the indicator's
    /// unit and keep one decimal place, as Fingertips publishes them.
    static let precisions: [String: PublishedColumn.Precision] = [
        "population_share": .decimals(4),
        "core20_share": .decimals(4),
        "imd_average_score": .decimals(2),
        "ratio": .decimals(3),
        "q1_over_q5": .decimals(3),
        "rii": .decimals(3),
        "rii_lcl95": .decimals(3),
        "rii_ucl95": .decimals(3),
        "rel_change": .decimals(3),
        "funnel_tau2": .significant(3),
        "excess_events": .decimals(0),
    ]

    static func label(_ name: String) -> String { labels[name] ?? name }

    static func precision(_ name: String, kind: PublishedColumn.Kind) -> PublishedColumn.Precision {
        switch kind {
        case .integer, .count: .decimals(0)
        case .number: precisions[name] ?? .decimals(1)
        case .text: .decimals(0)
        }
    }
}

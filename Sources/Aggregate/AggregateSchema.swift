import Checkpoints
import PipelineCore

/// Tables the aggregate stage writes (documented in docs/TABLES.md); append-only (docs/ARCHITECTURE.md).
enum AggregateSchema {
    static let migrations = [
        SchemaMigration(6, "v1-aggregate", sql: sql),
        SchemaMigration(7, "v2-aggregate-headline-facts", sql: headlineFactsWithoutText),
        SchemaMigration(19, "v3-aggregate-funnel-overdispersion", sql: funnelOverdispersion),
        SchemaMigration(23, "v4-aggregate-place-comparison", sql: placeComparison),
        SchemaMigration(47, "v5-aggregate-reference-group-gap", sql: referenceGroupGap),
        SchemaMigration(54, "v6-aggregate-input", sql: aggregateInput),
    ]

    /// What each indicator's period was computed from, to compute again only what changed (docs/ARCHITECTURE.md,
    /// "Downstream by period").
    static let aggregateInput = """
        CREATE TABLE aggregate_input (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            digest TEXT NOT NULL,
            basis TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period)
        ) STRICT;
        """

    /// Each ethnic group and category against the White group (docs/METHODS.md, "Groups against a reference
    /// group").
    static let referenceGroupGap = """
        CREATE TABLE reference_group_gap (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            breakdown_type TEXT NOT NULL CHECK (breakdown_type IN ('ethnic_group', 'ethnic_category')),
            breakdown_index INTEGER NOT NULL,
            reference_index INTEGER NOT NULL,
            value REAL,
            reference_value REAL,
            abs_gap REAL,
            ratio REAL,
            lcl834 REAL,
            ucl834 REAL,
            reference_lcl834 REAL,
            reference_ucl834 REAL,
            comparison TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT;
        """

    /// Each place against its own ICS: the two-level test and the within-system funnel (docs/METHODS.md
    /// §10, "Places").
    static let placeComparison = """
        CREATE TABLE place_comparison (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            place_code TEXT NOT NULL,
            value REAL,
            ics_value REAL,
            compare_95 TEXT NOT NULL,
            compare_998 TEXT NOT NULL,
            comparison TEXT NOT NULL,
            funnel_band TEXT NOT NULL,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            PRIMARY KEY (indicator_id, period, place_code)
        ) STRICT;
        """

    /// Headline statements are worded by the report stage only; the aggregate stage keeps the facts.
    /// The between-ICS variance the funnel limits were widened by (docs/METHODS.md §10); NULL when the
    /// adjustment is not configured.
    static let funnelOverdispersion = """
        ALTER TABLE england_comparison ADD COLUMN funnel_tau2 REAL;
        """

    static let headlineFactsWithoutText = """
        ALTER TABLE headline_fact DROP COLUMN text;
        """

    static let sql = """
        CREATE TABLE inequality_index (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            quantile_type TEXT NOT NULL CHECK (quantile_type IN ('imd_quintile', 'imd_decile')),
            n_quantiles INTEGER NOT NULL,
            position_basis TEXT NOT NULL,
            scale TEXT NOT NULL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            ci_method TEXT,
            sii_vs_england TEXT,
            unstable INTEGER NOT NULL,
            unstable_reason TEXT,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, quantile_type)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE quintile_gap (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            q1_value REAL,
            q5_value REAL,
            abs_gap REAL,
            ratio REAL,
            q1_lcl834 REAL,
            q1_ucl834 REAL,
            q5_lcl834 REAL,
            q5_ucl834 REAL,
            gap_significant_834 INTEGER,
            excess_events REAL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE england_comparison (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            value REAL,
            england_value REAL,
            compare_95 TEXT NOT NULL,
            compare_998 TEXT NOT NULL,
            comparison TEXT NOT NULL,
            funnel_band TEXT NOT NULL,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            PRIMARY KEY (indicator_id, period, icb_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE trend (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            baseline_period TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            baseline_value REAL,
            value REAL,
            abs_change REAL,
            rel_change REAL,
            change_lcl95 REAL,
            change_ucl95 REAL,
            direction TEXT NOT NULL,
            sii_baseline REAL,
            sii_latest REAL,
            sii_change REAL,
            sii_change_lcl95 REAL,
            sii_change_ucl95 REAL,
            gap_direction TEXT,
            recent_trend TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE headline_fact (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            statement_type TEXT NOT NULL,
            rank INTEGER NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            text TEXT NOT NULL,
            source_table TEXT NOT NULL,
            source_key TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period, statement_type, rank)
        ) STRICT, WITHOUT ROWID;
        """
}

import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Render

/// The report stage's tables: the published State of Care tables as the checkpoint holds them (their
/// columns are documented in docs/PUBLISHED_TABLES.md). Append-only (docs/ARCHITECTURE.md): a change to a
/// published table is a new migration, and a test checks that ``PublishedCatalog`` and these tables agree.
enum ReportSchema {
    static let migrations = [
        SchemaMigration(8, "v1-report", sql: v1),
        SchemaMigration(16, "v2-report-ics-deprivation-score", sql: icsDeprivationScore),
        SchemaMigration(18, "v3-report-ics-sii-unstable", sql: icsSiiUnstable),
        SchemaMigration(20, "v4-report-funnel-overdispersion", sql: funnelOverdispersion),
        SchemaMigration(24, "v5-report-places", sql: places),
        SchemaMigration(26, "v6-report-trend-marker-controlled", sql: trendMarkerControlled),
        SchemaMigration(32, "v7-report-headline-range-ends", sql: headlineRangeEnds),
        SchemaMigration(38, "v8-report-ics-completeness", sql: icsCompleteness),
        SchemaMigration(39, "v9-report-suppressed-cells-by-period", sql: suppressedCellsByPeriod),
        SchemaMigration(44, "v10-report-audited-period", sql: auditedPeriod),
        SchemaMigration(48, "v11-report-ethnic-groups", sql: ethnicGroups),
        SchemaMigration(49, "v12-report-reference-gap-intervals", sql: referenceGapIntervals),
    ]

    /// Ethnic groups (docs/DATA.md, "Ethnic groups"): `soc_national_by_group` gains each group against the White
    /// group and where England's counts come from (docs/DATA.md, "England as published"), and
    /// `soc_ics_by_ethnic_group` is new. Every report run fills the tables anew, so the first is created again
    /// empty with the columns in published order.
    static let ethnicGroups = """
        DROP TABLE soc_national_by_group;
        CREATE TABLE soc_national_by_group (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            indicator_title TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_value TEXT NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            method TEXT NOT NULL,
            england_value REAL,
            compare_england TEXT,
            population_share REAL,
            reference_group TEXT,
            reference_value REAL,
            gap_to_reference REAL,
            ratio_to_reference REAL,
            compare_reference TEXT,
            counted_from TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, breakdown_type, breakdown_value)
        ) STRICT;
        CREATE TABLE soc_ics_by_ethnic_group (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            ethnic_group TEXT NOT NULL,
            group_order INTEGER NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            unit TEXT NOT NULL,
            share_of_ics REAL,
            england_group_value REAL,
            compare_england_same_group TEXT,
            reference_group TEXT,
            reference_value REAL,
            gap_to_reference REAL,
            ratio_to_reference REAL,
            compare_reference TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code, group_order)
        ) STRICT;
        """

    /// The gap and ratio to the White group with their 95% limits (docs/METHODS.md, "Groups against a reference
    /// group"): both tables created again empty with the columns in published order (every run fills them anew).
    static let referenceGapIntervals = """
        DROP TABLE soc_national_by_group;
        DROP TABLE soc_ics_by_ethnic_group;
        CREATE TABLE soc_national_by_group (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            indicator_title TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_value TEXT NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            method TEXT NOT NULL,
            england_value REAL,
            compare_england TEXT,
            population_share REAL,
            reference_group TEXT,
            reference_value REAL,
            gap_to_reference REAL,
            gap_lcl95 REAL,
            gap_ucl95 REAL,
            ratio_to_reference REAL,
            ratio_lcl95 REAL,
            ratio_ucl95 REAL,
            compare_reference TEXT,
            counted_from TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, breakdown_type, breakdown_value)
        ) STRICT;
        CREATE TABLE soc_ics_by_ethnic_group (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            ethnic_group TEXT NOT NULL,
            group_order INTEGER NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            unit TEXT NOT NULL,
            share_of_ics REAL,
            england_group_value REAL,
            compare_england_same_group TEXT,
            reference_group TEXT,
            reference_value REAL,
            gap_to_reference REAL,
            gap_lcl95 REAL,
            gap_ucl95 REAL,
            ratio_to_reference REAL,
            ratio_lcl95 REAL,
            ratio_ucl95 REAL,
            compare_reference TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code, group_order)
        ) STRICT;
        """

    /// A range statement's lowest and highest values in their own columns, beside the figure, so that
    /// `lcl95` and `ucl95` only ever hold a 95% interval (docs/PUBLISHED_TABLES.md, `soc_headlines`). Every
    /// report run fills the table anew, so it is created again empty with the columns in published order.
    static let headlineRangeEnds = """
        DROP TABLE soc_headlines;
        CREATE TABLE soc_headlines (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            statement_type TEXT NOT NULL,
            rank INTEGER NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            range_low REAL,
            range_high REAL,
            text TEXT NOT NULL,
            source_table TEXT NOT NULL,
            source_key TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, statement_type, rank)
        ) STRICT;
        """

    /// The recent-trend marker is hidden where a value of its series is (docs/DISCLOSURE.md); SQLite cannot
    /// drop a NOT NULL, and every report run fills the table anew, so it is created again empty.
    static let trendMarkerControlled = """
        DROP TABLE soc_trend_vs_baseline;
        CREATE TABLE soc_trend_vs_baseline (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_value TEXT NOT NULL,
            baseline_period TEXT NOT NULL,
            baseline_value REAL,
            latest_value REAL,
            abs_change REAL,
            rel_change REAL,
            change_lcl REAL,
            change_ucl REAL,
            direction TEXT NOT NULL,
            sii_baseline REAL,
            sii_latest REAL,
            sii_change REAL,
            sii_change_lcl REAL,
            sii_change_ucl REAL,
            gap_direction TEXT,
            fingertips_trend_marker TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, geography_code, breakdown_type, breakdown_value)
        ) STRICT;
        """

    /// `soc_place`: each place within its ICS (docs/DATA.md, "Places").
    static let places = """
        CREATE TABLE soc_place (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            place_code TEXT NOT NULL,
            place_name TEXT NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            ics_value REAL,
            compare_ics_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            ics_places INTEGER NOT NULL,
            ics_places_shown INTEGER NOT NULL,
            ics_place_lowest REAL,
            ics_place_highest REAL,
            ics_place_range REAL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, place_code)
        ) STRICT;
        """

    /// Each period's disclosure audit verdict and the digest of what it read (docs/ARCHITECTURE.md,
    /// "Downstream by period").
    static let auditedPeriod = """
        CREATE TABLE report_audited_period (
            period TEXT PRIMARY KEY,
            digest TEXT NOT NULL,
            cells_checked INTEGER NOT NULL,
            hidden_cells INTEGER NOT NULL,
            relations_used INTEGER NOT NULL,
            programs INTEGER NOT NULL,
            relations_by_kind TEXT NOT NULL,
            narrowest_width REAL
        ) STRICT;
        """

    /// The disclosure log is read per table, indicator and period, by the formats and the audit; with the
    /// primary key alone each read walked every row of the table (docs/ARCHITECTURE.md, "Report memory").
    static let suppressedCellsByPeriod = """
        CREATE INDEX soc_suppressed_cells_by_period ON soc_suppressed_cells (table_name, indicator_id, period_start);
        """

    /// `soc_ics_league` says, row by row, whether England's counts that period are all in some ICS
    /// (docs/DATA.md, "Unknown places in the totals"); rebuilt so the column sits before the disclosure
    /// columns, its rows kept (`complete`: no earlier run counted anything in no ICS).
    static let icsCompleteness = """
        CREATE TABLE soc_ics_league_v8 (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_ons_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            region TEXT NOT NULL,
            population INTEGER,
            core20_share REAL,
            imd_average_score REAL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            compare_england_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            funnel_tau2 REAL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            sii_vs_england TEXT,
            quadrant TEXT,
            trend_marker TEXT,
            rank_value INTEGER,
            sii_unstable_reason TEXT,
            completeness TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code)
        ) STRICT;
        INSERT INTO soc_ics_league_v8 SELECT indicator_id, period_start, period_end, ics_ods_code, ics_ons_code, ics_name, region, population,
            core20_share, imd_average_score, numerator, denominator, value, lcl95, ucl95, lcl998, ucl998, unit, compare_england_2level, funnel_band,
            funnel_lcl95, funnel_ucl95, funnel_lcl998, funnel_ucl998, funnel_tau2, sii, sii_lcl95, sii_ucl95, rii, rii_lcl95, rii_ucl95,
            sii_vs_england, quadrant, trend_marker, rank_value, sii_unstable_reason, 'complete', suppression_flag, suppression_reason, imd_vintage,
            icb_vintage, population_source, run_id, manifest_sha256 FROM soc_ics_league;
        DROP TABLE soc_ics_league;
        ALTER TABLE soc_ics_league_v8 RENAME TO soc_ics_league;
        """

    /// `soc_ics_league` gives the between-ICS variance its funnel limits were widened by, when the
    /// overdispersion adjustment is configured (docs/METHODS.md §10); rebuilt so the column sits with the
    /// funnel's, its rows kept.
    static let funnelOverdispersion = """

        CREATE TABLE soc_ics_league_v4 (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_ons_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            region TEXT NOT NULL,
            population INTEGER,
            core20_share REAL,
            imd_average_score REAL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            compare_england_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            funnel_tau2 REAL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            sii_vs_england TEXT,
            quadrant TEXT,
            trend_marker TEXT,
            rank_value INTEGER,
            sii_unstable_reason TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code)
        ) STRICT;
                        INSERT INTO soc_ics_league_v4 SELECT indicator_id, period_start, period_end, ics_ods_code, ics_ons_code, ics_name, region, population, core20_share, imd_average_score, numerator, denominator, value, lcl95, ucl95, lcl998, ucl998, unit, compare_england_2level, funnel_band, funnel_lcl95, funnel_ucl95, funnel_lcl998, funnel_ucl998, NULL, sii, sii_lcl95, sii_ucl95, rii, rii_lcl95, rii_ucl95, sii_vs_england, quadrant, trend_marker, rank_value, sii_unstable_reason, suppression_flag, suppression_reason, imd_vintage, icb_vintage, population_source, run_id, manifest_sha256 FROM soc_ics_league;
        DROP TABLE soc_ics_league;
        ALTER TABLE soc_ics_league_v4 RENAME TO soc_ics_league;
        """

    /// `soc_ics_league` says why an ICS's SII should be read with care, as the England table does
    /// (docs/METHODS.md §8), so charts can draw it hollow and headlines leave it out. The table is rebuilt
    /// so the column sits with the SII's other columns, its rows kept.
    static let icsSiiUnstable = """
        CREATE TABLE soc_ics_league_v3 (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_ons_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            region TEXT NOT NULL,
            population INTEGER,
            core20_share REAL,
            imd_average_score REAL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            compare_england_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            sii_vs_england TEXT,
            quadrant TEXT,
            trend_marker TEXT,
            rank_value INTEGER,
            sii_unstable_reason TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code)
        ) STRICT;
                INSERT INTO soc_ics_league_v3 SELECT indicator_id, period_start, period_end, ics_ods_code, ics_ons_code, ics_name, region, population, core20_share, imd_average_score, numerator, denominator, value, lcl95, ucl95, lcl998, ucl998, unit, compare_england_2level, funnel_band, funnel_lcl95, funnel_ucl95, funnel_lcl998, funnel_ucl998, sii, sii_lcl95, sii_ucl95, rii, rii_lcl95, rii_ucl95, sii_vs_england, quadrant, trend_marker, rank_value, NULL, suppression_flag, suppression_reason, imd_vintage, icb_vintage, population_source, run_id, manifest_sha256 FROM soc_ics_league;
        DROP TABLE soc_ics_league;
        ALTER TABLE soc_ics_league_v3 RENAME TO soc_ics_league;
        """

    /// `soc_ics_league` gains each ICS's average IMD score beside its Core20 share (docs/DATA.md, "ICS-level
    /// sources"); the table is rebuilt so the column sits with the ICS's other facts, its rows kept.
    static let icsDeprivationScore = """
        CREATE TABLE soc_ics_league_v2 (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_ons_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            region TEXT NOT NULL,
            population INTEGER,
            core20_share REAL,
            imd_average_score REAL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            compare_england_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            sii_vs_england TEXT,
            quadrant TEXT,
            trend_marker TEXT,
            rank_value INTEGER,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code)
        ) STRICT;
        INSERT INTO soc_ics_league_v2 SELECT indicator_id, period_start, period_end, ics_ods_code, ics_ons_code, ics_name, region, population, core20_share, NULL, numerator, denominator, value, lcl95, ucl95, lcl998, ucl998, unit, compare_england_2level, funnel_band, funnel_lcl95, funnel_ucl95, funnel_lcl998, funnel_ucl998, sii, sii_lcl95, sii_ucl95, rii, rii_lcl95, rii_ucl95, sii_vs_england, quadrant, trend_marker, rank_value, suppression_flag, suppression_reason, imd_vintage, icb_vintage, population_source, run_id, manifest_sha256 FROM soc_ics_league;
        DROP TABLE soc_ics_league;
        ALTER TABLE soc_ics_league_v2 RENAME TO soc_ics_league;
        """

    /// The eight tables as first published.
    static let v1 = """
        CREATE TABLE soc_national_by_group (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            indicator_title TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_value TEXT NOT NULL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            method TEXT NOT NULL,
            england_value REAL,
            compare_england TEXT,
            population_share REAL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, breakdown_type, breakdown_value)
        ) STRICT;
        CREATE TABLE soc_national_inequality (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            indicator_title TEXT NOT NULL,
            n_quantiles INTEGER NOT NULL,
            q1_value REAL,
            q5_value REAL,
            abs_gap REAL,
            ratio REAL,
            gap_significant_834 TEXT,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            transform TEXT,
            rank_basis TEXT,
            polarity TEXT NOT NULL,
            sign_convention_note TEXT NOT NULL,
            excess_events REAL,
            unstable_reason TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, n_quantiles)
        ) STRICT;
        CREATE TABLE soc_ics_league (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_ons_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            region TEXT NOT NULL,
            population INTEGER,
            core20_share REAL,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            unit TEXT NOT NULL,
            compare_england_2level TEXT,
            funnel_band TEXT,
            funnel_lcl95 REAL,
            funnel_ucl95 REAL,
            funnel_lcl998 REAL,
            funnel_ucl998 REAL,
            sii REAL,
            sii_lcl95 REAL,
            sii_ucl95 REAL,
            rii REAL,
            rii_lcl95 REAL,
            rii_ucl95 REAL,
            sii_vs_england TEXT,
            quadrant TEXT,
            trend_marker TEXT,
            rank_value INTEGER,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code)
        ) STRICT;
        CREATE TABLE soc_ics_quintile_gap (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            ics_ods_code TEXT NOT NULL,
            ics_name TEXT NOT NULL,
            quintile INTEGER NOT NULL,
            population INTEGER,
            numerator INTEGER,
            denominator INTEGER,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            q1_minus_q5 REAL,
            q1_over_q5 REAL,
            gap_significant_834 TEXT,
            compare_england_same_quintile TEXT,
            core20_value_vs_england_core20 TEXT,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, ics_ods_code, quintile)
        ) STRICT;
        CREATE TABLE soc_trend_vs_baseline (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            geography_level TEXT NOT NULL,
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL,
            breakdown_value TEXT NOT NULL,
            baseline_period TEXT NOT NULL,
            baseline_value REAL,
            latest_value REAL,
            abs_change REAL,
            rel_change REAL,
            change_lcl REAL,
            change_ucl REAL,
            direction TEXT NOT NULL,
            sii_baseline REAL,
            sii_latest REAL,
            sii_change REAL,
            sii_change_lcl REAL,
            sii_change_ucl REAL,
            gap_direction TEXT,
            fingertips_trend_marker TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, geography_code, breakdown_type, breakdown_value)
        ) STRICT;
        CREATE TABLE soc_headlines (
            indicator_id TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            statement_type TEXT NOT NULL,
            rank INTEGER NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            text TEXT NOT NULL,
            source_table TEXT NOT NULL,
            source_key TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, period_start, statement_type, rank)
        ) STRICT;
        CREATE TABLE soc_metadata (
            indicator_id TEXT NOT NULL,
            period_start TEXT,
            period_end TEXT,
            item TEXT NOT NULL,
            value TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (indicator_id, item)
        ) STRICT;
        CREATE TABLE soc_suppressed_cells (
            indicator_id TEXT NOT NULL,
            period_start TEXT,
            period_end TEXT,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            column_name TEXT NOT NULL,
            action TEXT NOT NULL,
            reason_code TEXT NOT NULL,
            suppression_flag TEXT NOT NULL,
            suppression_reason TEXT,
            imd_vintage TEXT NOT NULL,
            icb_vintage TEXT NOT NULL,
            population_source TEXT NOT NULL,
            run_id TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (table_name, row_key, column_name)
        ) STRICT;
        """
}

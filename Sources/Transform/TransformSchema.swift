import Checkpoints
import PipelineCore

/// Tables the transform stage writes (documented in docs/TABLES.md); append-only (docs/ARCHITECTURE.md).
enum TransformSchema {
    static let migrations = [
        SchemaMigration(5, "v1-transform", sql: sql), SchemaMigration(22, "v2-transform-places", sql: places),
        SchemaMigration(25, "v3-transform-geography-profile", sql: geographyProfile),
        SchemaMigration(30, "v4-transform-population-period", sql: populationPeriod),
        SchemaMigration(37, "v5-transform-unknown-place-groups", sql: unknownPlaceGroups),
        SchemaMigration(43, "v6-transform-input", sql: transformInput),
        SchemaMigration(46, "v7-transform-ethnic-groups-national-rows", sql: ethnicGroups),
        SchemaMigration(53, "v8-transform-need-allocation-period", sql: needAllocationPeriod),
        SchemaMigration(57, "v9-transform-values-without-counts", sql: valuesWithoutCounts),
        SchemaMigration(60, "v10-transform-quantile-population", sql: quantilePopulation),
    ]

    /// A decile's value published without counts is weighted in the SII by the decile's resident population
    /// (docs/METHODS.md §12): kept beside it, NULL for every value with counts.
    static let quantilePopulation = """
        ALTER TABLE indicator_value ADD COLUMN quantile_population REAL CHECK (quantile_population IS NULL OR quantile_population >= 0);
        """

    /// A value its source publishes without counts has no numerator or denominator (docs/DATA.md, "Values
    /// without counts"): `indicator_value` rebuilt with both nullable, and null together.
    static let valuesWithoutCounts = """
        CREATE TABLE indicator_value_v9 (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb', 'place')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL
                CHECK (breakdown_type IN ('all', 'imd_quintile', 'imd_decile', 'sex', 'imd_unknown', 'ics_unknown', 'ethnic_group', 'ethnic_category')),
            breakdown_value TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            numerator REAL,
            denominator REAL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            statistic TEXT NOT NULL,
            method TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            withheld_reason TEXT,
            suppressed_at_source_records INTEGER NOT NULL,
            from_national_rows INTEGER NOT NULL DEFAULT 0 CHECK (from_national_rows IN (0, 1)),
            CHECK ((numerator IS NULL) = (denominator IS NULL)),
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO indicator_value_v9 SELECT * FROM indicator_value;
        DROP TABLE indicator_value;
        ALTER TABLE indicator_value_v9 RENAME TO indicator_value;
        """

    /// Which allocation year of need weights each period is over (docs/DATA.md, "Access against need").
    static let needAllocationPeriod = """
        CREATE TABLE need_allocation_period (
            period TEXT PRIMARY KEY,
            allocation_year INTEGER NOT NULL,
            own_year INTEGER NOT NULL CHECK (own_year IN (0, 1))
        ) STRICT;
        """

    /// Values by broad ethnic group and detailed category (docs/DATA.md, "Ethnic groups"), and England's values
    /// computed from the publisher's own England rows (docs/DATA.md, "England as published"): `indicator_value`
    /// rebuilt with the two breakdowns in its CHECK and `from_national_rows`.
    static let ethnicGroups = """
        CREATE TABLE indicator_value_v7 (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb', 'place')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL
                CHECK (breakdown_type IN ('all', 'imd_quintile', 'imd_decile', 'sex', 'imd_unknown', 'ics_unknown', 'ethnic_group', 'ethnic_category')),
            breakdown_value TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            statistic TEXT NOT NULL,
            method TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            withheld_reason TEXT,
            suppressed_at_source_records INTEGER NOT NULL,
            from_national_rows INTEGER NOT NULL DEFAULT 0 CHECK (from_national_rows IN (0, 1)),
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO indicator_value_v7 SELECT *, 0 FROM indicator_value;
        DROP TABLE indicator_value;
        ALTER TABLE indicator_value_v7 RENAME TO indicator_value;
        """

    /// What each period's values were computed from (docs/ARCHITECTURE.md, "Downstream by period").
    static let transformInput = """
        CREATE TABLE transform_input (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            digest TEXT NOT NULL,
            basis TEXT NOT NULL,
            PRIMARY KEY (dataset, period)
        ) STRICT;
        """

    /// The groups of counts with no deprivation decile and of England's counts in no ICS (docs/DATA.md,
    /// "Unknown places in the totals"). SQLite cannot alter a CHECK, so `indicator_value` is rebuilt.
    static let unknownPlaceGroups = """
        CREATE TABLE indicator_value_v5 (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb', 'place')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL
                CHECK (breakdown_type IN ('all', 'imd_quintile', 'imd_decile', 'sex', 'imd_unknown', 'ics_unknown')),
            breakdown_value TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            statistic TEXT NOT NULL,
            method TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            withheld_reason TEXT,
            suppressed_at_source_records INTEGER NOT NULL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO indicator_value_v5 SELECT * FROM indicator_value;
        DROP TABLE indicator_value;
        ALTER TABLE indicator_value_v5 RENAME TO indicator_value;
        """

    /// Which mid-year population each period's rates are over (docs/DATA.md, "Populations by year").
    static let populationPeriod = """
        CREATE TABLE population_period (
            period TEXT PRIMARY KEY,
            population_year INTEGER NOT NULL,
            own_year INTEGER NOT NULL CHECK (own_year IN (0, 1))
        ) STRICT;
        """

    /// Each geography's people and deprivation, computed once from the population so later stages never
    /// add up ingest rows (docs/TABLES.md, "Transform").
    static let geographyProfile = """
        CREATE TABLE geography_profile (
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            ons_code TEXT NOT NULL,
            region_name TEXT NOT NULL,
            population REAL NOT NULL,
            population_q1 REAL NOT NULL,
            population_q2 REAL NOT NULL,
            population_q3 REAL NOT NULL,
            population_q4 REAL NOT NULL,
            population_q5 REAL NOT NULL,
            core20_share REAL NOT NULL,
            imd_average_score REAL,
            PRIMARY KEY (geography_level, geography_code)
        ) STRICT;
        """

    /// Places (sub-ICB locations) as a geography level, and the ICB each belongs to (docs/DATA.md,
    /// "Places"). SQLite cannot alter a CHECK, so `indicator_value` is rebuilt with its rows.
    static let places = """
        CREATE TABLE indicator_value_v2 (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb', 'place')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL CHECK (breakdown_type IN ('all', 'imd_quintile', 'imd_decile', 'sex')),
            breakdown_value TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            statistic TEXT NOT NULL,
            method TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            withheld_reason TEXT,
            suppressed_at_source_records INTEGER NOT NULL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO indicator_value_v2 SELECT * FROM indicator_value;
        DROP TABLE indicator_value;
        ALTER TABLE indicator_value_v2 RENAME TO indicator_value;
        CREATE TABLE indicator_place (
            place_code TEXT PRIMARY KEY,
            place_name TEXT NOT NULL,
            icb_code TEXT NOT NULL
        ) STRICT;
        """

    static let sql = """
        CREATE TABLE indicator_value (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'region', 'icb')),
            geography_code TEXT NOT NULL,
            geography_name TEXT NOT NULL,
            breakdown_type TEXT NOT NULL CHECK (breakdown_type IN ('all', 'imd_quintile', 'imd_decile', 'sex')),
            breakdown_value TEXT NOT NULL,
            breakdown_index INTEGER NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            statistic TEXT NOT NULL,
            method TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            withheld_reason TEXT,
            suppressed_at_source_records INTEGER NOT NULL,
            PRIMARY KEY (indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE indicator_data_quality (
            indicator_id TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            records INTEGER NOT NULL,
            share_unmapped_lsoa REAL NOT NULL,
            share_unknown_sex REAL NOT NULL,
            share_unknown_age REAL NOT NULL,
            share_suppressed_at_source REAL NOT NULL,
            PRIMARY KEY (indicator_id, period, icb_code)
        ) STRICT;
        CREATE TABLE indicator_definition (
            indicator_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            statistic TEXT NOT NULL,
            multiplier REAL NOT NULL,
            unit TEXT NOT NULL,
            age_from INTEGER,
            age_to INTEGER,
            polarity TEXT NOT NULL,
            breakdowns TEXT NOT NULL,
            definition TEXT
        ) STRICT;
        """
}

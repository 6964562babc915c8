import Checkpoints
import PipelineCore

/// The ingest stage's tables (described in docs/TABLES.md); append-only (docs/ARCHITECTURE.md).
enum IngestSchema {
    static let migrations = [
        SchemaMigration(4, "v1-ingest", sql: ingestTables),
        SchemaMigration(11, "v2-ingest-events-apportioned", sql: eventsApportioned),
        SchemaMigration(12, "v3-ingest-icb-totals", sql: icbTotals),
        SchemaMigration(13, "v4-ingest-attributed", sql: attributed),
        SchemaMigration(14, "v5-ingest-top-age-band", sql: topAgeBand),
        SchemaMigration(15, "v6-ref-icb-deprivation", sql: icbDeprivation),
        SchemaMigration(17, "v7-ref-icb-boundary", sql: icbBoundary),
        SchemaMigration(21, "v8-ref-sub-icb", sql: subIcb),
        SchemaMigration(27, "v9-ingest-attribution-coverage", sql: attributionCoverage),
        SchemaMigration(28, "v10-ingest-file-stat", sql: fileStat),
        SchemaMigration(29, "v11-ingest-population-year", sql: populationYear),
        SchemaMigration(31, "v12-ingest-population-year-before-population", sql: populationYearBeforePopulation),
        SchemaMigration(33, "v13-ingest-icb-fractional-counts", sql: icbFractionalCounts),
        SchemaMigration(34, "v14-ingest-set-aside-count", sql: setAsideCount),
        SchemaMigration(35, "v15-ref-place-boundary", sql: placeBoundary),
        SchemaMigration(36, "v16-unplaced-total", sql: unplacedTotal),
        SchemaMigration(40, "v17-ingest-file-part", sql: filePart),
        SchemaMigration(41, "v18-ingest-file-part-read-in-order", sql: filePartReadInOrder),
        SchemaMigration(42, "v19-ingest-period-digest", sql: periodDigest),
        SchemaMigration(45, "v20-ingest-ethnic-groups-and-england-rows", sql: ethnicGroupsAndEnglandRows),
        SchemaMigration(50, "v21-ingest-rate-denominator", sql: rateDenominator),
        SchemaMigration(51, "v22-ingest-need-population", sql: needPopulation),
        SchemaMigration(52, "v23-ingest-need-population-by-year", sql: needPopulationByYear),
        SchemaMigration(55, "v24-ingest-source-places", sql: sourcePlaces),
        SchemaMigration(56, "v25-ingest-unplaced-total-place", sql: unplacedTotalPlace),
        SchemaMigration(58, "v26-ingest-published-value", sql: publishedValue),
        SchemaMigration(59, "v27-ingest-published-value-by-decile", sql: publishedValueByDecile),
        SchemaMigration(61, "v28-ref-ethnic-group-population", sql: ethnicGroupPopulation),
    ]

    /// Usual residents by ICB and NHS ethnic category, from Census 2021 (docs/DATA.md, "Rates by ethnic group").
    static let ethnicGroupPopulation = """
        CREATE TABLE ref_ethnic_group_population (
            icb_ods_code TEXT NOT NULL,
            ethnic_category TEXT NOT NULL,
            population REAL NOT NULL CHECK (population >= 0),
            areas INTEGER NOT NULL,
            PRIMARY KEY (icb_ods_code, ethnic_category)
        ) STRICT;
        """

    /// Values published without counts by ICB × national decile (docs/DATA.md, "Values without counts"):
    /// `ingest_published_value` rebuilt with the decile in its key, 0 for a value over all deciles.
    static let publishedValueByDecile = """
        CREATE TABLE ingest_published_value_v27 (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'icb')),
            geography_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL DEFAULT 0 CHECK (imd_decile BETWEEN 0 AND 10),
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            suppressed_at_source INTEGER NOT NULL CHECK (suppressed_at_source IN (0, 1)),
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            CHECK ((value IS NULL) = (suppressed_at_source = 1)),
            PRIMARY KEY (dataset, period, geography_level, geography_code, imd_decile)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO ingest_published_value_v27
            (dataset, period, geography_level, geography_code, imd_decile, value, lcl95, ucl95, lcl998, ucl998, suppressed_at_source, path, line)
            SELECT dataset, period, geography_level, geography_code, 0, value, lcl95, ucl95, lcl998, ucl998, suppressed_at_source, path, line
            FROM ingest_published_value;
        DROP TABLE ingest_published_value;
        ALTER TABLE ingest_published_value_v27 RENAME TO ingest_published_value;
        """

    /// Values a source publishes without counts, with their published limits (docs/DATA.md, "Values without
    /// counts"): an ICB's, or England's own.
    static let publishedValue = """
        CREATE TABLE ingest_published_value (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            geography_level TEXT NOT NULL CHECK (geography_level IN ('england', 'icb')),
            geography_code TEXT NOT NULL,
            value REAL,
            lcl95 REAL,
            ucl95 REAL,
            lcl998 REAL,
            ucl998 REAL,
            suppressed_at_source INTEGER NOT NULL CHECK (suppressed_at_source IN (0, 1)),
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            CHECK ((value IS NULL) = (suppressed_at_source = 1)),
            PRIMARY KEY (dataset, period, geography_level, geography_code)
        ) STRICT, WITHOUT ROWID;
        """

    /// The place of counts whose decile is unknown but whose place is not: a GP practice with no deprivation
    /// score, placed by its practice list (docs/DATA.md, "Places of GP practices").
    static let unplacedTotalPlace = """
        ALTER TABLE ingest_unplaced_total ADD COLUMN sub_icb_code TEXT;
        """

    /// Whether a source's counts are kept by place (docs/DATA.md, "Places of GP practices"). Rows written before
    /// say 0; a source by LSOA has places by its grain whatever the column says.
    static let sourcePlaces = """
        ALTER TABLE ingest_source ADD COLUMN places INTEGER NOT NULL DEFAULT 0 CHECK (places IN (0, 1));
        """

    /// Need weights by allocation year (docs/DATA.md, "Access against need"): the table is rebuilt with the
    /// year in its key; rows kept from before are weights that serve every period (year 0).
    static let needPopulationByYear = """
        CREATE TABLE ref_need_population_by_year (
            component TEXT NOT NULL,
            allocation_year INTEGER NOT NULL,
            icb_ods_code TEXT NOT NULL,
            weighted_population REAL NOT NULL,
            practices INTEGER NOT NULL,
            PRIMARY KEY (component, allocation_year, icb_ods_code)
        ) STRICT;
        INSERT INTO ref_need_population_by_year (component, allocation_year, icb_ods_code, weighted_population, practices)
            SELECT component, 0, icb_ods_code, weighted_population, practices FROM ref_need_population;
        DROP TABLE ref_need_population;
        ALTER TABLE ref_need_population_by_year RENAME TO ref_need_population;
        """

    /// Each need-weighted component summed over an ICB's practices (docs/DATA.md, "Access against need").
    static let needPopulation = """
        CREATE TABLE ref_need_population (
            component TEXT NOT NULL,
            icb_ods_code TEXT NOT NULL,
            weighted_population REAL NOT NULL,
            practices INTEGER NOT NULL,
            PRIMARY KEY (component, icb_ods_code)
        ) STRICT;
        """

    /// What each source's rates are counted against: residents, or the denominator its own rows carry (a
    /// practice's registered list; docs/DATA.md, "Denominators").
    static let rateDenominator = """
        ALTER TABLE ingest_source ADD COLUMN rate_denominator TEXT NOT NULL DEFAULT 'residents';
        """

    /// Counts by ICB × ethnic group, and the ethnic group of counts whose ICB is unknown (docs/DATA.md,
    /// "Ethnic groups"); counts from the publisher's own England rows (docs/DATA.md, "England as published").
    static let ethnicGroupsAndEnglandRows = """
        CREATE TABLE ingest_icb_ethnic_group_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            ethnic_group TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, ethnic_group, sex, age_band)
        ) STRICT;
        ALTER TABLE ingest_unplaced_total ADD COLUMN ethnic_group TEXT;
        CREATE TABLE ingest_england_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            imd_decile INTEGER CHECK (imd_decile BETWEEN 1 AND 10),
            ethnic_group TEXT,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL
        ) STRICT;
        """

    /// What each source's counts of each period were made from (docs/ARCHITECTURE.md, "Downstream by period").
    static let periodDigest = """
        CREATE TABLE ingest_period_digest (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            digest TEXT NOT NULL,
            PRIMARY KEY (dataset, period)
        ) STRICT;
        """

    /// Whether the last run read the file in order rather than adding its part: then what the tables hold
    /// for it may differ from its part, and a run that adds the part rewrites its periods
    /// (docs/ARCHITECTURE.md, "Incremental ingest").
    static let filePartReadInOrder = """
        ALTER TABLE ingest_file_part ADD COLUMN read_in_order INTEGER NOT NULL DEFAULT 0 CHECK (read_in_order IN (0, 1));
        """

    /// Each input file's contribution to its source's totals, for incremental ingest (docs/ARCHITECTURE.md,
    /// "Incremental ingest").
    static let filePart = """
        CREATE TABLE ingest_file_part (
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            part_key TEXT NOT NULL,
            part BLOB NOT NULL,
            PRIMARY KEY (source, path)
        ) STRICT;
        """

    /// Counts with an unknown ICS or decile that are England's all the same (docs/DATA.md, "Unknown places in
    /// the totals"). A NULL ICB is an unknown ICS; a NULL decile an unknown one (or a grain with none).
    static let unplacedTotal = """
        CREATE TABLE ingest_unplaced_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT,
            imd_decile INTEGER CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL
        ) STRICT;
        """

    /// The places' outlines, when configured (docs/DATA.md, "Boundaries").
    static let placeBoundary = """
        CREATE TABLE ref_place_boundary (
            place_code TEXT NOT NULL,
            polygon INTEGER NOT NULL,
            ring INTEGER NOT NULL,
            coordinates TEXT NOT NULL,
            points TEXT NOT NULL,
            PRIMARY KEY (place_code, polygon, ring)
        ) STRICT;
        """

    /// What rows set aside for an unknown place count, by source, period and reason (docs/DATA.md, "Rows set
    /// aside").
    static let setAsideCount = """
        CREATE TABLE ingest_set_aside_count (
            source TEXT NOT NULL,
            period TEXT NOT NULL,
            reason TEXT NOT NULL,
            rows INTEGER NOT NULL,
            suppressed_rows INTEGER NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            PRIMARY KEY (source, period, reason)
        ) STRICT;
        """

    /// Counts by ICB may be fractional (a source declaring `"counts": "fractional"`, docs/DATA.md
    /// "Fractional counts"): the ICB totals' counts become REAL, the rows kept as they are.
    static let icbFractionalCounts = """
        CREATE TABLE ingest_icb_event_total_real (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            events REAL NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, sex, age_band)
        ) STRICT;
        INSERT INTO ingest_icb_event_total_real SELECT * FROM ingest_icb_event_total;
        DROP TABLE ingest_icb_event_total;
        ALTER TABLE ingest_icb_event_total_real RENAME TO ingest_icb_event_total;
        CREATE TABLE ingest_icb_proportion_total_real (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, sex, age_band)
        ) STRICT;
        INSERT INTO ingest_icb_proportion_total_real SELECT * FROM ingest_icb_proportion_total;
        DROP TABLE ingest_icb_proportion_total;
        ALTER TABLE ingest_icb_proportion_total_real RENAME TO ingest_icb_proportion_total;
        """

    /// `v11` put `population_year`, a key column, last; SQLite 3.40's `PRAGMA integrity_check` then reports
    /// the table's other NOT NULL columns as NULL (a false alarm, but one a damaged-database check must not
    /// raise). The same table with the population last.
    static let populationYearBeforePopulation = """
        CREATE TABLE ingest_population_reordered (
            icb_code TEXT NOT NULL,
            sub_icb_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            population_year INTEGER NOT NULL CHECK (population_year = 0 OR population_year BETWEEN 1900 AND 2199),
            population INTEGER NOT NULL,
            PRIMARY KEY (population_year, sub_icb_code, imd_decile, sex, age_band)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO ingest_population_reordered
            SELECT icb_code, sub_icb_code, imd_decile, sex, age_band, population_year, population FROM ingest_population;
        DROP TABLE ingest_population;
        ALTER TABLE ingest_population_reordered RENAME TO ingest_population;
        """

    /// The population by mid-year (docs/DATA.md, "Populations by year"): `population_year` joins the key, 0
    /// for a population that serves every period (every population ingested before).
    static let populationYear = """
        CREATE TABLE ingest_population_by_year (
            icb_code TEXT NOT NULL,
            sub_icb_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            population INTEGER NOT NULL,
            population_year INTEGER NOT NULL CHECK (population_year = 0 OR population_year BETWEEN 1900 AND 2199),
            PRIMARY KEY (population_year, sub_icb_code, imd_decile, sex, age_band)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO ingest_population_by_year
            SELECT icb_code, sub_icb_code, imd_decile, sex, age_band, population, 0 FROM ingest_population;
        DROP TABLE ingest_population;
        ALTER TABLE ingest_population_by_year RENAME TO ingest_population;
        """

    /// Ingest's stat cache: each file's metadata when it was last hashed (docs/ARCHITECTURE.md, "Skipping
    /// unchanged inputs").
    static let fileStat = """
        CREATE TABLE ingest_file_stat (
            path TEXT PRIMARY KEY,
            size_bytes INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            changed_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            device INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            recorded_ns INTEGER NOT NULL
        ) STRICT;
        """

    /// Per period, the events of a source counted by provider and those the attribution does not place
    /// (docs/DATA.md, "Counts by provider").
    static let attributionCoverage = """
        CREATE TABLE ingest_attribution_coverage (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            events INTEGER NOT NULL,
            unattributed_events INTEGER NOT NULL,
            unattributed_providers INTEGER NOT NULL,
            PRIMARY KEY (dataset, period)
        ) STRICT;
        """

    /// The sub-ICB locations ("places") of the lookup with their names (docs/DATA.md, "Places").
    static let subIcb = """
        CREATE TABLE ref_sub_icb (
            sub_icb_code TEXT PRIMARY KEY,
            sub_icb_ons_code TEXT,
            sub_icb_name TEXT NOT NULL,
            place_name TEXT NOT NULL,
            icb_ods_code TEXT NOT NULL
        ) STRICT;
        """

    /// The ICS outlines for the map, as read (WGS84 `lon,lat` pairs; docs/DATA.md, "Boundaries").
    static let icbBoundary = """
        CREATE TABLE ref_icb_boundary (
            icb_ods_code TEXT NOT NULL,
            polygon INTEGER NOT NULL,
            ring INTEGER NOT NULL,
            points TEXT NOT NULL,
            PRIMARY KEY (icb_ods_code, polygon, ring)
        ) STRICT;
        """

    /// Each ICB's average IMD score and rank, when configured (docs/DATA.md, "ICS-level sources").
    static let icbDeprivation = """
        CREATE TABLE ref_icb_deprivation (
            icb_ods_code TEXT NOT NULL PRIMARY KEY,
            imd_vintage TEXT NOT NULL,
            imd_average_score REAL NOT NULL,
            imd_rank_of_average_score INTEGER NOT NULL
        ) STRICT;
        """

    /// The oldest age band a source gives: `90+` (the ESP2013 bands), or `85+` where it stops there
    /// (docs/DATA.md, "Ages"); age-standardised rates then merge 85-89 and 90+.
    static let topAgeBand = """
        ALTER TABLE ingest_source ADD COLUMN top_age_band TEXT NOT NULL DEFAULT '90+';
        """

    /// Counts by provider shared out among ICBs — fractional, kept exact — and the providers the weights
    /// did not name (docs/DATA.md, "Counts by provider").
    static let attributed = """
        CREATE TABLE ingest_attributed_event_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            events REAL NOT NULL,
            providers INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, sex, age_band)
        ) STRICT;
        CREATE TABLE ingest_unattributed (
            dataset TEXT NOT NULL,
            provider_code TEXT NOT NULL,
            rows INTEGER NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (dataset, provider_code)
        ) STRICT;
        """

    /// Totals of sources at ICB grain, which have no deprivation decile (docs/DATA.md, "ICS-level sources").
    static let icbTotals = """
        CREATE TABLE ingest_icb_event_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            events INTEGER NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, sex, age_band)
        ) STRICT;
        CREATE TABLE ingest_icb_proportion_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator INTEGER NOT NULL,
            denominator INTEGER NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code, sex, age_band)
        ) STRICT;
        """

    /// Events (numerators, for proportions) shared out from LSOAs that split between vintages
    /// (docs/DATA.md, "Geography basis"): the data-quality measure of a converted source.
    static let eventsApportioned = """
        ALTER TABLE ingest_data_quality ADD COLUMN events_apportioned INTEGER NOT NULL DEFAULT 0;
        """

    static let ingestTables = """
        CREATE TABLE ingest_file (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            delivered_for_icb TEXT,
            size_bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_loaded INTEGER NOT NULL,
            rows_quarantined INTEGER NOT NULL,
            cells_suppressed_at_source INTEGER NOT NULL,
            PRIMARY KEY (source, path)
        ) STRICT;
        CREATE TABLE ingest_quarantine (
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            column INTEGER NOT NULL,
            column_name TEXT,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL
        ) STRICT;
        CREATE TABLE ingest_source (
            source TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            grain TEXT NOT NULL,
            vintage TEXT,
            files INTEGER NOT NULL,
            rows_loaded INTEGER NOT NULL,
            periods TEXT NOT NULL
        ) STRICT;
        CREATE TABLE ingest_event_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sub_icb_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            events INTEGER NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, sub_icb_code, imd_decile, sex, age_band)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE ingest_proportion_total (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            sub_icb_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            numerator INTEGER NOT NULL,
            denominator INTEGER NOT NULL,
            records INTEGER NOT NULL,
            suppressed_records INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, sub_icb_code, imd_decile, sex, age_band)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE ingest_population (
            icb_code TEXT NOT NULL,
            sub_icb_code TEXT NOT NULL,
            imd_decile INTEGER NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            population INTEGER NOT NULL,
            PRIMARY KEY (sub_icb_code, imd_decile, sex, age_band)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE ingest_data_quality (
            dataset TEXT NOT NULL,
            period TEXT NOT NULL,
            icb_code TEXT NOT NULL,
            records INTEGER NOT NULL,
            records_unmapped_lsoa INTEGER NOT NULL,
            records_unknown_sex INTEGER NOT NULL,
            records_unknown_age INTEGER NOT NULL,
            records_suppressed_at_source INTEGER NOT NULL,
            PRIMARY KEY (dataset, period, icb_code)
        ) STRICT;
        CREATE TABLE ingest_row (
            dataset TEXT NOT NULL,
            path TEXT NOT NULL,
            line INTEGER NOT NULL,
            area_code TEXT NOT NULL,
            period TEXT,
            sex TEXT NOT NULL,
            age_band TEXT NOT NULL,
            value1 INTEGER,
            value2 INTEGER
        ) STRICT;
        CREATE TABLE ref_icb (
            icb_ods_code TEXT PRIMARY KEY,
            icb_ons_code TEXT NOT NULL,
            icb_name TEXT NOT NULL,
            icb_short_name TEXT NOT NULL,
            region_ons_code TEXT NOT NULL,
            region_ods_code TEXT NOT NULL,
            region_name TEXT NOT NULL,
            vintage TEXT NOT NULL
        ) STRICT;
        CREATE TABLE ref_standard_population (
            age_band TEXT PRIMARY KEY,
            band_index INTEGER NOT NULL UNIQUE,
            weight REAL NOT NULL
        ) STRICT;
        CREATE TABLE ref_vintage (
            kind TEXT PRIMARY KEY,
            vintage TEXT NOT NULL,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL
        ) STRICT;
        """
}

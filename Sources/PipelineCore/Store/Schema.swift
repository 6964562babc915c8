import GRDB

/// The checkpoint database's schema, as ordered migrations.
///
/// Every table is STRICT. Each stage's tables are described in `docs/TABLES.md`.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in try db.execute(sql: ledger) }
        migrator.registerMigration("v1-ingest") { db in try db.execute(sql: ingestTables) }
        for (name, sql) in SchemaRegistry.stageMigrations {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    static let ledger = """
        CREATE TABLE pipeline_run (
            run_id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            command TEXT NOT NULL,
            config_sha256 TEXT NOT NULL,
            program_version TEXT NOT NULL,
            exit_code INTEGER,
            message TEXT
        ) STRICT;
        CREATE TABLE stage_checkpoint (
            stage TEXT PRIMARY KEY,
            run_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            upstream_fingerprint TEXT,
            completed_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            rows_written INTEGER NOT NULL,
            rows_by_table TEXT NOT NULL,
            notes TEXT NOT NULL
        ) STRICT;
        CREATE TABLE stage_attempt (
            attempt_id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'skipped')),
            fingerprint TEXT,
            duration_ms INTEGER NOT NULL,
            rows_written INTEGER NOT NULL,
            error_code TEXT,
            message TEXT
        ) STRICT;
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

/// What changed in a run compared with the checkpoint it replaced (the operators' digest).
let changeLog = """
    CREATE TABLE change_log (
        run_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('value_moved', 'comparison_changed', 'data_quality_changed')),
        subject TEXT NOT NULL,
        before TEXT,
        after TEXT
    ) STRICT;
    CREATE INDEX change_log_run ON change_log (run_id, kind);
    """

/// Migrations that later stages add (transform, aggregate, report), registered in order.
/// The report tables' DDL comes from ``PublishedCatalog``, the definitions the code publishes with.
enum SchemaRegistry {
    static var stageMigrations: [(String, String)] {
        [("v1-transform", TransformSchema.sql), ("v1-aggregate", AggregateSchema.sql), ("v1-change-log", changeLog),
         ("v1-report", PublishedCatalog.createSQL)]
    }
}

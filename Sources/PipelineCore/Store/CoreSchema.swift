import GRDB

/// One append-only schema step: an identifier and its SQL, never edited once released (a test pins each
/// by SHA-256; docs/ARCHITECTURE.md, "Migrations"). A change to a table is a new migration.
public struct SchemaMigration: Sendable {
    public let identifier: String
    public let sql: String

    public init(_ identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// The tables the orchestration owns: the run ledger, stage checkpoints and attempts, and the change log
/// every stage writes to. Every table is STRICT; all are described in `docs/TABLES.md`.
public enum CoreSchema {
    /// Core's migrations, applied before any stage's.
    public static let migrations: [SchemaMigration] = [
        SchemaMigration("v1-ledger", sql: ledger),
        SchemaMigration("v1-change-log", sql: changeLog),
        SchemaMigration("v2-fingerprint-parts", sql: fingerprintParts),
    ]

    /// A migrator for Core's and the given stages' migrations, in that order.
    static func migrator(_ stageMigrations: [SchemaMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations + stageMigrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
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

    /// What changed in a run compared with the checkpoint it replaced (the operators' digest).
    static let changeLog = """
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

    /// The parts of each checkpoint's fingerprint, so `plan` can name what changed.
    static let fingerprintParts = """
        ALTER TABLE stage_checkpoint ADD COLUMN fingerprint_parts TEXT;
        """
}

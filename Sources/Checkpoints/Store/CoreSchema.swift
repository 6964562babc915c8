import GRDB
import PipelineCore

/// One append-only schema step: its place in the one sequence every database applies (whichever module
/// owns it), an identifier and its SQL, never edited once released (a test pins each by SHA-256;
/// docs/ARCHITECTURE.md, "Migrations"). A change to a table is a new migration with the next number.
public struct SchemaMigration: Sendable {
    public let sequence: Int
    public let identifier: String
    public let sql: String

    public init(_ sequence: Int, _ identifier: String, sql: String) {
        self.sequence = sequence
        self.identifier = identifier
        self.sql = sql
    }
}

/// The tables the orchestration owns: the run ledger, stage checkpoints and attempts, and the change log
/// every stage writes to. Every table is STRICT; all are described in `docs/TABLES.md`.
public enum CoreSchema {
    /// Core's migrations (the ledger and change log first; later ones in their sequence place).
    public static let migrations: [SchemaMigration] = [
        SchemaMigration(1, "v1-ledger", sql: ledger),
        SchemaMigration(2, "v1-change-log", sql: changeLog),
        SchemaMigration(3, "v2-fingerprint-parts", sql: fingerprintParts),
        SchemaMigration(9, "v3-change-log-kinds", sql: changeLogKinds),
        SchemaMigration(10, "v3-run-interrupted", sql: runInterrupted),
    ]

    /// Core's and the stages' migrations in sequence order: a later Core migration runs after the stage
    /// migrations that shipped before it.
    public static func ordered(_ stageMigrations: [SchemaMigration]) -> [SchemaMigration] {
        let all = (migrations + stageMigrations).sorted { $0.sequence < $1.sequence }
        precondition(Set(all.map(\.sequence)).count == all.count, "two migrations share a sequence number")
        return all
    }

    /// A migrator for Core's and the given stages' migrations, in sequence order.
    static func migrator(_ stageMigrations: [SchemaMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in ordered(stageMigrations) {
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

    /// Rows that appear or disappear are changes too; `change_log` is rebuilt to allow the two new kinds.
    static let changeLogKinds = """
        CREATE TABLE change_log_v3 (
            run_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('value_moved', 'value_appeared', 'value_disappeared', 'comparison_changed', 'data_quality_changed')),
            subject TEXT NOT NULL,
            before TEXT,
            after TEXT
        ) STRICT;
        INSERT INTO change_log_v3 SELECT run_id, stage, kind, subject, NULL, NULL FROM change_log WHERE kind = 'value_moved';
        INSERT INTO change_log_v3 SELECT run_id, stage, kind, subject, before, after FROM change_log WHERE kind <> 'value_moved';
        DROP TABLE change_log;
        ALTER TABLE change_log_v3 RENAME TO change_log;
        CREATE INDEX change_log_run ON change_log (run_id, kind);
        """

    /// A run stopped by SIGTERM or SIGINT ends `interrupted`; `pipeline_run` is rebuilt to allow it.
    static let runInterrupted = """
        CREATE TABLE pipeline_run_v3 (
            run_id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
            command TEXT NOT NULL,
            config_sha256 TEXT NOT NULL,
            program_version TEXT NOT NULL,
            exit_code INTEGER,
            message TEXT
        ) STRICT;
        INSERT INTO pipeline_run_v3 SELECT * FROM pipeline_run;
        DROP TABLE pipeline_run;
        ALTER TABLE pipeline_run_v3 RENAME TO pipeline_run;
        """
}

import Foundation
public import GRDB
public import PipelineCore

/// The embedded SQLite checkpoint database (WAL): run ledger, stage checkpoints and stage tables.
///
/// Readers (`status`, `tables`) open it read-only and never block a writing run.
public final class CheckpointStore {
    public let path: String
    /// Reads, for every store.
    public let reader: any DatabaseReader
    private let writer: DatabasePool?

    /// The WAL pool of a store opened for writing (tests and stages); a read-only store has none.
    public var pool: DatabasePool {
        guard let writer else { preconditionFailure("CheckpointStore opened read-only") }
        return writer
    }

    /// Opens (creating if needed) the database and brings its schema up to date: Core's migrations, then
    /// the given stages' (each stage owns its tables; docs/ARCHITECTURE.md).
    /// - Parameter access: who may read the database and its side files (owner only by default).
    public init(path: String, migrations: [SchemaMigration], access: FileAccess = .ownerOnly) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // SQLite gives its -wal, -shm and -journal files the database file's permissions.
            try access.prepareFile(path)
            for suffix in ["-wal", "-shm", "-journal"] { access.restrictIfPresent(path + suffix) }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(
                .inputMissing, "cannot create the database folder", at: InputLocation(file: directory),
                hint: "check the path and permissions of 'database' in pipeline.json or --db")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try CoreSchema.migrator(migrations).migrate(pool)
            writer = pool
            reader = pool
        } catch let error as DatabaseError {
            throw PipelineError(
                .internal, "cannot open the checkpoint database: \(error.message ?? "\(error.resultCode)")",
                at: InputLocation(file: path),
                hint: "if the file is corrupt, move it aside; the next run rebuilds it from the inputs")
        }
    }

    /// Opens an existing database for reading only; `nil` if there is none yet.
    public static func openForReading(path: String) throws -> CheckpointStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try CheckpointStore(readOnlyPath: path)
    }

    /// A plain read-only connection: on an idle database (rollback journal, see ``closeForIdle()``) it
    /// writes nothing at all; during a run (WAL) it reads the last committed state without blocking.
    private init(readOnlyPath path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        writer = nil
        do {
            reader = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw PipelineError(
                .internal, "cannot read the checkpoint database: \(error.message ?? "\(error.resultCode)")",
                at: InputLocation(file: path))
        }
    }

    /// The current checkpoint of every stage that has one.
    public func checkpoints() throws -> [StageName: StageCheckpoint] {
        try reader.read { db in try Self.checkpoints(db) }
    }

    public static func checkpoints(_ db: Database) throws -> [StageName: StageCheckpoint] {
        guard try db.tableExists("stage_checkpoint") else { return [:] }
        var result: [StageName: StageCheckpoint] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM stage_checkpoint") {
            guard let stage = StageName(rawValue: row[StageCheckpoint.Columns.stage]) else { continue }
            result[stage] = StageCheckpoint(row: row, stage: stage)
        }
        return result
    }

    /// What a run changed compared with the checkpoints it replaced.
    public func changes(runID: String, examplesPerKind: Int = 10) throws -> RunSummary.Changes {
        try reader.read { db in
            var changes = RunSummary.Changes()
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM change_log WHERE run_id = ? GROUP BY 1", arguments: [runID]) {
                switch try row.decode("kind") as ChangeKind {
                case .valueMoved: changes.valuesMoved = row[1]
                case .valueAppeared: changes.valuesAppeared = row[1]
                case .valueDisappeared: changes.valuesDisappeared = row[1]
                case .comparisonChanged: changes.comparisonsChanged = row[1]
                case .dataQualityChanged: changes.dataQualityChanged = row[1]
                }
            }
            changes.examples = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, subject FROM (
                      SELECT *, row_number() OVER (PARTITION BY kind ORDER BY rowid) AS n FROM change_log WHERE run_id = ?)
                    WHERE n <= ? ORDER BY kind, n
                    """, arguments: [runID, examplesPerKind]
            ).map {
                RunSummary.Change(kind: try $0.decode(ChangeLogColumns.kind), subject: $0[ChangeLogColumns.subject])
            }
            return changes
        }
    }

    /// Recent runs, newest first.
    public func runs(limit: Int = 20) throws -> [RunRecord] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pipeline_run ORDER BY started_at DESC, run_id DESC LIMIT ?", arguments: [limit])
                .map { try RunRecord(row: $0) }
        }
    }
}

extension CheckpointStore {
    /// Ends a run: closes the WAL pool and returns the database to a rollback journal, so that readers of
    /// an idle database (`status`, `plan`, `history`) create no `-wal`/`-shm` files. The next writer turns
    /// WAL back on. Best effort: if a reader holds the database, it simply stays in WAL mode.
    public func closeForIdle() {
        guard let writer else { return }
        try? writer.close()
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        if let queue = try? DatabaseQueue(path: path, configuration: configuration) {
            _ = try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try? queue.close()
        }
    }
}

@available(*, unavailable)
extension CheckpointStore: Sendable {}

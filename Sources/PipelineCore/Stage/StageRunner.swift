import Foundation
import GRDB
import Logging

/// Runs stages against the checkpoint store: one transaction per stage for outputs and checkpoint.
public struct StageRunner {
    public let store: CheckpointStore

    public init(store: CheckpointStore) { self.store = store }

    /// Runs one stage and commits its outputs with its checkpoint, or nothing.
    ///
    /// - Throws: ``PipelineError`` with `.inputMissing` when the upstream checkpoint is missing or
    ///   stale (naming the stage to run first), or whatever the stage throws; in every failure case
    ///   the previous checkpoint and its tables are unchanged.
    @discardableResult
    public func run(_ stage: some PipelineStage, context: StageContext, force: Bool = false) throws -> StageReport {
        var context = context
        let checkpoints = try store.checkpoints()
        if let upstream = stage.name.upstream {
            guard let checkpoint = checkpoints[upstream] else {
                throw PipelineError(.inputMissing, "stage '\(stage.name.rawValue)' needs the '\(upstream.rawValue)' checkpoint, which does not exist",
                                    hint: "run `soc-pipeline run --stage \(upstream.rawValue)` first")
            }
            if checkpoint.isStale(given: checkpoints) {
                throw PipelineError(.inputMissing, "the '\(upstream.rawValue)' checkpoint is stale",
                                    hint: "run `soc-pipeline run --from \(upstream.rawValue)` first")
            }
            context.upstream = checkpoint
        }
        let started = Date()
        let startedText = Timestamp.iso8601(started)
        // Skip a stage whose inputs, configuration and program are exactly those of its checkpoint.
        if !force, let current = checkpoints[stage.name], !current.isStale(given: checkpoints) {
            let stageContext = context
            let planned = try store.pool.read { db in try stage.plannedFingerprint(stageContext, in: db) }
            if planned == current.fingerprint {
                try store.pool.write { db in
                    try Self.recordAttempt(db, stage: stage.name, runID: context.runID, started: startedText, status: "skipped",
                                           fingerprint: planned, rows: 0, error: nil)
                }
                context.logger.info("stage skipped: unchanged", metadata: ["stage": "\(stage.name.rawValue)"])
                return StageReport(stage: stage.name, duration: Date().timeIntervalSince(started),
                                   outcome: StageOutcome(fingerprint: planned, rowsByTable: [:], notes: []), skipped: true)
            }
        }
        context.logger.info("stage started", metadata: ["stage": "\(stage.name.rawValue)"])
        do {
            let stageContext = context
            let outcome = try store.pool.writeWithoutTransaction { db in
                var result: StageOutcome?
                try db.inTransaction(.immediate) {
                    try FaultInjection.check("\(stage.name.rawValue):started")
                    let outcome = try stage.run(stageContext, in: db)
                    try FaultInjection.check("\(stage.name.rawValue):before-commit")
                    try Self.recordCheckpoint(db, stage: stage.name, context: stageContext, outcome: outcome, started: started)
                    try Self.recordAttempt(db, stage: stage.name, runID: stageContext.runID, started: startedText,
                                           status: "succeeded", fingerprint: outcome.fingerprint,
                                           rows: outcome.rowsWritten, error: nil)
                    result = outcome
                    return .commit
                }
                guard let result else { throw PipelineError(.internal, "stage '\(stage.name.rawValue)' produced no outcome") }
                return result
            }
            let report = StageReport(stage: stage.name, duration: Date().timeIntervalSince(started), outcome: outcome, skipped: false)
            context.logger.info("stage finished", metadata: [
                "stage": "\(stage.name.rawValue)", "rows.written": "\(outcome.rowsWritten)",
                "duration.ms": "\(Int(report.duration * 1000))",
            ])
            return report
        } catch {
            let pipelineError = (error as? PipelineError)
                ?? PipelineError(.internal, "stage '\(stage.name.rawValue)' failed: \(Self.describe(error))", hint: Self.hint(error))
            try? store.pool.write { db in
                try Self.recordAttempt(db, stage: stage.name, runID: context.runID, started: startedText, status: "failed",
                                       fingerprint: nil, rows: 0, error: pipelineError)
            }
            throw pipelineError
        }
    }

    static func hint(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR:
            return "the disk may be full or a file-size limit reached; free space and rerun (earlier checkpoints are intact)"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the checkpoint database is damaged; move it aside and rerun to rebuild it from the inputs"
        default:
            return nil
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "database error \(error.resultCode): \(error.message ?? "")"
        }
        return "\(error)"
    }

    private static func recordCheckpoint(_ db: Database, stage: StageName, context: StageContext,
                                         outcome: StageOutcome, started: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let tables = String(decoding: try encoder.encode(outcome.rowsByTable), as: UTF8.self)
        let notes = String(decoding: try encoder.encode(outcome.notes), as: UTF8.self)
        try db.execute(sql: """
            INSERT OR REPLACE INTO stage_checkpoint
              (stage, run_id, fingerprint, upstream_fingerprint, completed_at, duration_ms, rows_written, rows_by_table, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stage.rawValue, context.runID, outcome.fingerprint, context.upstream?.fingerprint,
                             Timestamp.iso8601(Date()), Int(Date().timeIntervalSince(started) * 1000),
                             outcome.rowsWritten, tables, notes])
    }

    private static func recordAttempt(_ db: Database, stage: StageName, runID: String, started: String, status: String,
                                      fingerprint: String?, rows: Int, error: PipelineError?) throws {
        let startedDate = Timestamp.parse(started) ?? Date()
        try db.execute(sql: """
            INSERT INTO stage_attempt (run_id, stage, started_at, finished_at, status, fingerprint, duration_ms, rows_written, error_code, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, stage.rawValue, started, Timestamp.iso8601(Date()), status, fingerprint,
                             Int(Date().timeIntervalSince(startedDate) * 1000), rows, error?.code.rawValue,
                             error.map { String($0.description.prefix(2000)) }])
    }
}

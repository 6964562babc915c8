import Foundation
public import GRDB
import Logging
public import PipelineCore

/// Runs stages against the checkpoint store: one transaction per stage for outputs and checkpoint.
public struct StageRunner {
    public let store: CheckpointStore

    public init(store: CheckpointStore) { self.store = store }

    /// Runs one stage and commits its outputs with its checkpoint, or nothing.
    ///
    /// - Throws: ``PipelineError`` with `.inputMissing` when the upstream checkpoint is missing or
    ///   stale (naming the stage to run first), or whatever the stage throws; in every failure case
    ///   the previous checkpoint and its tables are unchanged.
    /// Whether `stage` runs, is skipped or cannot run, and why: the one decision `run` acts on and `plan` prints.
    /// - Parameter upstreamWillRun: the upstream stage runs first in the same invocation (`plan`).
    public static func decide(
        _ stage: some PipelineStage, context: StageContext, checkpoints: [StageName: StageCheckpoint],
        force: Bool, upstreamWillRun: Bool = false, in db: Database?
    ) throws -> StageDecision {
        if let upstream = stage.name.upstream {
            if upstreamWillRun { return .run(.upstreamWillRun(upstream)) }
            guard let checkpoint = checkpoints[upstream] else { return .blocked(upstream: upstream, missing: true) }
            if checkpoint.isStale(given: checkpoints) { return .blocked(upstream: upstream, missing: false) }
        }
        if force { return .run(.forced) }
        guard let db, let current = checkpoints[stage.name] else { return .run(.noCheckpoint) }
        if current.isStale(given: checkpoints) { return .run(.upstreamChanged) }
        var context = context
        context.upstream = stage.name.upstream.flatMap { checkpoints[$0] }
        let planned = try stage.plannedFingerprint(context, in: db)
        if planned.digest == current.fingerprint { return .skip(unchangedSince: current.runID) }
        return .run(.changed(current.fingerprintParts.map { FingerprintChange.between($0, planned) } ?? []))
    }

    /// Runs one stage and commits its outputs with its checkpoint, or nothing.
    ///
    /// - Throws: ``PipelineError`` with `.inputMissing` when the upstream checkpoint is missing or
    ///   stale (naming the stage to run first), or whatever the stage throws; in every failure case
    ///   the previous checkpoint and its tables are unchanged.
    @discardableResult
    public func run(_ stage: some PipelineStage, context: StageContext, force: Bool = false) throws -> StageReport {
        var context = context
        let checkpoints = try store.checkpoints()
        let started = Date()
        let startedText = Timestamp.iso8601(started)
        let decisionContext = context
        let decision = try store.pool.read { db in
            try Self.decide(stage, context: decisionContext, checkpoints: checkpoints, force: force, in: db)
        }
        if let error = decision.error(for: stage.name) { throw error }
        context.upstream = stage.name.upstream.flatMap { checkpoints[$0] }
        if case .skip = decision {
            let planned = checkpoints[stage.name]?.fingerprint
            try store.pool.write { db in
                try stage.recordPlanning(in: db)
                try Self.recordAttempt(
                    db, stage: stage.name, runID: context.runID, started: startedText, status: .skipped,
                    fingerprint: planned, rows: 0, error: nil)
            }
            context.logger.info("stage skipped: unchanged", metadata: ["stage": "\(stage.name.rawValue)"])
            return StageReport(
                stage: stage.name, duration: Date().timeIntervalSince(started),
                outcome: StageOutcome(rowsByTable: [:], notes: []), skipped: true)
        }
        context.logger.info("stage will run", metadata: ["stage": "\(stage.name.rawValue)", "reason": "\(decision.explanation)"])
        context.logger.info("stage started", metadata: ["stage": "\(stage.name.rawValue)"])
        do {
            let stageContext = context
            let outcome = try store.pool.writeWithoutTransaction { db in
                var result: StageOutcome?
                try db.inTransaction(.immediate) {
                    try FaultInjection.check("\(stage.name.rawValue):started")
                    let outcome = try stage.run(stageContext, in: db)
                    // Content the run found (ingest hashes each file as it reads it), else what the stage plans.
                    let fingerprint = stage.baseFingerprint(stageContext)
                        .with(content: try outcome.content ?? stage.plannedContent(stageContext, in: db))
                    try FaultInjection.check("\(stage.name.rawValue):before-commit")
                    try Self.recordCheckpoint(
                        db, stage: stage.name, context: stageContext, outcome: outcome,
                        fingerprint: fingerprint, started: started)
                    try Self.recordAttempt(
                        db, stage: stage.name, runID: stageContext.runID, started: startedText,
                        status: .succeeded, fingerprint: fingerprint.digest,
                        rows: outcome.rowsWritten, error: nil)
                    result = outcome
                    return .commit
                }
                guard let result else { throw PipelineError(.internal, "stage '\(stage.name.rawValue)' produced no outcome") }
                return result
            }
            let report = StageReport(stage: stage.name, duration: Date().timeIntervalSince(started), outcome: outcome, skipped: false)
            context.logger.info(
                "stage finished",
                metadata: [
                    "stage": "\(stage.name.rawValue)", "rows.written": "\(outcome.rowsWritten)",
                    "duration.ms": "\(Int(report.duration * 1000))",
                ])
            // The stage's memory is given back before the next stage grows its own (docs/ARCHITECTURE.md, "Report memory").
            HeapTrim.returnFreeMemory()
            return report
        } catch {
            let pipelineError =
                (error as? PipelineError)
                ?? PipelineError(.internal, "stage '\(stage.name.rawValue)' failed: \(Self.describe(error))", hint: Self.hint(error))
            try? store.pool.write { db in
                try Self.recordAttempt(
                    db, stage: stage.name, runID: context.runID, started: startedText, status: .failed,
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

    private static func recordCheckpoint(
        _ db: Database, stage: StageName, context: StageContext,
        outcome: StageOutcome, fingerprint: StageFingerprint, started: Date
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let tables = String(decoding: try encoder.encode(outcome.rowsByTable), as: UTF8.self)
        let notes = String(decoding: try encoder.encode(outcome.notes), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO stage_checkpoint
                  (stage, run_id, fingerprint, upstream_fingerprint, completed_at, duration_ms, rows_written, rows_by_table, notes,
                   fingerprint_parts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                stage.rawValue, context.runID, fingerprint.digest, context.upstream?.fingerprint,
                Timestamp.iso8601(Date()), Int(Date().timeIntervalSince(started) * 1000),
                outcome.rowsWritten, tables, notes, fingerprint.storedText,
            ])
    }

    private static func recordAttempt(
        _ db: Database, stage: StageName, runID: String, started: String, status: AttemptStatus,
        fingerprint: String?, rows: Int, error: PipelineError?
    ) throws {
        let startedDate = Timestamp.parse(started) ?? Date()
        try db.execute(
            sql: """
                INSERT INTO stage_attempt (run_id, stage, started_at, finished_at, status, fingerprint, duration_ms, rows_written, error_code, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                runID, stage.rawValue, started, Timestamp.iso8601(Date()), status.rawValue, fingerprint,
                Int(Date().timeIntervalSince(startedDate) * 1000), rows, error?.code.rawValue,
                error.map { String($0.description.prefix(2000)) },
            ])
    }
}

import Foundation
import GRDB
public import PipelineCore

/// The last successful run of a stage: what it was computed from and what it wrote.
public struct StageCheckpoint: Sendable, Equatable {
    public var stage: StageName
    public var runID: String
    public var fingerprint: String
    /// The upstream checkpoint's fingerprint when this one was built; differs from the
    /// upstream's current fingerprint when this checkpoint is stale.
    public var upstreamFingerprint: String?
    public var completedAt: String
    public var durationMilliseconds: Int
    public var rowsWritten: Int
    public var rowsByTable: [String: Int]
    public var notes: [String]
    /// The parts the fingerprint was computed from (absent in checkpoints written before they were kept).
    public var fingerprintParts: StageFingerprint?

    /// The columns of `stage_checkpoint` (Core's ledger; docs/TABLES.md).
    enum Columns: String, CheckpointColumns {
        case stage
        case runID = "run_id"
        case fingerprint
        case upstreamFingerprint = "upstream_fingerprint"
        case completedAt = "completed_at"
        case durationMilliseconds = "duration_ms"
        case rowsWritten = "rows_written"
        case rowsByTable = "rows_by_table"
        case notes
        case fingerprintParts = "fingerprint_parts"
    }

    init(row: Row, stage: StageName) {
        self.stage = stage
        runID = row[Columns.runID]
        fingerprint = row[Columns.fingerprint]
        upstreamFingerprint = row[Columns.upstreamFingerprint]
        completedAt = row[Columns.completedAt]
        durationMilliseconds = row[Columns.durationMilliseconds]
        rowsWritten = row[Columns.rowsWritten]
        let tableJSON: String = row[Columns.rowsByTable]
        rowsByTable = (try? JSONDecoder().decode([String: Int].self, from: Data(tableJSON.utf8))) ?? [:]
        let notesJSON: String = row[Columns.notes]
        notes = (try? JSONDecoder().decode([String].self, from: Data(notesJSON.utf8))) ?? []
        fingerprintParts = (row[Columns.fingerprintParts] as String?).flatMap(StageFingerprint.decode(storedText:))
    }

    /// Whether this checkpoint was built from an upstream checkpoint other than the current one.
    public func isStale(given checkpoints: [StageName: StageCheckpoint]) -> Bool {
        guard let upstream = stage.upstream else { return false }
        guard let current = checkpoints[upstream] else { return true }
        return current.fingerprint != upstreamFingerprint || current.isStale(given: checkpoints)
    }
}

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

    init(row: Row, stage: StageName) {
        self.stage = stage
        runID = row["run_id"]
        fingerprint = row["fingerprint"]
        upstreamFingerprint = row["upstream_fingerprint"]
        completedAt = row["completed_at"]
        durationMilliseconds = row["duration_ms"]
        rowsWritten = row["rows_written"]
        let tableJSON: String = row["rows_by_table"]
        rowsByTable = (try? JSONDecoder().decode([String: Int].self, from: Data(tableJSON.utf8))) ?? [:]
        let notesJSON: String = row["notes"]
        notes = (try? JSONDecoder().decode([String].self, from: Data(notesJSON.utf8))) ?? []
        fingerprintParts = (row["fingerprint_parts"] as String?).flatMap(StageFingerprint.decode(storedText:))
    }

    /// Whether this checkpoint was built from an upstream checkpoint other than the current one.
    public func isStale(given checkpoints: [StageName: StageCheckpoint]) -> Bool {
        guard let upstream = stage.upstream else { return false }
        guard let current = checkpoints[upstream] else { return true }
        return current.fingerprint != upstreamFingerprint || current.isStale(given: checkpoints)
    }
}

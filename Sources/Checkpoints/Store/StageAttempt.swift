public import GRDB
public import PipelineCore

/// One attempt of one stage in one run, skipped and failed ones included (`stage_attempt`, Core's ledger;
/// docs/TABLES.md).
public struct StageAttempt: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "stage_attempt"

    public enum Columns: String, CheckpointColumns {
        case attemptID = "attempt_id"
        case runID = "run_id"
        case stage
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case status, fingerprint
        case durationMilliseconds = "duration_ms"
        case rowsWritten = "rows_written"
        case errorCode = "error_code"
        case message
    }

    public var runID: String
    public var stage: StageName
    public var status: AttemptStatus
    public var rowsWritten: Int

    public init(row: Row) throws {
        runID = row[Columns.runID]
        stage = try row.decode(Columns.stage)
        status = try row.decode(Columns.status)
        rowsWritten = row[Columns.rowsWritten]
    }
}

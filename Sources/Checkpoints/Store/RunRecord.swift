import GRDB
public import PipelineCore

/// One invocation of `soc-pipeline run`.
public struct RunRecord: Sendable, Equatable {
    public var runID: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: RunStatus
    public var command: String
    public var exitCode: Int?
    public var message: String?

    /// The columns of `pipeline_run` (Core's ledger; docs/TABLES.md).
    enum Columns: String, CheckpointColumns {
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case status, command
        case configSHA256 = "config_sha256"
        case programVersion = "program_version"
        case exitCode = "exit_code"
        case message
    }

    init(row: Row) throws {
        runID = row[Columns.runID]
        startedAt = row[Columns.startedAt]
        finishedAt = row[Columns.finishedAt]
        status = try row.decode(Columns.status)
        command = row[Columns.command]
        exitCode = row[Columns.exitCode]
        message = row[Columns.message]
    }
}

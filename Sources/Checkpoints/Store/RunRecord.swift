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

    init(row: Row) throws {
        runID = row["run_id"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        status = try row.decode("status")
        command = row["command"]
        exitCode = row["exit_code"]
        message = row["message"]
    }
}

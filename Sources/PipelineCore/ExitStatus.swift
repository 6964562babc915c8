/// Process exit statuses, in one documented table (README "Exit codes").
///
/// Cron wrappers and monitoring branch on these, so they never change meaning.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything asked for completed.
    case success = 0
    /// A bug or environment failure (disk full, corrupt database); nothing half-written is visible.
    case internalError = 1
    /// Bad command line or bad `pipeline.json`; nothing was read or written.
    case usage = 2
    /// Input data failed a data-quality gate (malformed file, reject threshold, coverage); the stage committed nothing.
    case dataQuality = 3
    /// Another run holds the lock.
    case locked = 4
    /// An input file is missing or unreadable, or an upstream checkpoint is missing or stale.
    case inputMissing = 5
    /// SIGTERM or SIGINT (systemd stop, Ctrl-C): stopped at the next safe point, the stage under way rolled
    /// back, the previous publication kept, the run marked `interrupted`.
    case interrupted = 6
    /// `status --check`: the last run did not succeed, or a checkpoint is stale or missing.
    case unhealthy = 7

    /// One line for the README table.
    public var meaning: String {
        switch self {
        case .success: "success"
        case .internalError: "internal error (bug, disk full, corrupt database); earlier checkpoints are intact"
        case .usage: "usage or configuration error; nothing was written"
        case .dataQuality: "data-quality failure (malformed file, reject threshold, coverage); the failing stage committed nothing"
        case .locked: "another run holds the lock"
        case .inputMissing: "input missing or unreadable, output folder not writable, or an upstream checkpoint is missing or stale"
        case .interrupted: "interrupted by SIGTERM or SIGINT at a safe point; the stage under way kept nothing, the previous publication stays"
        case .unhealthy: "status --check: the last run did not succeed, or a checkpoint is stale or missing"
        }
    }
}

/// The state of one `run` in `pipeline_run.status`.
public enum RunStatus: String, Sendable, CaseIterable, Codable {
    case running, succeeded, failed
    /// Stopped by SIGTERM or SIGINT at a safe point; nothing of the stage under way was kept.
    case interrupted

    /// How a run that ended with this exit status is recorded.
    public init(exit: ExitStatus) {
        switch exit {
        case .success: self = .succeeded
        case .interrupted: self = .interrupted
        case .internalError, .usage, .dataQuality, .locked, .inputMissing, .unhealthy: self = .failed
        }
    }
}

/// What happened to one stage in one run (`stage_attempt.status`).
public enum AttemptStatus: String, Sendable, CaseIterable, Codable {
    case succeeded, failed, skipped
}

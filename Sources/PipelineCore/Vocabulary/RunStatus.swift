/// The state of one `run` in `pipeline_run.status`.
public enum RunStatus: String, Sendable, CaseIterable, Codable {
    case running, succeeded, failed
    /// Stopped by SIGTERM or SIGINT at a safe point; nothing of the stage under way was kept.
    case interrupted
}

/// What happened to one stage in one run (`stage_attempt.status`).
public enum AttemptStatus: String, Sendable, CaseIterable, Codable {
    case succeeded, failed, skipped
}

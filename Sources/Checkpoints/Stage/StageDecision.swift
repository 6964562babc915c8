public import PipelineCore

/// Whether a stage runs, is skipped, or cannot run — decided once, by ``StageRunner/decide(_:context:checkpoints:force:upstreamWillRun:in:)``,
/// for both `run` and `plan` (docs/ARCHITECTURE.md, "Checkpoints, fingerprints and staleness").
public enum StageDecision: Sendable, Equatable {
    case run(Reason)
    /// Its fingerprint equals its checkpoint's, built by this run id.
    case skip(unchangedSince: String)
    /// Its upstream checkpoint is missing or stale.
    case blocked(upstream: StageName, missing: Bool)

    public enum Reason: Sendable, Equatable {
        case forced
        case noCheckpoint
        /// The upstream stage runs first in the same run (`plan` only).
        case upstreamWillRun(StageName)
        /// The checkpoint was built on an upstream checkpoint that has since changed.
        case upstreamChanged
        /// What differs from the checkpoint's fingerprint.
        case changed([FingerprintChange])
    }

    /// The refusal as an error, naming the stage to run first.
    public func error(for stage: StageName) -> PipelineError? {
        guard case .blocked(let upstream, let missing) = self else { return nil }
        return missing
            ? PipelineError(
                .inputMissing, "stage '\(stage.rawValue)' needs the '\(upstream.rawValue)' checkpoint, which does not exist",
                hint: "run `soc-pipeline run --stage \(upstream.rawValue)` first")
            : PipelineError(
                .inputMissing, "the '\(upstream.rawValue)' checkpoint is stale",
                hint: "run `soc-pipeline run --from \(upstream.rawValue)` first")
    }

    /// One line for `plan` and the log.
    public var explanation: String {
        switch self {
        case .skip(let runID): return "unchanged since run \(runID)"
        case .blocked(let upstream, _):
            return "cannot run: needs an up-to-date '\(upstream.rawValue)' checkpoint; run `soc-pipeline run --stage \(upstream.rawValue)` first"
        case .run(let reason):
            switch reason {
            case .forced: return "--force"
            case .noCheckpoint: return "no checkpoint yet"
            case .upstreamWillRun(let upstream): return "its upstream stage '\(upstream.rawValue)' will run first"
            case .upstreamChanged: return "its upstream checkpoint changed since it was built"
            case .changed(let changes):
                return changes.isEmpty
                    ? "its fingerprint changed (checkpoint written before fingerprint parts were kept)"
                    : changes.map { $0.describe() }.joined(separator: "; ")
            }
        }
    }

    public var runs: Bool {
        switch self {
        case .run: true
        case .skip, .blocked: false
        }
    }
}

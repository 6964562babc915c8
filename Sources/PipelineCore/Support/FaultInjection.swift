import Foundation

/// Test hooks for proving that failures and kills lose nothing. Unset in normal runs; each point costs
/// one environment lookup.
///
/// - `SOC_PIPELINE_FAULT=<point>` makes the named point throw (an internal error, exit 1).
/// - `SOC_PIPELINE_PAUSE=<point>` makes it print `paused at <point>` on stderr and sleep, so a test can
///   SIGKILL the process exactly there.
///
/// Points are `<stage>:<place>` (`ingest:after-parse`, `ingest:after-totals`, `transform:after-values`,
/// `aggregate:after-tables`, `<stage>:before-commit`) and `run:after-<stage>` between stages.
public enum FaultInjection {
    /// Every fault point is also a safe point for ``Interruption``.
    public static func check(_ point: String) throws {
        let environment = ProcessInfo.processInfo.environment
        if environment["SOC_PIPELINE_PAUSE"] == point {
            StandardStream.error.write("paused at \(point)\n")
            // Up to a minute, or until a stop signal arrives.
            for _ in 0..<600 where Interruption.signalReceived == nil { usleep(100_000) }
        }
        try Interruption.check(at: point)
        guard let wanted = environment["SOC_PIPELINE_FAULT"], wanted == point else { return }
        throw PipelineError(.internal, "fault injected at \(point)")
    }
}

import Foundation

/// Test hook: `SOC_PIPELINE_FAULT=<point>` makes the named point throw, so tests can prove that a
/// failure mid-stage leaves the previous checkpoint intact. Points are `<stage>:<place>`, e.g.
/// `ingest:before-commit`, `ingest:after-totals`. Unset in normal runs; costs one lookup per point.
public enum FaultInjection {
    public static func check(_ point: String) throws {
        guard let wanted = ProcessInfo.processInfo.environment["SOC_PIPELINE_FAULT"], wanted == point else { return }
        throw PipelineError(.internal, "fault injected at \(point)")
    }
}

import Foundation
public import Logging

/// Logs how long each phase of a stage took and the process's peak memory so far, at debug level (for
/// profiling a slow or large stage in place; bench/RESULTS.md).
public struct PhaseTimer {
    private let logger: Logger
    private let stage: String
    private var started = ContinuousClock.now

    public init(logger: Logger, stage: String) {
        self.logger = logger
        self.stage = stage
    }

    /// Logs the phase that just ended and starts timing the next one.
    public mutating func done(_ phase: String) {
        let now = ContinuousClock.now
        logger.debug(
            "\(stage) phase done",
            metadata: [
                "phase": "\(phase)", "duration.ms": "\(Int((now - started) / .milliseconds(1)))",
                "peak.rss.mib": "\(Self.residentMiB("VmHWM:").map(String.init) ?? "unknown")",
                "rss.mib": "\(Self.residentMiB("VmRSS:").map(String.init) ?? "unknown")",
            ])
        started = now
    }

    /// A line of /proc/self/status in MiB — `VmHWM:` the peak resident set so far, `VmRSS:` the resident set
    /// now; nil where unavailable.
    static func residentMiB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
        else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
    }
}

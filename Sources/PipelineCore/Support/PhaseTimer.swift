public import Logging

/// Logs how long each phase of a stage took, at debug level (for profiling a slow stage in place).
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
        logger.debug("\(stage) phase done", metadata: ["phase": "\(phase)", "duration.ms": "\(Int((now - started) / .milliseconds(1)))"])
        started = now
    }
}

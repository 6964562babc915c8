public import Foundation
public import PipelineCore

/// What one stage run did.
public struct StageReport: Sendable {
    public var stage: StageName
    public var duration: TimeInterval
    public var outcome: StageOutcome
    /// True when the stage was up to date and did no work.
    public var skipped: Bool
}

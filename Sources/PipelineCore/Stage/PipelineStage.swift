public import GRDB

/// A stage of the pipeline: reads its upstream checkpoint tables, writes its own.
///
/// ``StageRunner`` calls ``run(_:in:)`` inside one write transaction and records the
/// checkpoint in the same transaction, so outputs and checkpoint commit together or not at all.
public protocol PipelineStage {
    var name: StageName { get }
    /// Fingerprint of everything the stage would read — input content, its configuration section,
    /// the program version, the upstream checkpoint — computed without writing, so `run` can skip an
    /// unchanged stage and `plan` can say what would happen.
    func plannedFingerprint(_ context: StageContext, in db: Database) throws -> String
    /// Does the stage's work; throws ``PipelineError`` on bad input. Must not commit.
    func run(_ context: StageContext, in db: Database) throws -> StageOutcome
}

public import GRDB
public import Logging

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

/// What a stage gets to work with.
public struct StageContext: Sendable {
    public var config: PipelineConfig
    public var runID: String
    public var logger: Logger
    /// The checkpoint of the upstream stage, if any.
    public var upstream: StageCheckpoint?
    /// Show progress on stderr (only when it is a terminal).
    public var showProgress: Bool
    /// `--keep-rows`: also store raw rows (ingest).
    public var keepRows: Bool

    public init(config: PipelineConfig, runID: String, logger: Logger, upstream: StageCheckpoint? = nil,
                showProgress: Bool = false, keepRows: Bool = false) {
        self.config = config
        self.runID = runID
        self.logger = logger
        self.upstream = upstream
        self.showProgress = showProgress
        self.keepRows = keepRows
    }
}

/// What a stage reports back to the runner.
public struct StageOutcome: Sendable {
    /// Hash of everything the output depends on: input content, config section, program version.
    public var fingerprint: String
    /// Output rows written, by table.
    public var rowsByTable: [String: Int]
    /// Short facts for `status` and the run summary (no cell values).
    public var notes: [String]

    public init(fingerprint: String, rowsByTable: [String: Int], notes: [String] = []) {
        self.fingerprint = fingerprint
        self.rowsByTable = rowsByTable
        self.notes = notes
    }

    public var rowsWritten: Int { rowsByTable.values.reduce(0, +) }
}

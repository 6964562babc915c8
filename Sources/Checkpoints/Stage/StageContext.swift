public import Logging
public import PipelineCore

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
    /// `--verify`: hash every input to decide whether it changed, whatever its metadata says.
    public var verifyInputs: Bool

    /// Whether ingest stores raw rows: `--keep-rows` or `ingest.keepRows`.
    public var keepsRows: Bool { keepRows || config.ingest.keepRows }

    public init(
        config: PipelineConfig, runID: String, logger: Logger, upstream: StageCheckpoint? = nil,
        showProgress: Bool = false, keepRows: Bool = false, verifyInputs: Bool = false
    ) {
        self.config = config
        self.runID = runID
        self.logger = logger
        self.upstream = upstream
        self.showProgress = showProgress
        self.keepRows = keepRows
        self.verifyInputs = verifyInputs
    }
}

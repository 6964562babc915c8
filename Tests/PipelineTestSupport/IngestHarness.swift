import Aggregate
public import Checkpoints
import Foundation
import Ingest
import Logging
import PipelineCore
import Report
import Transform

/// Runs stages in-process against a workspace's config and database.
public enum StageHarness {
    /// Every stage, in run order, as the command line lists them.
    public static var stages: [any PipelineStage] { [IngestStage(), TransformStage(), AggregateStage(), ReportStage()] }

    /// Every stage's migrations, in stage order, as the command line registers them.
    public static var migrations: [SchemaMigration] { stages.flatMap(\.migrations) }

    /// Runs `stage` with the config at `configPath`; returns the store for inspection.
    @discardableResult
    public static func run(_ stage: some PipelineStage, configPath: String) throws -> CheckpointStore {
        let config = try ConfigLoader.load(path: configPath)
        let store = try CheckpointStore(path: config.resolve(config.database), migrations: migrations)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let context = StageContext(config: config, runID: RunLedger.newRunID(), logger: logger)
        try StageRunner(store: store).run(stage, context: context)
        return store
    }
}

import Foundation
import Logging
public import PipelineCore

/// Runs stages in-process against a workspace's config and database.
public enum StageHarness {
    /// Runs `stage` with the config at `configPath`; returns the store for inspection.
    @discardableResult
    public static func run(_ stage: some PipelineStage, configPath: String) throws -> CheckpointStore {
        let config = try ConfigLoader.load(path: configPath)
        let store = try CheckpointStore(path: config.resolve(config.database))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let context = StageContext(config: config, runID: RunLedger.newRunID(), logger: logger)
        try StageRunner(store: store).run(stage, context: context)
        return store
    }
}

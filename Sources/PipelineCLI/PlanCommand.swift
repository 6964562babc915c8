import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import Logging
import PipelineCore

/// `soc-pipeline plan`: what `run` would do with the same selection, and why; writes nothing. It asks the
/// runner's own decision function, so it cannot disagree with `run`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show, for each selected stage, whether `run` would run or skip it and why (reads only; writes nothing).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: StageSelection

    @Flag(help: "Plan as `run --force` would.")
    var force = false

    @Flag(help: "Plan as `run --keep-rows` would.")
    var keepRows = false

    @Flag(
        help:
            "Read every input to decide whether it changed, instead of trusting a file whose size, times and inode are as when it was last hashed.")
    var verify = false

    func run() throws {
        let config = try global.loadConfig()
        let store = try CheckpointStore.openForReading(path: global.databasePath(config))
        let checkpoints = try store?.checkpoints() ?? [:]
        var logger = Logger(label: "soc-pipeline.plan")
        logger.logLevel = .critical
        let context = StageContext(config: config, runID: "plan", logger: logger, keepRows: keepRows, verifyInputs: verify)
        var willRun: Set<StageName> = []
        for name in try selection.stages() {
            let stage = StageCatalog.stage(name)
            let upstreamWillRun = name.upstream.map(willRun.contains) ?? false
            let decision = try Self.decide(
                stage, context: context, store: store, checkpoints: checkpoints,
                force: force, upstreamWillRun: upstreamWillRun)
            if decision.runs { willRun.insert(name) }
            let label = name.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            Console.out("\(label) \(decision.runs ? "run " : "skip")  \(decision.explanation)")
        }
    }

    private static func decide(
        _ stage: some PipelineStage, context: StageContext, store: CheckpointStore?,
        checkpoints: [StageName: StageCheckpoint], force: Bool, upstreamWillRun: Bool
    ) throws -> StageDecision {
        guard let store else {
            return try StageRunner.decide(
                stage, context: context, checkpoints: checkpoints, force: force,
                upstreamWillRun: upstreamWillRun, in: nil)
        }
        return try store.reader.read { db in
            try StageRunner.decide(stage, context: context, checkpoints: checkpoints, force: force, upstreamWillRun: upstreamWillRun, in: db)
        }
    }
}

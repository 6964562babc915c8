import ArgumentParser
import Foundation
import GRDB
import Ingest
import Logging
import PipelineCore
import Report

/// `soc-pipeline plan`: what `run` would do with the same selection, and why; writes nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show, for each selected stage, whether `run` would run or skip it and why (reads only; writes nothing).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: StageSelection

    @Flag(help: "Plan as `run --force` would.")
    var force = false

    func run() throws {
        let config = try global.loadConfig()
        let store = try CheckpointStore.openForReading(path: global.databasePath(config))
        let checkpoints = try store?.checkpoints() ?? [:]
        var logger = Logger(label: "soc-pipeline.plan")
        logger.logLevel = .critical
        var willRun: Set<StageName> = []
        for name in try selection.stages() {
            guard let stage = StageCatalog.stage(name) else { continue }
            let label = name.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let (runs, reason) = try decide(stage, config: config, store: store, checkpoints: checkpoints, willRun: willRun, logger: logger)
            if runs { willRun.insert(name) }
            Console.out("\(label) \(runs ? "run " : "skip")  \(reason)")
        }
    }

    private func decide(_ stage: any PipelineStage, config: PipelineConfig, store: CheckpointStore?,
                        checkpoints: [StageName: StageCheckpoint], willRun: Set<StageName>, logger: Logger) throws -> (Bool, String) {
        let name = stage.name
        if let upstream = name.upstream {
            if willRun.contains(upstream) { return (true, "its upstream stage '\(upstream.rawValue)' will run first") }
            guard let checkpoint = checkpoints[upstream], !checkpoint.isStale(given: checkpoints) else {
                return (false, "cannot run: needs an up-to-date '\(upstream.rawValue)' checkpoint; run `soc-pipeline run --stage \(upstream.rawValue)` first")
            }
        }
        if force { return (true, "--force") }
        guard let store, let current = checkpoints[name] else { return (true, "no checkpoint yet") }
        if current.isStale(given: checkpoints) { return (true, "its upstream checkpoint changed since it was built") }
        let context = StageContext(config: config, runID: "plan", logger: logger, upstream: name.upstream.flatMap { checkpoints[$0] })
        let planned = try store.reader.read { db in try stage.plannedFingerprint(context, in: db) }
        if planned == current.fingerprint { return (false, "unchanged since run \(current.runID)") }
        if let ingest = stage as? IngestStage {
            let changes = try inputChanges(ingest, config: config, store: store)
            if !changes.isEmpty { return (true, changes.joined(separator: "; ")) }
            return (true, "configuration (sources, reference, ingest settings) or program version changed")
        }
        if planned.hasSuffix(ReportStage.republishSuffix) {
            return (true, "the publication under \(config.resolve(config.outputDirectory))/latest is missing or is not this checkpoint's")
        }
        return (true, "configuration section or program version changed")
    }

    /// Which input or reference files differ from those in the ingest checkpoint.
    private func inputChanges(_ ingest: IngestStage, config: PipelineConfig, store: CheckpointStore) throws -> [String] {
        let now = try ingest.currentHashes(config)
        let (files, references) = try store.reader.read { db in
            (try Row.fetchAll(db, sql: "SELECT source, path, sha256 FROM ingest_file"),
             try Row.fetchAll(db, sql: "SELECT file, sha256 FROM ref_vintage"))
        }
        var before: [String: String] = [:]
        for row in files { before["\(row["source"] as String):\(row["path"] as String)"] = row["sha256"] }
        var referenceBefore: [String: String] = [:]
        for row in references { referenceBefore[row["file"]] = row["sha256"] }
        var changes: [String] = []
        for input in now.inputs {
            let key = "\(input.source):\(input.path)"
            if let old = before.removeValue(forKey: key) {
                if old != input.sha256 { changes.append("changed \(input.path)") }
            } else {
                changes.append("new \(input.path)")
            }
        }
        changes += before.keys.sorted().map { "removed \($0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0)" }
        for reference in now.references where referenceBefore[reference.file] != reference.sha256 {
            changes.append("reference \(reference.file) changed")
        }
        if changes.count > 10 { changes = Array(changes.prefix(10)) + ["… \(changes.count - 10) more"] }
        return changes
    }
}

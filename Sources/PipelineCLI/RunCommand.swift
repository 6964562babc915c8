import ArgumentParser
import Foundation
import Logging
import PipelineCore

/// `soc-pipeline run`: runs stages, each committing its outputs with its checkpoint.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline (every stage, or the one named by --stage).")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var selection: StageSelection

    @Flag(help: "Run the selected stages even when their inputs are unchanged.")
    var force = false

    @Flag(help: "Also store every validated extract row in table ingest_row (slower).")
    var keepRows = false

    func run() throws {
        let config = try global.loadConfig()
        let runID = RunLedger.newRunID()
        var logger = global.makeLogger(runID: runID)
        logger[metadataKey: "stage"] = "run"  // every JSON log line names a stage; "run" outside the stages
        let weakenings = config.report.disclosure.weakenings
        if !weakenings.isEmpty {
            logger.warning(
                "disclosure control is weaker than the NHS Digital default; published as 'custom'",
                metadata: ["weaker": "\(weakenings.joined(separator: "; "))"])
        }
        let lock = try RunLock(databasePath: global.databasePath(config), runID: runID)
        if let dead = lock.previousDeadHolder {
            logger.notice("took over a lock left by a run that is no longer running", metadata: ["previous": "\(dead.description)"])
        }
        let store = try CheckpointStore(path: global.databasePath(config), migrations: StageCatalog.migrations)
        let ledger = RunLedger(store: store)
        try ledger.markAbandoned()
        let configHash = Fingerprint.sha256((try? Data(contentsOf: URL(fileURLWithPath: global.config))) ?? Data())
        try ledger.begin(runID: runID, command: CommandLine.arguments.dropFirst().joined(separator: " "), configHash: configHash)

        let stages = try selection.stages()
        let runner = StageRunner(store: store)
        let started = Date()
        let folder = (store.path as NSString).deletingLastPathComponent
        var summary = RunSummary(runID: runID, startedAt: started)
        Console.out("run \(runID)")
        do {
            for name in stages {
                let stage = StageCatalog.stage(name)
                RunSummary.heartbeat(folder: folder, runID: runID, stage: name.rawValue)
                var stageLogger = logger
                stageLogger[metadataKey: "stage"] = "\(name.rawValue)"
                let context = StageContext(
                    config: config, runID: runID, logger: stageLogger,
                    showProgress: Console.stderrIsTerminal, keepRows: keepRows)
                let stageStarted = Date()
                do {
                    let report = try runner.run(stage, context: context, force: force)
                    summary.stages.append(
                        .init(
                            stage: name, status: report.skipped ? .skipped : .ran,
                            durationSeconds: report.duration, rowsWritten: report.outcome.rowsWritten))
                    Console.out(Self.line(for: report))
                } catch {
                    summary.stages.append(
                        .init(
                            stage: name, status: .failed,
                            durationSeconds: Date().timeIntervalSince(stageStarted), rowsWritten: 0))
                    throw error
                }
                try FaultInjection.check("run:after-\(name.rawValue)")
            }
        } catch let error as PipelineError {
            try? ledger.finish(runID: runID, exitStatus: error.exitStatus, message: error.description)
            Self.finish(&summary, status: error.exitStatus, message: error.description, folder: folder, logger: logger)
            store.closeForIdle()
            throw error
        }
        try ledger.finish(runID: runID, exitStatus: .success, message: nil)
        summary.changes = try store.changes(runID: runID)
        if summary.stages.contains(where: { $0.status == .ran }) {
            Console.out(
                "changes since the last run: \(summary.changes.valuesMoved) indicator values moved, \(summary.changes.valuesAppeared) appeared, \(summary.changes.valuesDisappeared) disappeared, \(summary.changes.comparisonsChanged) ICS comparison bands changed, \(summary.changes.dataQualityChanged) data-quality states changed (table change_log)"
            )
        }
        Self.finish(&summary, status: .success, message: nil, folder: folder, logger: logger)
        store.closeForIdle()
        Console.out("done in \(String(format: "%.2f", Date().timeIntervalSince(started))) s; database \(store.path)")
        withExtendedLifetime(lock) {}
    }

    static func finish(_ summary: inout RunSummary, status: ExitStatus, message: String?, folder: String, logger: Logger) {
        summary.finishedAt = Timestamp.iso8601(Date())
        summary.status = status == .success ? .succeeded : .failed
        summary.exitCode = status.rawValue
        summary.message = message
        do {
            try summary.write(toFolder: folder)
        } catch {
            logger.error("could not write run-summary.json", metadata: ["error": "\(error)"])
        }
        RunSummary.heartbeat(folder: folder, runID: summary.runID, stage: "finished")
    }

    static func line(for report: StageReport) -> String {
        let name = report.stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        if report.skipped {
            return "  \(name) skipped (unchanged inputs, configuration and program; --force reruns it)"
        }
        return "  \(name) ok  \(String(format: "%7.2f", report.duration)) s  \(report.outcome.rowsWritten) rows"
    }
}

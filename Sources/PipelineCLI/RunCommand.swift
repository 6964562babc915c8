import ArgumentParser
import Checkpoints
import Foundation
import Logging
import PipelineCore
import Render
import Report

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

    @Flag(
        help:
            "Read every input to decide whether it changed, instead of trusting a file whose size, times and inode are as when it was last hashed.")
    var verify = false

    func run() throws {
        let config = try global.loadConfig()
        let runID = RunLedger.newRunID()
        var logger = global.makeLogger(runID: runID)
        logger[metadataKey: "stage"] = "run"  // every JSON log line names a stage; "run" outside the stages
        Interruption.install()
        let weakenings = config.report.disclosure.weakenings
        if !weakenings.isEmpty {
            logger.warning(
                "disclosure control is weaker than the NHS Digital default; published as 'custom'",
                metadata: ["weaker": "\(weakenings.joined(separator: "; "))"])
        }
        let access = try FileAccess(groupName: config.databaseGroup)
        let lock = try RunLock(databasePath: global.databasePath(config), runID: runID, access: access)
        if let dead = lock.previousDeadHolder {
            logger.notice("took over a lock left by a run that is no longer running", metadata: ["previous": "\(dead.description)"])
        }
        let store = try CheckpointStore(path: global.databasePath(config), migrations: StageCatalog.migrations, access: access)
        let ledger = RunLedger(store: store)
        try ledger.markAbandoned()
        let configHash = Fingerprint.sha256((try? Data(contentsOf: URL(fileURLWithPath: global.config))) ?? Data())
        try ledger.begin(runID: runID, command: CommandLine.arguments.dropFirst().joined(separator: " "), configHash: configHash)

        let stages = try selection.stages()
        let runner = StageRunner(store: store)
        let started = Date()
        let folder = (store.path as NSString).deletingLastPathComponent
        var summary = RunSummary(runID: runID, startedAt: started)
        var current = "run"
        Console.runLine("run \(runID)")
        do {
            for name in stages {
                current = name.rawValue
                let stage = StageCatalog.stage(name)
                RunSummary.heartbeat(folder: folder, runID: runID, stage: name.rawValue, access: access)
                var stageLogger = logger
                stageLogger[metadataKey: "stage"] = "\(name.rawValue)"
                let context = StageContext(
                    config: config, runID: runID, logger: stageLogger,
                    showProgress: Console.stderrIsTerminal, keepRows: keepRows, verifyInputs: verify)
                let stageStarted = Date()
                do {
                    let report = try runner.run(stage, context: context, force: force)
                    summary.stages.append(
                        .init(
                            stage: name, status: report.skipped ? .skipped : .ran,
                            durationSeconds: report.duration, rowsWritten: report.outcome.rowsWritten))
                    Console.runLine(Self.line(for: report))
                } catch {
                    summary.stages.append(
                        .init(
                            stage: name, status: .failed,
                            durationSeconds: Date().timeIntervalSince(stageStarted), rowsWritten: 0))
                    throw error
                }
                current = "run"
                try FaultInjection.check("run:after-\(name.rawValue)")
            }
        } catch let error as PipelineError {
            try? ledger.finish(runID: runID, exitStatus: error.exitStatus, message: error.description)
            Self.finish(&summary, status: error.exitStatus, message: error.description, folder: folder, access: access, logger: logger, started: started)
            store.closeForIdle()
            guard Console.jsonMode else { throw error }
            Console.fatal(error, runID: runID, stage: current)
            throw ReportedError(exitStatus: error.exitStatus)
        }
        try ledger.finish(runID: runID, exitStatus: .success, message: nil)
        summary.changes = try store.changes(runID: runID)
        if summary.stages.contains(where: { $0.status == .ran }) {
            Console.runLine(
                "changes since the last run: \(summary.changes.valuesMoved) indicator values moved, \(summary.changes.valuesAppeared) appeared, \(summary.changes.valuesDisappeared) disappeared, \(summary.changes.comparisonsChanged) ICS comparison bands changed, \(summary.changes.dataQualityChanged) data-quality states changed (table change_log)"
            )
        }
        Self.finish(&summary, status: .success, message: nil, folder: folder, access: access, logger: logger, started: started)
        store.closeForIdle()
        Console.runLine("done in \(String(format: "%.2f", Date().timeIntervalSince(started))) s; database \(store.path)")
        if stages.contains(.report) { Console.runLine(Self.publicationLine(config)) }
        withExtendedLifetime(lock) {}
    }

    /// Where the publication is: the `latest` folder and the page to open (or the first format written).
    static func publicationLine(_ config: PipelineConfig) -> String {
        let latest = Publisher(outputDirectory: config.resolve(config.outputDirectory)).latestPath
        let formats = config.report.formats
        let open =
            formats.contains(.html)
            ? "open \((latest as NSString).appendingPathComponent(PublicationFileName.html))"
            : "formats \(formats.map(\.rawValue).joined(separator: ", "))"
        return "publication: \(latest) (\(open))"
    }

    /// Records the end of the run: `run-summary.json`, the heartbeat, and in JSON mode one summary line.
    static func finish(
        _ summary: inout RunSummary, status: ExitStatus, message: String?, folder: String, access: FileAccess, logger: Logger, started: Date
    ) {
        summary.finishedAt = Timestamp.iso8601(Date())
        summary.status = RunStatus(exit: status)
        summary.exitCode = status.rawValue
        summary.message = message
        do {
            try summary.write(toFolder: folder, access: access)
        } catch {
            logger.error("could not write run-summary.json", metadata: ["error": "\(error)"])
        }
        RunSummary.heartbeat(folder: folder, runID: summary.runID, stage: "finished", access: access)
        guard Console.jsonMode, status == .success else { return }
        func count(_ kind: RunSummary.Stage.Status) -> String { "\(summary.stages.filter { $0.status == kind }.count)" }
        logger.notice(
            "run finished",
            metadata: [
                "status": "\(summary.status.rawValue)", "exit_code": "\(status.rawValue)",
                "duration_s": "\(((Date().timeIntervalSince(started)) * 1000).rounded() / 1000)",
                "stages_ran": "\(count(.ran))", "stages_skipped": "\(count(.skipped))",
                "rows_written": "\(summary.stages.reduce(0) { $0 + $1.rowsWritten })",
                "values_moved": "\(summary.changes.valuesMoved)", "values_appeared": "\(summary.changes.valuesAppeared)",
                "values_disappeared": "\(summary.changes.valuesDisappeared)",
                "comparisons_changed": "\(summary.changes.comparisonsChanged)",
                "data_quality_changed": "\(summary.changes.dataQualityChanged)",
            ])
    }

    static func line(for report: StageReport) -> String {
        let name = report.stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        if report.skipped {
            return "  \(name) skipped (unchanged inputs, configuration and program; --force reruns it)"
        }
        return "  \(name) ok  \(String(format: "%7.2f", report.duration)) s  \(report.outcome.rowsWritten) rows"
    }
}

import ArgumentParser
import Checkpoints
import Foundation
import PipelineCore

/// `soc-pipeline status`: one line per stage, read-only.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each stage's last checkpoint: when, rows, fingerprint, and whether it is stale.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "For monitoring: exit 7 when the last run did not succeed or a checkpoint is stale or missing.")
    var check = false

    func run() throws {
        let config = try global.loadConfig()
        let path = global.databasePath(config)
        guard let store = try CheckpointStore.openForReading(path: path) else {
            Console.out("no checkpoint database at \(path) yet; run `soc-pipeline run`")
            if check { throw ReportedError(exitStatus: .unhealthy) }
            return
        }
        let checkpoints = try store.checkpoints()
        for stage in StageName.allCases {
            let name = stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            guard let checkpoint = checkpoints[stage] else {
                Console.out("\(name) none (never run)")
                continue
            }
            let state = checkpoint.isStale(given: checkpoints) ? "stale" : "ok"
            Console.out(
                "\(name) \(state.padding(toLength: 5, withPad: " ", startingAt: 0)) \(checkpoint.completedAt)  run \(checkpoint.runID)  \(checkpoint.rowsWritten) rows  fingerprint \(checkpoint.fingerprint.prefix(12))"
            )
            for note in checkpoint.notes { Console.out("           \(note)") }
        }
        let last = try store.runs(limit: 1).first
        if let last {
            Console.out("last run   \(last.runID) \(last.status.rawValue) (exit \(last.exitCode.map(String.init) ?? "-"))")
        }
        guard check else { return }
        var problems: [String] = []
        switch last?.status {
        case .succeeded?, .running?: break
        case .failed?, .interrupted?: problems.append("the last run \(last!.status.rawValue)")
        case nil: problems.append("no run yet")
        }
        for stage in StageName.allCases {
            guard let checkpoint = checkpoints[stage] else { problems.append("\(stage.rawValue) has no checkpoint"); continue }
            if checkpoint.isStale(given: checkpoints) { problems.append("\(stage.rawValue) is stale") }
        }
        if problems.isEmpty {
            Console.out("check      ok")
        } else {
            Console.out("check      unhealthy: \(problems.joined(separator: "; "))")
            throw ReportedError(exitStatus: .unhealthy)
        }
    }
}

import ArgumentParser
import Foundation
import PipelineCore

/// `soc-pipeline status`: one line per stage, read-only.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each stage's last checkpoint: when, rows, fingerprint, and whether it is stale.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig()
        let path = global.databasePath(config)
        guard let store = try CheckpointStore.openForReading(path: path) else {
            Console.out("no checkpoint database at \(path) yet; run `soc-pipeline run`")
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
        if let last = try store.runs(limit: 1).first {
            Console.out("last run   \(last.runID) \(last.status) (exit \(last.exitCode.map(String.init) ?? "-"))")
        }
    }
}

import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import PipelineCore

/// `soc-pipeline history`: recent runs for operators; read-only.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recent runs: status, duration, stages run and skipped, rows written, exit code.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many runs to show.")
    var limit = 20

    func run() throws {
        let config = try global.loadConfig()
        guard let store = try CheckpointStore.openForReading(path: global.databasePath(config)) else {
            Console.out("no runs yet")
            return
        }
        let runs = try store.runs(limit: limit)
        let attempts = try store.reader.read { db in try StageAttempt.fetchAll(db) }
        let attemptsOfRun = Dictionary(grouping: attempts, by: \.runID)
        Console.out("run                          status     duration  exit  rows      stages")
        for run in runs {
            let started = Timestamp.parse(run.startedAt)
            let finished = run.finishedAt.flatMap(Timestamp.parse)
            let duration = started.flatMap { s in finished.map { String(format: "%7.2f s", $0.timeIntervalSince(s)) } } ?? "      -  "
            let mine = attemptsOfRun[run.runID] ?? []
            var stages: [String] = []
            for (status, word) in [(AttemptStatus.succeeded, "ran"), (.skipped, "skipped"), (.failed, "failed")] {
                let named = mine.filter { $0.status == status }.map(\.stage.rawValue)
                if !named.isEmpty { stages.append("\(word) \(named.joined(separator: ","))") }
            }
            let rows = mine.reduce(0) { $0 + $1.rowsWritten }
            let runID = run.runID.padding(toLength: 28, withPad: " ", startingAt: 0)
            let status = run.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let exit = run.exitCode.map(String.init) ?? "-"
            Console.out(
                "\(runID) \(status) \(duration)  \(exit.padding(toLength: 4, withPad: " ", startingAt: 0))  \(String(rows).padding(toLength: 8, withPad: " ", startingAt: 0))  \(stages.joined(separator: "; "))"
            )
        }
    }
}

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
        let rows = try store.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.run_id, r.status, r.started_at, r.finished_at, r.exit_code, r.message,
                           (SELECT group_concat(stage, ',') FROM stage_attempt a WHERE a.run_id = r.run_id AND a.status = 'succeeded') AS ran,
                           (SELECT group_concat(stage, ',') FROM stage_attempt a WHERE a.run_id = r.run_id AND a.status = 'skipped') AS skipped,
                           (SELECT group_concat(stage, ',') FROM stage_attempt a WHERE a.run_id = r.run_id AND a.status = 'failed') AS failed,
                           (SELECT coalesce(sum(rows_written), 0) FROM stage_attempt a WHERE a.run_id = r.run_id) AS rows
                    FROM pipeline_run r ORDER BY r.started_at DESC, r.run_id DESC LIMIT ?
                    """, arguments: [limit])
        }
        Console.out("run                          status     duration  exit  rows      stages")
        for row in rows {
            let started = (row["started_at"] as String?).flatMap(Timestamp.parse)
            let finished = (row["finished_at"] as String?).flatMap(Timestamp.parse)
            let duration = started.flatMap { s in finished.map { String(format: "%7.2f s", $0.timeIntervalSince(s)) } } ?? "      -  "
            var stages: [String] = []
            if let ran = row["ran"] as String? { stages.append("ran \(ran)") }
            if let skipped = row["skipped"] as String? { stages.append("skipped \(skipped)") }
            if let failed = row["failed"] as String? { stages.append("failed \(failed)") }
            let runID = (row["run_id"] as String).padding(toLength: 28, withPad: " ", startingAt: 0)
            let status = (row["status"] as String).padding(toLength: 10, withPad: " ", startingAt: 0)
            let exit = (row["exit_code"] as Int?).map(String.init) ?? "-"
            Console.out(
                "\(runID) \(status) \(duration)  \(exit.padding(toLength: 4, withPad: " ", startingAt: 0))  \(String(row["rows"] as Int).padding(toLength: 8, withPad: " ", startingAt: 0))  \(stages.joined(separator: "; "))"
            )
        }
    }
}

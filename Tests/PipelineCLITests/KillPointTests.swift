import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// SIGKILL at points in every stage, mid-transaction and between stages: the database stays sound,
/// the last good checkpoints and their tables are intact, and the next run ends identical to an
/// uninterrupted one.
@Suite(.serialized)
struct KillPointTests {
    static let indicators = """
        [ { "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000,
            "unit": "per 100,000", "polarity": "lower_is_better" },
          { "id": "PROP", "title": "Waits", "source": "waits", "method": "proportion", "multiplier": 100,
            "unit": "%", "polarity": "higher_is_better" } ]
        """
    static let changedAdmissions = "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,40\nE01000004,2025-03,male,65-69,6\n"

    static let points = [
        "ingest:started", "ingest:after-parse", "ingest:after-totals", "ingest:before-commit", "run:after-ingest",
        "transform:started", "transform:after-values", "transform:before-commit", "run:after-transform",
        "aggregate:started", "aggregate:after-tables", "aggregate:before-commit", "run:after-aggregate",
        "report:started", "report:after-tables", "report:after-files", "report:after-publish", "report:before-commit",
    ]

    /// Tables of each stage, for "intact" checks.
    static let stageTables = [
        "ingest": ["ingest_", "ref_"], "transform": ["indicator_"],
        "aggregate": ["inequality_index", "quintile_gap", "england_comparison", "trend", "headline_fact"],
        "report": ["soc_"],
    ]

    /// `latest` is absent or names a complete publication: every file its manifest lists, with that content.
    static func expectCompletePublication(_ folder: String, _ context: String) throws {
        let latest = (folder as NSString).appendingPathComponent("latest")
        guard FileManager.default.fileExists(atPath: latest) else { return }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: latest + "/manifest.json"))) as? [String: Any]
        let files = manifest?["files"] as? [[String: Any]] ?? []
        #expect(files.count >= 20, "\(context): manifest lists \(files.count) files")
        for file in files {
            let path = latest + "/" + (file["path"] as? String ?? "")
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.count == file["bytes"] as? Int, "\(context): \(path) is partial")
        }
    }

    /// Dump sections (`## table` blocks) whose table names start with one of `prefixes`.
    static func sections(_ dump: String, _ prefixes: [String]) -> String {
        dump.components(separatedBy: "## ").filter { block in prefixes.contains { block.hasPrefix($0) } }.joined(separator: "## ")
    }

    static func withoutLedger(_ dump: String) -> String {
        dump.components(separatedBy: "## ").filter { !$0.hasPrefix("stage_checkpoint") }.joined(separator: "## ")
    }

    static func checkpoint(_ db: String, _ stage: String) throws -> String? {
        try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "SELECT fingerprint FROM stage_checkpoint WHERE stage = ?", arguments: [stage]) }
    }

    /// Starts a run paused at `point` and SIGKILLs it there.
    static func killRun(at point: String, in directory: String) throws {
        let (process, reached) = try CommandLineRunner.startPaused(at: point, ["run"], in: directory)
        #expect(reached, "never reached \(point)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    @Test func everyKillPointLosesNothingAndTheNextRunCompletes() throws {
        // The uninterrupted result on the changed inputs, for comparison.
        let reference = try TestWorkspace()
        try reference.writeTinyWorld(indicators: Self.indicators)
        try reference.write("extracts/QBB/admissions.csv", Self.changedAdmissions)
        #expect(try CommandLineRunner.run(["run"], in: reference.root).status == 0)
        let expected = Self.withoutLedger(try TableDump.dump(reference.path("out/test.sqlite")))

        for point in Self.points {
            let workspace = try TestWorkspace()
            try workspace.writeTinyWorld(indicators: Self.indicators)
            #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
            let db = workspace.path("out/test.sqlite")
            let before = try TableDump.dump(db)
            let fingerprints = try ["ingest", "transform", "aggregate", "report"].map { try Self.checkpoint(db, $0) }
            let published = workspace.path("out/published")
            let latestBefore = try FileManager.default.destinationOfSymbolicLink(atPath: published + "/latest")
            try workspace.write("extracts/QBB/admissions.csv", Self.changedAdmissions)

            try Self.killRun(at: point, in: workspace.root)

            let integrity = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok", "\(point)")
            let after = try TableDump.dump(db)
            let killedStage = String(point.split(separator: ":")[0])
            // The stage killed mid-transaction, and every stage after it, still hold their last good checkpoint.
            let order = ["ingest", "transform", "aggregate", "report"]
            let firstUntouched =
                killedStage == "run"
                ? order.firstIndex(of: String(point.split(separator: "-").last!))! + 1
                : order.firstIndex(of: killedStage)!
            for (index, stage) in order.enumerated() where index >= firstUntouched {
                #expect(try Self.checkpoint(db, stage) == fingerprints[index], "\(point): \(stage) checkpoint changed")
                #expect(
                    Self.sections(after, Self.stageTables[stage]!) == Self.sections(before, Self.stageTables[stage]!),
                    "\(point): \(stage) tables changed")
            }

            // No partial publication is ever visible; before the switch, `latest` is still the previous one.
            try Self.expectCompletePublication(published, point)
            if point != "report:after-publish" && point != "report:before-commit" {
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: published + "/latest") == latestBefore, "\(point)")
            }

            // The next run (lock taken over from the dead process) finishes with the uninterrupted result.
            let resumed = try CommandLineRunner.run(["run"], in: workspace.root)
            #expect(resumed.status == 0, "\(point): \(resumed.stderr)")
            let history = try CommandLineRunner.run(["history"], in: workspace.root).stdout
            #expect(!history.contains(" running "), "\(point): the killed run is still 'running' in history")
            #expect(Self.withoutLedger(try TableDump.dump(db)) == expected, "\(point): result differs from an uninterrupted run")
            try Self.expectCompletePublication(published, point)
            let latestAfter = try FileManager.default.destinationOfSymbolicLink(atPath: published + "/latest")
            #expect(latestAfter != latestBefore, "\(point): the resumed run did not publish")
            #expect(
                try String(contentsOfFile: published + "/latest/csv/soc_ics_league.csv", encoding: .utf8)
                    .replacingOccurrences(of: latestAfter.replacingOccurrences(of: "runs/", with: ""), with: "RUN")
                    == String(contentsOfFile: reference.path("out/published/latest/csv/soc_ics_league.csv"), encoding: .utf8)
                    .replacingOccurrences(
                        of: try FileManager.default.destinationOfSymbolicLink(atPath: reference.path("out/published/latest")).replacingOccurrences(
                            of: "runs/", with: ""), with: "RUN"),
                "\(point): published CSV differs from an uninterrupted run")
        }
    }

    @Test func aFailedRunResumesAtTheFirstStageNotUpToDate() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        let failed = try CommandLineRunner.run(["run"], in: workspace.root, environment: ["SOC_PIPELINE_FAULT": "transform:after-values"])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("  ingest     ok"))
        let failedSummary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/run-summary.json")))) as? [String: Any]
        #expect(failedSummary?["status"] as? String == "failed")
        #expect(failedSummary?["exit_code"] as? Int == 1)
        let resumed = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("  ingest     skipped"))
        #expect(resumed.stdout.contains("  transform  ok"))
        #expect(resumed.stdout.contains("  aggregate  ok"))
        // Monitoring reads the summary of the last run and the heartbeat.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/run-summary.json")))) as? [String: Any]
        #expect(summary?["status"] as? String == "succeeded")
        #expect(summary?["exit_code"] as? Int == 0)
        let stages = summary?["stages"] as? [[String: Any]]
        #expect(stages?.map { $0["status"] as? String } == ["skipped", "ran", "ran", "ran"])
        let beat = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/heartbeat.json")))) as? [String: Any]
        #expect(beat?["stage"] as? String == "finished")
    }

    @Test func theSummaryDigestsWhatChangedSinceTheLastRun() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        try workspace.write("extracts/QBB/admissions.csv", Self.changedAdmissions + "E09999999,2025-03,male,0-4,1\n")
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("changes since the last run: "))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("out/run-summary.json")))) as? [String: Any]
        let changes = summary?["changes"] as? [String: Any]
        #expect((changes?["values_moved"] as? Int ?? 0) > 0)
        let examples = changes?["examples"] as? [[String: Any]] ?? []
        let subjects = examples.compactMap { $0["subject"] as? String }
        #expect(subjects.contains("DSR|2025-03|icb|QBB|all|0"), "\(subjects)")
        #expect(subjects.contains("quarantine|admissions"))
        #expect(subjects.contains("incomplete_records|admissions|2025-03|QBB"))
        // The summary lives outside the database: what changed, never a value.
        #expect(examples.allSatisfy { $0["before"] == nil && $0["after"] == nil })
    }

    /// A period that stops being delivered is a change (its rows disappear), and neither the summary nor
    /// the change log keeps a value before disclosure control — a suppressed cell's 7 of 19 would otherwise
    /// sit in `run-summary.json` as 36.8421.
    @Test func aVanishedPeriodIsAChangeAndNoValueLeavesTheDatabase() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        let qaa = try String(contentsOfFile: workspace.path("extracts/QAA/admissions.csv"), encoding: .utf8)
        let qbb = try String(contentsOfFile: workspace.path("extracts/QBB/admissions.csv"), encoding: .utf8)
        func withApril(_ text: String) -> String {
            text + text.split(separator: "\n").dropFirst().map { $0.replacingOccurrences(of: "2025-03", with: "2025-04") + "\n" }.joined()
        }
        try workspace.write("extracts/QAA/admissions.csv", withApril(qaa))
        try workspace.write("extracts/QBB/admissions.csv", withApril(qbb))
        let first = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(first.status == 0, "\(first.stderr)")
        try workspace.write("extracts/QAA/admissions.csv", qaa)
        try workspace.write("extracts/QBB/admissions.csv", qbb)
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let summaryText = try String(contentsOfFile: workspace.path("out/run-summary.json"), encoding: .utf8)
        let summary = try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any]
        let changes = summary?["changes"] as? [String: Any]
        #expect((changes?["values_disappeared"] as? Int ?? 0) > 0, "\(summaryText)")
        #expect(result.stdout.contains("disappeared"), "\(result.stdout)")
        let subjects = (changes?["examples"] as? [[String: Any]] ?? []).compactMap { $0["subject"] as? String }
        #expect(subjects.contains { $0.hasPrefix("DSR|2025-04|") }, "\(subjects)")
        #expect(!summaryText.contains("\"before\"") && !summaryText.contains("\"after\""))
        let valuesKept = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE kind LIKE 'value_%' AND (before IS NOT NULL OR after IS NOT NULL)")
        }
        #expect(valuesKept == 0)
    }
}

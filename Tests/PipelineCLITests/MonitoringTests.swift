import Foundation
import GRDB
import PipelineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What cron, systemd and monitoring see: JSON lines only, one summary per run,
/// fatal errors as JSON, `status --check`, and SIGTERM/SIGINT as a clean, documented outcome.
@Suite(.serialized)
struct MonitoringTests {
    static func objects(_ stderr: String) throws -> [[String: Any]] {
        try stderr.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object, "not a JSON object: \(line)")
        }
    }

    @Test func jsonModeWritesOnlyJSONAndOneSummaryLinePerRun() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let run = try CommandLineRunner.run(["run", "--log-format", "json"], in: workspace.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "the human table stays out of a JSON log: \(run.stdout)")
        let lines = try Self.objects(run.stderr)
        let summaries = lines.filter { $0["msg"] as? String == "run finished" }
        #expect(summaries.count == 1)
        let summary = try #require(summaries.first)
        #expect(summary["run.id"] is String && summary["stage"] as? String == "run")
        #expect(summary["exit_code"] as? Int == 0 && summary["stages_ran"] as? Int == 4)
        #expect(summary["rows_written"] as? Int ?? 0 > 0, "numbers are numbers: \(summary)")
        #expect(summary["status"] as? String == "succeeded")
    }

    @Test func aFatalErrorIsAJSONLineWithRunAndStage() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,\"ma")
        let run = try CommandLineRunner.run(["run", "--log-format", "json"], in: workspace.root)
        #expect(run.status == 3)
        let error = try #require(try Self.objects(run.stderr).last)
        #expect(error["level"] as? String == "error")
        #expect(error["stage"] as? String == "ingest" && error["run.id"] is String)
        #expect(error["exit_code"] as? Int == 3)
        #expect((error["msg"] as? String)?.contains("malformed CSV") == true)
        // Before any run exists (a configuration error), still one JSON line.
        try workspace.write("pipeline.json", "{ not json")
        let config = try CommandLineRunner.run(["run", "--log-format", "json"], in: workspace.root)
        #expect(config.status == 2)
        let line = try #require(try Self.objects(config.stderr).first)
        #expect(line["exit_code"] as? Int == 2 && line["level"] as? String == "error")
    }

    @Test func statusCheckFailsOnAFailedOrStaleRun() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try CommandLineRunner.run(["status", "--check"], in: workspace.root).status == 7, "no database yet")
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let healthy = try CommandLineRunner.run(["status", "--check"], in: workspace.root)
        #expect(healthy.status == 0 && healthy.stdout.contains("check      ok"), "\(healthy.stdout)")
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,\"ma")
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 3)
        let failed = try CommandLineRunner.run(["status", "--check"], in: workspace.root)
        #expect(failed.status == 7 && failed.stdout.contains("the last run failed"), "\(failed.stdout)")
        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,9\nE01000004,2025-03,male,65-69,6\n")
        #expect(try CommandLineRunner.run(["run", "--until", "ingest"], in: workspace.root).status == 0)
        let stale = try CommandLineRunner.run(["status", "--check"], in: workspace.root)
        #expect(stale.status == 7 && stale.stdout.contains("transform is stale"), "\(stale.stdout)")
    }

    /// SIGTERM or SIGINT mid-stage: the stage rolls back, the previous publication stays, the run is
    /// recorded as interrupted and the process exits 6.
    @Test(arguments: [(SIGTERM, "transform:after-values"), (SIGINT, "report:after-publish"), (SIGTERM, "report:after-files")])
    func aStopSignalEndsTheRunCleanly(signal: Int32, point: String) throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let latest = workspace.path("out/published/latest")
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: latest)
        let stage = String(point.split(separator: ":")[0])
        func checkpointRun() throws -> String? {
            try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { db in
                try String.fetchOne(db, sql: "SELECT run_id FROM stage_checkpoint WHERE stage = ?", arguments: [stage])
            }
        }
        let checkpoint = try checkpointRun()
        let (process, reached) = try CommandLineRunner.startPaused(at: point, ["run", "--force"], in: workspace.root)
        #expect(reached)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 6, "\(signal) at \(point)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == before, "the previous publication stays")
        #expect(try checkpointRun() == checkpoint, "the interrupted stage's checkpoint is the previous run's")
        let statuses = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT status FROM pipeline_run ORDER BY started_at")
        }
        #expect(statuses == ["succeeded", "interrupted"])
        let summary = try String(contentsOfFile: workspace.path("out/run-summary.json"), encoding: .utf8)
        #expect(summary.contains("\"status\" : \"interrupted\"") && summary.contains("\"exit_code\" : 6"), "\(summary)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out/published/runs"))
        #expect(runs.count == 1, "no leftover run folder: \(runs)")
    }
}

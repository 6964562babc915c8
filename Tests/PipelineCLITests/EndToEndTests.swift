import Foundation
import PipelineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built binary on `data-samples` and on small broken inputs; checks stdout, stderr and exit codes.
@Suite(.serialized)
struct EndToEndTests {
    @Test func runOnTheSamplesThenStatus() throws {
        let workspace = try TestWorkspace()
        let db = workspace.path("samples.sqlite")
        let run = try CommandLineRunner.run(["run", "--db", db, "--output", workspace.path("published")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("  ingest     ok"))
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("  report     ok"))
        let latest = workspace.path("published/latest")
        #expect(run.stdout.hasSuffix("publication: \(latest) (open \(latest)/state-of-care.html)\n"), "the last line names the page to open")
        let runID = String(try FileManager.default.destinationOfSymbolicLink(atPath: latest).dropFirst("runs/".count))
        try SampleReportChecks.golden(latest, runID: runID)
        try SampleReportChecks.browser(latest, indicators: 6, profile: "QHL")
        try SampleReportChecks.funnelBandsAgreeWithTheirLimits(db)
        try SampleReportChecks.headlinesAreTrue(db)
        try SampleReportChecks.siiRestsOnShownCells(db)
        try SampleReportChecks.tablesReadAsTyped(latest)

        let status = try CommandLineRunner.run(["status", "--db", db])
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("ingest     ok"))
        #expect(status.stdout.contains("acsc_admissions: 42 files"))
        #expect(status.stdout.contains("rtt_waits: 42 files"))
        #expect(status.stdout.contains("transform  ok"))
        #expect(status.stdout.contains("aggregate  ok"))

        // An analyst reruns transform alone from the ingest checkpoint: identical rows.
        let dump = {
            try TableDump.dump(db).split(separator: "\n").filter { !$0.contains("run_id") && !$0.contains("completed_at") && !$0.contains("duration_ms") }
        }
        let before = try dump()
        let rerun = try CommandLineRunner.run(["run", "--stage", "transform", "--force", "--db", db, "--output", workspace.path("published")])
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        #expect(rerun.stdout.contains("  transform  ok"))
        #expect(!rerun.stdout.contains("ingest"))
        // Same inputs give the same transform fingerprint, so aggregate is still up to date.
        #expect(try CommandLineRunner.run(["status", "--db", db]).stdout.contains("aggregate  ok"))
        let aggregate = try CommandLineRunner.run(["run", "--stage", "aggregate", "--db", db, "--output", workspace.path("published")])
        #expect(aggregate.status == 0, "stderr: \(aggregate.stderr)")
        #expect(try dump() == before)
    }

    @Test func handCheckableIndicatorThroughTheCLI() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            indicators: """
                [ { "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000,
                    "unit": "per 100,000", "polarity": "lower_is_better" } ]
                """)
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("  aggregate  ok"))
        let dump = try TableDump.dump(workspace.path("out/test.sqlite"))
        // (5·5000 + 4·6000 + 3·7000 + 6·5500 + 7·1000) / 800 / 100,000 × 100,000 = 137.5, method Dobson.
        #expect(dump.contains("value:137.5"), "\(dump.prefix(2000))")
    }

    @Test func explainShowsFormulaBandsInputsAndRuns() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            indicators: """
                [ { "id": "DSR", "title": "Admissions", "source": "admissions", "method": "dsr", "multiplier": 100000,
                    "unit": "per 100,000", "polarity": "lower_is_better" } ]
                """)
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let result = try CommandLineRunner.run(["explain", "--indicator", "DSR", "--geography", "QBB"], in: workspace.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("DSR = Σ(eventsᵢ × wᵢ / populationᵢ) / Σwᵢ × 100000"))
        #expect(result.stdout.contains("  20-24   4 / 400 / 6000"), "\(result.stdout)")
        #expect(result.stdout.contains("  65-69   6 / 400 / 5500"))
        #expect(result.stdout.contains("extracts/QBB/admissions.csv  sha256 "))
        #expect(!result.stdout.contains("extracts/QAA/admissions.csv"))
        #expect(result.stdout.contains("transform: run "))
        // QBB's population is published rounded; its quintile 2 holds 4 events, suppressed, so its 10 events
        // are hidden beside it (complementary). Every action is listed under the column's whole name.
        #expect(result.stdout.contains("Published in soc_ics_league (row DSR|2025-03-01|QBB):\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\n  denominator            rounded (rounded_to_5)\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\n  numerator              complementary_suppressed (complementary)\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\n  compare_england_2level secondary_suppressed (reveals_suppressed_count)\n"), "\(result.stdout)")
        let quintile = try CommandLineRunner.run(["explain", "--indicator", "DSR", "--geography", "QBB", "--breakdown", "imd_quintile=2"], in: workspace.root)
        #expect(quintile.stdout.contains("  numerator") && quintile.stdout.contains(" suppressed (count_1_to_7)\n"), "\(quintile.stdout)")
        let unknown = try CommandLineRunner.run(["explain", "--indicator", "DRS"], in: workspace.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'DSR'?"))
    }

    @Test func transformWithoutIngestNamesTheStageToRunFirst() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let result = try CommandLineRunner.run(["run", "--stage", "transform"], in: workspace.root)
        #expect(result.status == 5)
        #expect(result.stderr.contains("run `soc-pipeline run --stage ingest` first"), "stderr: \(result.stderr)")
    }

    @Test func corruptedExtractGivesFileLineColumnAndKeepsTheCheckpoint() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let first = try CommandLineRunner.run(["run", "--stage", "ingest"], in: workspace.root)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let before = try TableDump.dump(workspace.path("out/test.sqlite"))

        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,4\nE01000004,2025-03,male,\"65-69,6\n")
        let broken = try CommandLineRunner.run(["run", "--stage", "ingest"], in: workspace.root)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("error: extracts/QBB/admissions.csv:3:4: malformed CSV"), "stderr: \(broken.stderr)")
        #expect(try TableDump.dump(workspace.path("out/test.sqlite")) == before)
    }

    @Test func failureInjectedMidStageLeavesThePreviousCheckpointIntact() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try CommandLineRunner.run(["run", "--stage", "ingest"], in: workspace.root).status == 0)
        let before = try TableDump.dump(workspace.path("out/test.sqlite"))
        // Change an input so the failed run would have written different totals.
        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,40\nE01000004,2025-03,male,65-69,6\n")
        for point in ["ingest:after-parse", "ingest:after-totals", "ingest:before-commit"] {
            let failed = try CommandLineRunner.run(["run", "--stage", "ingest"], in: workspace.root, environment: ["SOC_PIPELINE_FAULT": point])
            #expect(failed.status == 1, "\(point): \(failed.stderr)")
            #expect(failed.stderr.contains("fault injected at \(point)"))
            #expect(try TableDump.dump(workspace.path("out/test.sqlite")) == before, "\(point)")
        }
        let history = try CommandLineRunner.run(["status"], in: workspace.root)
        #expect(history.stdout.contains("failed (exit 1)"))
    }

    @Test func configErrorsExitWithUsageAndNameThePath() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "pipeline.json",
            TestWorkspace.tinyConfigJSON().replacingOccurrences(of: "\"keepRows\"", with: "\"keepRow\"")
                .replacingOccurrences(of: "\"rejectThreshold\": 0.5", with: "\"rejectThreshold\": 0.5, \"keepRow\": true"))
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("ingest.keepRow: unknown key 'keepRow'"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("did you mean 'keepRows'?"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out/test.sqlite")))
    }

    @Test func missingInputExitsFive() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try FileManager.default.removeItem(atPath: workspace.path("extracts/QAA/waits.csv"))
        try FileManager.default.removeItem(atPath: workspace.path("extracts/QBB/waits.csv"))
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 5)
        #expect(result.stderr.contains("source 'waits': no files match 'extracts/{icb}/waits.csv'"))
    }

    @Test func badCommandLineExitsTwo() throws {
        let result = try CommandLineRunner.run(["run", "--stage", "nonsense"])
        #expect(result.status == 2)
    }

    @Test func validateReadsHeadersAndWritesNothing() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let ok = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(ok.stdout.contains("source admissions (events): 2 files, 2 ICB folders, headers ok"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))

        try workspace.write("extracts/QBB/waits.csv", "lsoa_code,period,sex,age_band,numerator\n")
        let bad = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("extracts/QBB/waits.csv:1:1: missing column 'denominator'"), "stderr: \(bad.stderr)")
    }

    @Test func jsonLogsAreOneObjectPerLine() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: "lsoa_code,period,sex,age_band,events\nE01000001,2025-03,male,0-4,5\nE09999999,2025-03,male,0-4,5\n")
        let result = try CommandLineRunner.run(["run", "--log-format", "json", "--log-level", "info"], in: workspace.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["run.id"] is String)
            #expect(object?["stage"] is String)
        }
        // The quarantined row is logged by place and reason, never by value.
        #expect(result.stderr.contains("extracts/QAA/admissions.csv:3:1"))
        #expect(!result.stderr.contains("E09999999"))
    }

    @Test func committedSamplesAreReproducibleFromTheSeed() throws {
        let workspace = try TestWorkspace()
        let result = try CommandLineRunner.run(["sample", "--out", workspace.path("samples")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let names = try FileManager.default.subpathsOfDirectory(atPath: Repository.path("data-samples/extracts")).sorted()
        #expect(names.filter { $0.hasSuffix(".csv") }.count == 42 * 6)
        for name in names where name.hasSuffix(".csv") {
            let committed = try Data(contentsOf: URL(fileURLWithPath: Repository.path("data-samples/extracts/\(name)")))
            let generated = try Data(contentsOf: URL(fileURLWithPath: workspace.path("samples/extracts/\(name)")))
            #expect(committed == generated, "\(name) differs from `soc-pipeline sample` output")
        }
    }
}

/// Skipping unchanged work, selection, plan and history.
@Suite(.serialized)
struct IncrementalRunTests {
    /// Every file under `folder` with its bytes, for "nothing was written" checks.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    @Test func unchangedInputsSkipEveryStageAndPlanWritesNothing() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let plan0 = try CommandLineRunner.run(["plan"], in: workspace.root)
        #expect(plan0.stdout.contains("ingest     run   no checkpoint yet"), "\(plan0.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))

        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let again = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("ingest     skipped"))
        #expect(again.stdout.contains("aggregate  skipped"))

        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,female,20-24,40\nE01000004,2025-03,male,65-69,6\n")
        let before = try Self.snapshot(workspace.path("out"))
        let plan = try CommandLineRunner.run(["plan"], in: workspace.root)
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("ingest     run   changed extracts/QBB/admissions.csv"), "\(plan.stdout)")
        #expect(plan.stdout.contains("transform  run   its upstream stage 'ingest' will run first"))
        #expect(try Self.snapshot(workspace.path("out")) == before)
        #expect(try CommandLineRunner.run(["status"], in: workspace.root).status == 0)
        #expect(try CommandLineRunner.run(["history"], in: workspace.root).status == 0)
        #expect(try Self.snapshot(workspace.path("out")) == before, "readers wrote something")

        // --until ingest rebuilds ingest only; transform is then stale and says so.
        let ingestOnly = try CommandLineRunner.run(["run", "--until", "ingest"], in: workspace.root)
        #expect(ingestOnly.stdout.contains("  ingest     ok") && !ingestOnly.stdout.contains("transform"))
        let status = try CommandLineRunner.run(["status"], in: workspace.root)
        #expect(status.stdout.contains("transform  stale"), "\(status.stdout)")
        let refused = try CommandLineRunner.run(["run", "--stage", "aggregate"], in: workspace.root)
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("the 'transform' checkpoint is stale"))
        let resumed = try CommandLineRunner.run(["run", "--from", "transform"], in: workspace.root)
        #expect(resumed.stdout.contains("  transform  ok") && resumed.stdout.contains("  aggregate  ok"))

        let history = try CommandLineRunner.run(["history"], in: workspace.root)
        #expect(history.stdout.contains("skipped ingest,transform,aggregate"))
        #expect(history.stdout.contains("ran ingest\n"), "\(history.stdout)")

        // A configuration edit: plan names the key, and only the stages that read it (and those after) run.
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"aggregate\": {\"headlineTopN\": 3}\n}\n")
        let edited = try CommandLineRunner.run(["plan"], in: workspace.root)
        #expect(edited.stdout.contains("transform  skip  unchanged since run"), "\(edited.stdout)")
        #expect(edited.stdout.contains("aggregate  run   configuration changed: headlineTopN"), "\(edited.stdout)")
        #expect(edited.stdout.contains("report     run   its upstream stage 'aggregate' will run first"), "\(edited.stdout)")
        let rerun = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(rerun.stdout.contains("transform  skipped") && rerun.stdout.contains("  aggregate  ok"), "\(rerun.stdout)")
    }
}

/// One run at a time.
@Suite(.serialized)
struct RunLockTests {
    @Test func aSecondRunExitsLockedAndNamesTheHolder() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        // Hold the lock from this process, as a running pipeline would.
        let lockPath = workspace.path("out/test.sqlite.lock")
        try workspace.write("out/test.sqlite.lock", "pid=\(getpid())\nhost=test-host\nstarted=2026-01-01T02:00:00Z\nrun=nightly-1\n")
        let fd = open(lockPath, O_RDWR)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let blocked = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(blocked.status == 4)
        #expect(blocked.stderr.contains("another run holds the lock: run nightly-1, pid \(getpid()) on test-host"), "stderr: \(blocked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out/test.sqlite")))
        // Readers do not need the lock.
        #expect(try CommandLineRunner.run(["status"], in: workspace.root).status == 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("out/test.sqlite.lock", "pid=999999\nhost=\(ProcessInfo.processInfo.hostName)\nstarted=2026-01-01T02:00:00Z\nrun=killed-run\n")
        let result = try CommandLineRunner.run(["run", "--log-level", "notice"], in: workspace.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("took over a lock left by a run that is no longer running"))
    }
}

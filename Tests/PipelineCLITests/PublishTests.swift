import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// Publishing through the built binary: atomic `latest`, failures that keep the previous publication,
/// unwritable output folders, and the `tables` commands report writers use.
struct PublishTests {
    static let indicators = """
        [ { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better" } ]
        """

    static func latest(_ workspace: TestWorkspace) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("out/published/latest"))
    }

    @Test func aFailedReportStageKeepsThePreviousLatest() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let before = try Self.latest(workspace)
        let csv = try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/published/latest/csv/soc_ics_league.csv")))
        for point in ["report:after-tables", "report:after-files", "report:after-publish", "report:before-commit"] {
            let failed = try CommandLineRunner.run(
                ["run", "--stage", "report", "--force"], in: workspace.root,
                environment: ["SOC_PIPELINE_FAULT": point])
            #expect(failed.status == 1, "\(point): \(failed.stderr)")
            #expect(try Self.latest(workspace) == before, "\(point)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/published/latest/csv/soc_ics_league.csv"))) == csv)
            let runs = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out/published/runs"))
            #expect(runs == [String(before.dropFirst(5))], "\(point): the failed run's folder was left behind: \(runs)")
        }
        // A deleted publication is rebuilt by the next plain run, even though nothing else changed.
        try FileManager.default.removeItem(atPath: workspace.path("out/published"))
        let rebuilt = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(rebuilt.stdout.contains("  report     ok"), "\(rebuilt.stdout)")
        #expect(FileManager.default.fileExists(atPath: workspace.path("out/published/latest/state-of-care.html")))
        let again = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(again.stdout.contains("  report     skipped"))
    }

    @Test func anUnwritableOutputFolderIsReportedAndLosesNothing() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        // A file where the output folder should be.
        try workspace.write("blocked", "not a folder")
        let blocked = try CommandLineRunner.run(["run", "--output", workspace.path("blocked/published")], in: workspace.root)
        #expect(blocked.status == 5, "\(blocked.stderr)")
        #expect(blocked.stderr.contains("cannot write to the output folder"))
        #expect(blocked.stderr.contains("blocked/published"))
        #expect(blocked.stdout.contains("  aggregate  ok"))
        // A read-only folder: mode 555 for a normal user; for root (CI), which ignores modes, the
        // immutable attribute (chattr +i), which binds root too.
        let readOnlyFolder = workspace.path("readonly")
        try FileManager.default.createDirectory(atPath: readOnlyFolder, withIntermediateDirectories: true)
        var madeReadOnly = false
        if geteuid() != 0 {
            madeReadOnly = chmod(readOnlyFolder, 0o555) == 0
        } else {
            madeReadOnly = (try? CommandLineRunner.run(["+i", readOnlyFolder], executable: "/usr/bin/chattr"))?.status == 0
        }
        defer {
            if geteuid() == 0 { _ = try? CommandLineRunner.run(["-i", readOnlyFolder], executable: "/usr/bin/chattr") }
            chmod(readOnlyFolder, 0o755)
        }
        if madeReadOnly {
            let readOnly = try CommandLineRunner.run(["run", "--output", readOnlyFolder], in: workspace.root)
            #expect(readOnly.status == 5, "\(readOnly.stderr)")
            #expect(readOnly.stderr.contains("cannot write to the output folder"))
        } else {
            Issue.record("could not make a read-only folder (chmod, or chattr +i as root)")
        }
        // The earlier stages' checkpoints stand: the next run with a good folder only reports.
        let fixed = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("  aggregate  skipped"))
        #expect(fixed.stdout.contains("  report     ok"))
    }

    @Test func tablesListShowAndExportForReportWriters() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        let before = try CommandLineRunner.run(["tables", "list"], in: workspace.root)
        #expect(before.status == 5)
        #expect(before.stderr.contains("run `soc-pipeline run`"))
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)

        let list = try CommandLineRunner.run(["tables", "list"], in: workspace.root)
        #expect(list.status == 0)
        #expect(list.stdout.contains("soc_ics_league"))
        #expect(list.stdout.split(separator: "\n").count == 10)

        let show = try CommandLineRunner.run(
            [
                "tables", "show", "ics_league", "--where", "indicator=RATE", "--where", "ics_ods_code=QAA",
                "--columns", "ics_ods_code,numerator,denominator", "--format", "csv",
            ], in: workspace.root)
        #expect(show.status == 0, "\(show.stderr)")
        // Numbers stay numbers; each controlled column's marker is in its status column (with two ICSs,
        // QAA's numerator is hidden beside QBB's suppressed one).
        #expect(
            show.stdout
                == "ics_ods_code,numerator,numerator_status,denominator,denominator_status\r\nQAA,,complementary_suppressed,7600,rounded\r\n")

        let suppressed = try CommandLineRunner.run(
            [
                "tables", "show", "soc_ics_quintile_gap", "--where", "quintile=5", "--where", "ics_ods_code=QAA",
                "--columns", "numerator,value", "--format", "md",
            ], in: workspace.root)
        #expect(suppressed.stdout.contains("| Numerator (count) | Value (in unit) |"), "\(suppressed.stdout)")
        #expect(suppressed.stdout.contains("| \\* | \\* |"), "\(suppressed.stdout)")

        // Column names are checked against the table, never pasted into SQL.
        let injected = try CommandLineRunner.run(["tables", "show", "ics_league", "--where", "value=1 OR 1=1"], in: workspace.root)
        #expect(injected.status == 2)
        let unknown = try CommandLineRunner.run(["tables", "show", "ics_league", "--columns", "ics_nme"], in: workspace.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'ics_name'"))
        let table = try CommandLineRunner.run(["tables", "show", "league"], in: workspace.root)
        #expect(table.status == 2)
        #expect(table.stderr.contains("soc_ics_league"))

        let export = try CommandLineRunner.run(["tables", "export", "--format", "all", "--out", workspace.path("export")], in: workspace.root)
        #expect(export.status == 0, "\(export.stderr)")
        for file in [
            "csv/soc_ics_league.csv", "json/soc_headlines.json", "markdown/soc_metadata.md", "state-of-care.xlsx", "state-of-care.html", "manifest.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("export/\(file)")), "\(file)")
        }
        // The export matches the publication.
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: workspace.path("export/csv/soc_ics_league.csv")))
                == Data(contentsOf: URL(fileURLWithPath: workspace.path("out/published/latest/csv/soc_ics_league.csv"))))
    }

    @Test func tablesServeReadersWhileARunHoldsTheDatabase() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicators)
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        // A forced run paused inside its report transaction (write lock held, WAL) ...
        let (process, reached) = try CommandLineRunner.startPaused(at: "report:after-tables", ["run", "--force"], in: workspace.root)
        #expect(reached)
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // ... does not block report writers, who see the last committed tables.
        let show = try CommandLineRunner.run(["tables", "show", "ics_league", "--columns", "ics_ods_code,denominator", "--format", "csv"], in: workspace.root)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("QAA,7600"))
        #expect(try CommandLineRunner.run(["tables", "list"], in: workspace.root).status == 0)
    }
}

import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

/// A corpus of broken deliveries and environments: each gives a clear message and the documented exit
/// code, and loses nothing already checkpointed.
@Suite(.serialized)
struct BadInputTests {
    /// Runs ingest once on good data, applies `damage`, reruns; returns the second result and whether
    /// the checkpoint tables are unchanged.
    func afterGoodRun(_ damage: (TestWorkspace) throws -> Void, arguments: [String] = ["run"]) throws
        -> (result: CommandLineRunner.Result, intact: Bool, workspace: TestWorkspace)
    {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let before = try TableDump.dump(workspace.path("out/test.sqlite"))
        try damage(workspace)
        let result = try CommandLineRunner.run(arguments, in: workspace.root)
        let after = (try? TableDump.dump(workspace.path("out/test.sqlite"))) ?? ""
        return (result, after == before, workspace)
    }

    static let header = "lsoa_code,period,sex,age_band,events\n"

    @Test(arguments: [
        ("truncated mid-quote", header + "E01000003,2025-03,female,20-24,4\nE01000004,2025-03,\"ma", 3, "extracts/QBB/admissions.csv:3:3: malformed CSV"),
        ("header only", header, 3, "coverage: source 'admissions' period 2025-03 has no records for 1 of 2 ICBs: QBB"),
        ("empty file", "", 3, "extracts/QBB/admissions.csv:1: empty file"),
        ("an ICS missing its rows", header + "E01000001,2025-03,male,0-4,5\n", 3, "has no records for 1 of 2 ICBs: QBB Beta, Gamma"),
    ])
    func brokenDelivery(name: String, content: String, status: Int32, message: String) throws {
        let (result, intact, _) = try afterGoodRun { try $0.write("extracts/QBB/admissions.csv", content) }
        #expect(result.status == status, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        #expect(intact, "\(name)")
    }

    @Test func binaryGarbageIsQuarantinedOrRejectedNeverLoaded() throws {
        var bytes = Array(Self.header.utf8)
        var state: UInt64 = 42
        for _ in 0..<4000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 33) | 0x01)
        }
        let (result, intact, _) = try afterGoodRun { try $0.write("extracts/QBB/admissions.csv", Data(bytes)) }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("extracts/QBB/admissions.csv:"))
        #expect(intact)
    }

    @Test func latin1EncodingIsRejectedAsInvalidUTF8() throws {
        // "Café" in Latin-1 in an ignored-by-nobody column: the sex field.
        var bytes = Array((Self.header + "E01000003,2025-03,").utf8)
        bytes += [0x43, 0x61, 0x66, 0xE9]
        bytes += Array(",20-24,4\nE01000004,2025-03,male,65-69,6\n".utf8)
        let (result, _, workspace) = try afterGoodRun { try $0.write("extracts/QBB/admissions.csv", Data(bytes)) }
        #expect(result.status == 0, "\(result.stderr)")  // one bad row of six is under the 50% threshold
        let reasons = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read {
            try String.fetchAll($0, sql: "SELECT reason || ':' || line || ':' || column FROM ingest_quarantine")
        }
        #expect(reasons == ["invalid_utf8:2:3"])
    }

    @Test func duplicatedRowsAreQuarantined() throws {
        let content = Self.header + "E01000003,2025-03,female,20-24,4\nE01000003,2025-03,female,20-24,4\nE01000004,2025-03,male,65-69,6\n"
        let (result, _, workspace) = try afterGoodRun { try $0.write("extracts/QBB/admissions.csv", content) }
        #expect(result.status == 0)
        let reasons = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read {
            try String.fetchAll($0, sql: "SELECT reason || ':' || line FROM ingest_quarantine")
        }
        #expect(reasons == ["duplicate_key:3"])
    }

    @Test func aHugeFieldIsHandledWithoutLoadingItAsAValue() throws {
        let huge = String(repeating: "9", count: 3_000_000)
        let content = Self.header + "E01000003,2025-03,female,20-24,\(huge)\nE01000004,2025-03,male,65-69,6\n"
        let (result, _, workspace) = try afterGoodRun { try $0.write("extracts/QBB/admissions.csv", content) }
        #expect(result.status == 0, "\(result.stderr)")
        let reasons = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read {
            try String.fetchAll($0, sql: "SELECT reason || ':' || line || ':' || column FROM ingest_quarantine")
        }
        #expect(reasons == ["not_a_count:2:5"])
    }

    @Test func aCorruptedDatabaseFileIsReportedNotOverwritten() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("out/test.sqlite", Data(repeating: 0x5A, count: 8192))
        let result = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open the checkpoint database"), "\(result.stderr)")
        #expect(result.stderr.contains("move it aside"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/test.sqlite"))) == Data(repeating: 0x5A, count: 8192))
    }

    @Test func aDatabaseFolderThatCannotBeCreatedIsInputMissing() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("blocker", "a file where a folder should be")
        let result = try CommandLineRunner.run(["run", "--db", workspace.path("blocker/db/test.sqlite")], in: workspace.root)
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.stderr.contains("blocker/db"))
    }

    @Test func aFullDiskFailsTheStageAndKeepsTheCheckpoint() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("pipeline.json", TestWorkspace.tinyConfigJSON(extra: ", \"keepRows\": true, \"requireFullCoverage\": false, \"maxPeriods\": 400"))
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let before = try TableDump.dump(workspace.path("out/test.sqlite"))
        // 300 months of rows, kept row by row: far more than the size limit below allows.
        var rows = Self.header
        for month in 0..<300 {
            let period = String(format: "%04d-%02d", 2000 + month / 12, month % 12 + 1)
            for band in ["0-4", "20-24", "45-49", "70-74", "90+"] { rows += "E01000003,\(period),female,\(band),1\nE01000004,\(period),male,\(band),2\n" }
        }
        try workspace.write("extracts/QBB/admissions.csv", rows)
        let size = try FileManager.default.attributesOfItem(atPath: workspace.path("out/test.sqlite"))[.size] as? Int ?? 0
        // A per-process file-size limit stands in for a full disk: writes past it fail (EFBIG → SQLITE_FULL).
        let blocks = (size + 64 * 1024) / 512
        let result = try CommandLineRunner.run(
            ["-c", "ulimit -f \(blocks); exec \"$0\" run --stage ingest", CommandLineRunner.binary],
            in: workspace.root, executable: "/bin/sh")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("full"), "\(result.stderr)")
        #expect(try TableDump.dump(workspace.path("out/test.sqlite")) == before)
        let integrity = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func twoConcurrentRunsOneProceedsTheOtherIsLocked() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let first = Process()
        first.executableURL = URL(fileURLWithPath: CommandLineRunner.binary)
        first.arguments = ["run"]
        first.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
        var environment = ProcessInfo.processInfo.environment
        environment["SOC_PIPELINE_PAUSE"] = "ingest:after-parse"
        first.environment = environment
        let errors = Pipe()
        first.standardError = errors
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("paused") && first.isRunning { seen.append(errors.fileHandleForReading.availableData) }
        let second = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(second.status == 4)
        #expect(second.stderr.contains("another run holds the lock: run "), "\(second.stderr)")
        #expect(second.stderr.contains("pid \(first.processIdentifier)"))
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
    }

    /// `validate` judges the first 200 kept rows of each file: over the reject threshold there, it is certain
    /// only when that is every row. A file whose bad rows come first (an unknown ICS's rows sorted to the top,
    /// as publishers sort `UNKNOWN`) gets a warning and a run that passes; a short bad file is refused by both.
    @Test func aSampleOverTheThresholdIsCertainOnlyWhenItIsTheWholeFile() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let header = "lsoa_code,period,sex,age_band,events\n"
        // 150 rows of an LSOA no lookup has, then 300 good rows (two LSOAs, two sexes, ages 0–74): 75% of the
        // sample, a third of the file, against the threshold of one half.
        let bad = (0..<150).map { "E09999999,2025-03,male,\($0 % 90),1\n" }.joined()
        let good = (0..<300).map { "E0100000\($0 / 150 + 1),2025-03,\($0 / 75 % 2 == 0 ? "male" : "female"),\($0 % 75),\($0 % 7)\n" }
        try workspace.write("extracts/QAA/admissions.csv", header + bad + good.joined())
        let longValidate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(longValidate.status == 0, "\(longValidate.stderr)")
        #expect(longValidate.stderr.contains("a run judges every row, and fails unless the rest of the file is cleaner than its first rows"))
        #expect(try CommandLineRunner.run(["run", "--stage", "ingest"], in: workspace.root).status == 0, "150 of 450 rows: under the threshold")
        try workspace.write("extracts/QAA/admissions.csv", header + bad + good.prefix(20).joined())
        let shortValidate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(shortValidate.status != 0 && shortValidate.stderr.contains("the sample was every row"), "\(shortValidate.stderr)")
    }
}

/// Error messages name files, lines and column positions, never a cell's text.
struct NoDataInMessagesTests {
    /// A file without a header row: its first data row must not appear in stderr, `validate`, the run
    /// summary or the ledger.
    @Test func aHeaderlessFileIsDescribedByPositionOnly() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("extracts/QBB/admissions.csv", "E01000003,2025-03,female,20-24,4321\nE01000004,2025-03,male,65-69,6\n")
        let run = try CommandLineRunner.run(["run"], in: workspace.root)
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(run.status == 3 && validate.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("missing column 'lsoa_code': the first row looks like data, not a header (column 1"), "\(run.stderr)")
        #expect(run.stderr.contains("add a header row"))
        let summary = try String(contentsOfFile: workspace.path("out/run-summary.json"), encoding: .utf8)
        let ledger = try DatabaseQueue(path: workspace.path("out/test.sqlite")).read { db in
            (try String.fetchAll(db, sql: "SELECT coalesce(message, '') FROM pipeline_run")
                + String.fetchAll(db, sql: "SELECT coalesce(message, '') FROM stage_attempt")).joined(separator: "\n")
        }
        for text in [run.stderr, run.stdout, validate.stderr, validate.stdout, summary, ledger] {
            for cell in ["E01000003", "female", "20-24"] {
                #expect(!text.contains(cell), "a cell's text '\(cell)' was printed")
            }
            // The count as a number of its own: the digits may turn up inside a timing (`0.0943218…`).
            #expect(text.range(of: #"(?<![0-9.])4321(?![0-9])"#, options: .regularExpression) == nil, "the cell's count 4321 was printed")
        }
    }

    /// A relative glob may not climb out of the project; the path is not echoed back.
    @Test func aRelativePathOutsideTheProjectIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write("pipeline.json", config.replacingOccurrences(of: "extracts/{icb}/waits.csv", with: "../../../etc/passwd"))
        for command in [["validate"], ["run"]] {
            let result = try CommandLineRunner.run(command, in: workspace.root)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("sources[2].files: a relative path may not leave the folder of pipeline.json"), "\(result.stderr)")
            #expect(!result.stderr.contains("passwd"))
        }
    }
}

/// A weakened regime, once acknowledged, is warned about on every run and published as `custom`.
struct WeakerDisclosureTests {
    @Test func everyRunWarnsAndThePublicationSaysCustom() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        let weak = #"{ "disclosure": { "roundTo": 1, "acknowledgeWeakerThanDefault": true } }"#
        try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"report\": \(weak)\n}\n")
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.stderr.contains("warning: disclosure control is weaker than the NHS Digital default (rounds to 1 instead of 5)"))
        for _ in 0..<2 {
            let run = try CommandLineRunner.run(["run"], in: workspace.root)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("disclosure control is weaker than the NHS Digital default"), "\(run.stderr)")
        }
        let metadata = try String(contentsOfFile: workspace.path("out/published/latest/csv/soc_metadata.csv"), encoding: .utf8)
        #expect(metadata.contains(",disclosure_rules,\"custom (weaker than the NHS Digital HES/ECDS default"), "\(metadata)")
    }
}

/// What `run` once worked around in silence is now refused, by `validate` as well.
struct SilentWorkaroundTests {
    func workspace(report: String = "", aggregate: String = "") throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            indicators:
                #"[ { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "per 1,000", "polarity": "lower_is_better" } ]"#
        )
        var config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        if !report.isEmpty { config = String(config.dropLast(2)) + ", \"report\": \(report)\n}\n" }
        if !aggregate.isEmpty { config = String(config.dropLast(2)) + ", \"aggregate\": \(aggregate)\n}\n" }
        try workspace.write("pipeline.json", config)
        return workspace
    }

    @Test func anUnknownFocusICSIsAnError() throws {
        let workspace = try workspace(report: #"{ "focusIcs": "QAB" }"#)
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.status == 2 && validate.stderr.contains("report.focusIcs: QAB is not an ICB of the reference"), "\(validate.stderr)")
        #expect(validate.stderr.contains("did you mean QAA?"))
        let run = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(run.status == 2 && run.stderr.contains("report.focusIcs: QAB"), "\(run.stderr)")
    }

    @Test func aBaselineNotInTheDataIsAnError() throws {
        let workspace = try workspace(aggregate: #"{ "baselinePeriod": "2024-03" }"#)
        let run = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("aggregate.baselinePeriod: 2024-03 is not a period of indicator RATE's data (2025-03)"), "\(run.stderr)")
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.status == 2 && validate.stderr.contains("aggregate.baselinePeriod: 2024-03"), "\(validate.stderr)")
    }

    /// Rows of another ICS in a file delivered for QAA: quarantined by the run, and named by validate.
    @Test func rowsOfAnotherICSInADeliveredFolderAreCaught() throws {
        let workspace = try workspace()
        let qaa = try String(contentsOfFile: workspace.path("extracts/QAA/admissions.csv"), encoding: .utf8)
        try workspace.write("extracts/QAA/admissions.csv", qaa + "E01000003,2025-03,female,20-24,9\n")
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("warning: 1 outside_delivered_ics — first: extracts/QAA/admissions.csv:5:1"), "\(validate.stderr)")
        #expect(validate.stdout.contains("source admissions: first 200 kept rows of each file: 6 checked, 1 would be quarantined"), "\(validate.stdout)")
        #expect(!validate.stderr.contains("E01000003"))
        let run = try CommandLineRunner.run(["run"], in: workspace.root)
        #expect(run.status == 0 && run.stderr.contains("extracts/QAA/admissions.csv:5:1"), "\(run.stderr)")
    }

    /// A `where` filter that keeps no row: validate once said "valid" because none of its first 200 rows
    /// passed the filter; now it reads on for kept rows and says when there are none.
    @Test func validateSaysWhenTheFilterKeepsNothing() throws {
        let workspace = try workspace()
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write(
            "pipeline.json",
            config.replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/admissions.csv\"", with: "\"files\": \"extracts/{icb}/admissions.csv\", \"where\": { \"sex\": [\"persons\"] }")
        )
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.status == 3, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stderr.contains("source 'admissions': none of the 5 rows read passes its 'where' filter"), "\(validate.stderr)")
        #expect(!validate.stdout.contains("\nvalid\n"))
    }

    /// The rows a run set aside can be read afterwards, by reason and place, never by value.
    @Test func quarantinedRowsCanBeListedAfterTheRun() throws {
        let workspace = try workspace()
        let qaa = try String(contentsOfFile: workspace.path("extracts/QAA/admissions.csv"), encoding: .utf8)
        try workspace.write("extracts/QAA/admissions.csv", qaa + "E01000003,2025-03,female,20-24,9\n")
        #expect(try CommandLineRunner.run(["run"], in: workspace.root).status == 0)
        let listed = try CommandLineRunner.run(["quarantine"], in: workspace.root)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("admissions: 1 rows\n  1 outside_delivered_ics — first: extracts/QAA/admissions.csv:5:1:"), "\(listed.stdout)")
        #expect(listed.stdout.contains("extracts/QAA/admissions.csv:5:1 (lsoa_code) outside_delivered_ics:"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("E01000003") && !listed.stdout.contains(",9"))
        let csv = try CommandLineRunner.run(["quarantine", "--format", "csv", "--reason", "outside_delivered_ics"], in: workspace.root)
        #expect(
            csv.stdout.hasPrefix("source,path,line,column,column_name,reason,detail\nadmissions,extracts/QAA/admissions.csv,5,1,lsoa_code,"), "\(csv.stdout)")
        let none = try CommandLineRunner.run(["quarantine", "--reason", "invalid_sex"], in: workspace.root)
        #expect(none.stdout == "no quarantined rows with reason invalid_sex\n", "\(none.stdout)")
        let typo = try CommandLineRunner.run(["quarantine", "--reason", "invalid_sx"], in: workspace.root)
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'invalid_sex'?"), "\(typo.stderr)")
    }

    /// validate names the header columns it did not map, and refuses a file whose sex column it cannot find.
    @Test func validateListsUnmappedColumnsAndRefusesAMissingSex() throws {
        let workspace = try workspace()
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex_code,age_band,events\nE01000003,2025-03,2,20-24,4\n")
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.stdout.contains("source admissions: header columns not used: 'sex_code'"), "\(validate.stdout)")
        #expect(validate.status == 3 && validate.stderr.contains("missing column 'sex' (header names tried: sex, gender)"), "\(validate.stderr)")
    }

    @Test func aQuoteInAnIndicatorIDIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(
            indicators:
                #"[ { "id": "X\" onload=\"alert(1)", "title": "t", "source": "admissions", "method": "crude_rate", "multiplier": 1000, "unit": "u", "polarity": "none" } ]"#
        )
        let validate = try CommandLineRunner.run(["validate"], in: workspace.root)
        #expect(validate.status == 2 && validate.stderr.contains("indicators[0].id: must be a letter"), "\(validate.stderr)")
    }
}

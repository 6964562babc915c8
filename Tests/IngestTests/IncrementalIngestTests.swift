import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// A run over a history that grew, shrank or changed since the last one parses only the files that are new
/// or changed and adds the others' stored parts: its ingest tables must equal a full rebuild's over the same
/// files, byte for byte (docs/ARCHITECTURE.md, "Incremental ingest").
struct IncrementalIngestTests {
    static let months = ["2024-12", "2025-01", "2025-02"]

    /// Runs ingest (forced, as a changed input would make it run); returns its tables as text and its notes.
    @discardableResult
    static func ingest(_ workspace: TestWorkspace, today: String? = nil) throws -> (tables: String, notes: String) {
        var stage = IngestStage(workers: 2)
        stage.today = today.flatMap(Period.init(label:))
        let store = try StageHarness.run(stage, configPath: workspace.path("pipeline.json"))
        let notes = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") } ?? ""
        let dump = try TableDump.dump(workspace.path("out/test.sqlite"))
        return (dump.components(separatedBy: "## ").filter { $0.hasPrefix("ingest_") || $0.hasPrefix("ref_") }.joined(separator: "## "), notes)
    }

    /// The same files ingested into a fresh database.
    static func fullRebuild(_ workspace: TestWorkspace, today: String? = nil) throws -> String {
        try? FileManager.default.removeItem(atPath: workspace.path("out"))
        return try ingest(workspace, today: today).tables
    }

    static func expectFullRebuild(_ workspace: TestWorkspace, _ incremental: String, _ comment: Comment, today: String? = nil) throws {
        let full = try fullRebuild(MonthlyWorld.copyFiles(of: workspace), today: today)
        #expect(full == incremental, "\(comment): first difference, full rebuild then incremental: \(TableDump.firstDifference(full, incremental))")
    }

    /// Rows the last ingest run wrote to a table, and the table's rows in `period`.
    static func rowsWritten(_ table: String, period: String, in workspace: TestWorkspace) throws -> (written: Int, inPeriod: Int) {
        let queue = try DatabaseQueue(path: workspace.path("out/test.sqlite"))
        return try queue.read { db in
            let json = try String.fetchOne(db, sql: "SELECT rows_by_table FROM stage_checkpoint WHERE stage = 'ingest'") ?? "{}"
            let written = try JSONDecoder().decode([String: Int].self, from: Data(json.utf8))[table] ?? -1
            let inPeriod = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE period = ?", arguments: [period]) ?? 0
            return (written, inPeriod)
        }
    }

    @Test func addingAMonthParsesOnlyItsFiles() throws {
        let workspace = try MonthlyWorld.workspace(months: Array(Self.months.prefix(2)))
        try Self.ingest(workspace)
        try MonthlyWorld.write(Self.months[2], in: workspace)
        let run = try Self.ingest(workspace)
        // Only the new month's counts are written; the others' rows stay as they were.
        let counts = try Self.rowsWritten("ingest_event_total", period: Self.months[2], in: workspace)
        #expect(counts.written == counts.inPeriod && counts.written > 0, "\(counts)")
        // Four files of the two months before are added from their parts; the new month's four are read.
        #expect(run.notes.contains("admissions: 6 files (4 unchanged, not read: their stored totals added)"), "\(run.notes)")
        #expect(run.notes.contains("waits: 6 files (4 unchanged, not read"), "\(run.notes)")
        #expect(run.tables.contains("period:\"2025-02\""))
        try Self.expectFullRebuild(workspace, run.tables, "a month added")
    }

    @Test func aNewMonthReadsAgainOnlyTheFilesWithRowsAfterTheLast() throws {
        let workspace = try MonthlyWorld.workspace(months: Array(Self.months.prefix(2)))
        try workspace.write(
            "pipeline.json",
            MonthlyWorld.config(extra: ", \"requireFullCoverage\": false"))
        // January's QBB file also holds a February row: in January it is refused as a future period.
        let path = "extracts/\(Self.months[1])/QBB/admissions.csv"
        try workspace.write(path, MonthlyWorld.admissions("QBB", Self.months[1], extra: "E01000003,\(Self.months[2]),female,20-24,4\n"))
        let january = try Self.ingest(workspace, today: Self.months[1])
        #expect(january.tables.contains("reason:\"future_period\""))
        // February begins: that file is read again and its row counts; every other file is added from its part.
        let february = try Self.ingest(workspace, today: Self.months[2])
        #expect(february.notes.contains("admissions: 4 files (3 unchanged"), "\(february.notes)")
        #expect(february.notes.contains("waits: 4 files (4 unchanged"), "\(february.notes)")
        #expect(!february.tables.contains("reason:\"future_period\""))
        try Self.expectFullRebuild(workspace, february.tables, "the next month", today: Self.months[2])
    }

    @Test func anEditWithinTheSameSecondAndSizeIsSeen() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months)
        try Self.ingest(workspace)
        // Same size, same second: only the content says it changed (the stat cache's racy guard).
        let path = "extracts/\(Self.months[0])/QAA/admissions.csv"
        let before = try String(contentsOfFile: workspace.path(path), encoding: .utf8)
        // The first row's count, its last digit moved by one.
        var lines = before.components(separatedBy: "\n")
        let digit = lines[1].removeLast()
        lines[1].append(digit == "1" ? "2" : "1")
        let edited = lines.joined(separator: "\n")
        #expect(edited.utf8.count == before.utf8.count && edited != before)
        try workspace.write(path, edited)
        let run = try Self.ingest(workspace)
        #expect(run.notes.contains("admissions: 6 files (5 unchanged"), "\(run.notes)")
        try Self.expectFullRebuild(workspace, run.tables, "a past month edited")
    }

    @Test func aDeletedFileTakesItsCountsAndItsPartWithIt() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months)
        let first = try Self.ingest(workspace)
        #expect(first.tables.contains("extracts/2024-12/QBB/waits.csv"))
        // December's waits withdrawn (both ICBs': coverage is checked by period).
        for icb in ["QAA", "QBB"] { try FileManager.default.removeItem(atPath: workspace.path("extracts/2024-12/\(icb)/waits.csv")) }
        let run = try Self.ingest(workspace)
        #expect(!run.tables.contains("extracts/2024-12/QBB/waits.csv"), "no file row, quarantine or part of the file remains")
        #expect(run.notes.contains("waits: 4 files (4 unchanged"), "\(run.notes)")
        try Self.expectFullRebuild(workspace, run.tables, "a past file deleted")
    }

    @Test func aRowRepeatedInAnotherFileIsQuarantinedAsInAFullRebuild() throws {
        let workspace = try MonthlyWorld.workspace(months: Array(Self.months.prefix(1)))
        try Self.ingest(workspace)
        // January's QAA file repeats a December row: read after December's, it is the duplicate.
        try MonthlyWorld.write(Self.months[1], in: workspace)
        let repeated = "E01000001,\(Self.months[0]),male,0-4,1\n"
        try workspace.write(
            "extracts/\(Self.months[1])/QAA/admissions.csv", MonthlyWorld.admissions("QAA", Self.months[1], extra: repeated))
        let added = try Self.ingest(workspace)
        #expect(added.tables.contains("reason:\"duplicate_key\""))
        try Self.expectFullRebuild(workspace, added.tables, "a new file repeating a stored file's row")
        // Both stored now; a third month's run adds December's part, and January's collides with it: read in order.
        try MonthlyWorld.write(Self.months[2], in: workspace)
        let third = try Self.ingest(workspace)
        #expect(third.notes.contains("admissions: 6 files (3 unchanged"), "\(third.notes)")
        try Self.expectFullRebuild(workspace, third.tables, "a stored file repeating another stored file's row")
        // December's row withdrawn: January's part now adds cleanly where it was read in order, and the
        // periods it counts in are written again.
        let december = "extracts/\(Self.months[0])/QAA/admissions.csv"
        let withdrawn = try String(contentsOfFile: workspace.path(december), encoding: .utf8).components(separatedBy: "\n")
        try workspace.write(december, (withdrawn.prefix(1) + withdrawn.dropFirst(2)).joined(separator: "\n"))
        let fourth = try Self.ingest(workspace)
        #expect(!fourth.tables.contains("reason:\"duplicate_key\""))
        #expect(fourth.notes.contains("admissions: 6 files (5 unchanged"), "\(fourth.notes)")
        try Self.expectFullRebuild(workspace, fourth.tables, "a file read in order last time, added from its part now")
    }

    @Test func rawRowsAreReadFromEveryFile() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months)
        try Self.ingest(workspace)
        try workspace.write(
            "pipeline.json",
            MonthlyWorld.config(extra: ", \"keepRows\": true"))
        let run = try Self.ingest(workspace)
        #expect(!run.notes.contains("unchanged"), "\(run.notes)")
        #expect(run.tables.contains("## ingest_row\n[dataset"))
    }

    @Test func aPartReadsBackAsItWasWrittenAndAnyDamageRefusesIt() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months)
        try Self.ingest(workspace)
        let store = try CheckpointStore(path: workspace.path("out/test.sqlite"), migrations: StageHarness.migrations)
        let parts = try store.pool.read { db in try IngestedFilePart.fetchAll(db) }
        #expect(parts.count == 13, "twelve extracts and the population")
        let config = try ConfigLoader.load(path: workspace.path("pipeline.json"))
        let reference = try ReferenceLoader.load(config)
        let file = DiscoveredFile(path: "/x", displayPath: "x", icbFolder: nil, size: 0)
        for stored in parts {
            let source = try #require(config.sources.first { $0.name == stored.source })
            let shape = SourceTotals(for: source, reference: reference, maximumPeriods: config.ingest.maxPeriods)
            let part = try #require(FilePart(decoding: stored.part, shape: shape, file: file), "\(stored.path)")
            #expect(part.encoded() == stored.part, "\(stored.path) reads back to the same bytes")
            #expect(FilePart(decoding: stored.part.dropLast(), shape: shape, file: file) == nil, "a truncated part is refused")
            #expect(FilePart(decoding: stored.part + [0], shape: shape, file: file) == nil, "trailing bytes are refused")
        }
    }
}

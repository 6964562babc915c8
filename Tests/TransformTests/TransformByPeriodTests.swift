import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A run after a month was added, edited or withdrawn computes only the periods whose ingest digest changed
/// and keeps the others' values; every table through the published ones, and every text file published,
/// must equal a full rebuild's (docs/ARCHITECTURE.md, "Downstream by period").
struct TransformByPeriodTests {
    static let months = ["2024-11", "2024-12", "2025-01", "2025-02"]

    /// Runs every stage; returns every table but the run ledger and the checkpoints' notes, and transform's and
    /// the report's notes.
    @discardableResult
    static func run(_ workspace: TestWorkspace) throws -> (tables: String, notes: String) {
        let run = try MonthlyWorld.run(workspace, notesOf: [.transform, .report])
        return (run.tables + (try publication(workspace)), run.notes)
    }

    /// Every text file of the publication in `latest`, by path, with the run's ID written as `RUN_ID` (the
    /// workbook is left out: its zip records when it was written).
    static func publication(_ workspace: TestWorkspace) throws -> String {
        let latest = URL(fileURLWithPath: workspace.path("out/published/latest")).resolvingSymlinksInPath().path
        let runID = (latest as NSString).lastPathComponent
        var text = ""
        let files = try #require(FileManager.default.enumerator(atPath: latest)).compactMap { $0 as? String }.sorted()
        #expect(files.contains { $0.hasSuffix(".csv") } && files.contains { $0.hasSuffix(".html") }, "\(files)")
        // The manifest's hashes and sizes are of the files as written, run ID and all (the workbook's zip also
        // records when it was written): compared through the text files themselves.
        let hashes = try NSRegularExpression(pattern: #""(sha256|bytes)": ("[0-9a-f]{64}"|[0-9]+)"#)
        for file in files where ["csv", "md", "json", "html", "svg", "txt"].contains((file as NSString).pathExtension) {
            let content = (try String(contentsOfFile: "\(latest)/\(file)", encoding: .utf8)).replacingOccurrences(of: runID, with: "RUN_ID")
            text +=
                "## file \(file)\n"
                + hashes.stringByReplacingMatches(in: content, range: NSRange(content.startIndex..., in: content), withTemplate: #""$1": …"#)
        }
        return text
    }

    static func expectFullRebuild(_ workspace: TestWorkspace, _ incremental: String, _ comment: Comment) throws {
        let full = try run(MonthlyWorld.copyFiles(of: workspace)).tables
        #expect(full == incremental, "\(comment): first difference, full rebuild then incremental: \(TableDump.firstDifference(full, incremental))")
    }

    @Test func aHistoryBuiltMonthByMonthIsAFullRebuild() throws {
        let workspace = try MonthlyWorld.workspace(months: Array(Self.months.prefix(1)), indicators: TransformStageTests.indicators)
        let first = try Self.run(workspace)
        #expect(first.notes.contains("DSR: 1 periods computed, "), "\(first.notes)")
        for month in Self.months.dropFirst() {
            try MonthlyWorld.write(month, in: workspace)
            let added = try Self.run(workspace)
            // Only the new month is computed; the others' values are kept.
            #expect(added.notes.contains("DSR: 1 periods computed (the others unchanged since the last run)"), "\(month): \(added.notes)")
            #expect(added.notes.contains("PROP: 1 periods computed (the others"), "\(month): \(added.notes)")
            // The months before keep their disclosure audit: nothing it reads in them changed.
            let before = Self.months.firstIndex(of: month)!
            #expect(added.notes.contains("(\(before) periods' verdicts kept"), "\(month): \(added.notes)")
            try Self.expectFullRebuild(workspace, added.tables, "\(month) added")
        }
    }

    @Test func anEditedOrWithdrawnMonthIsComputedAgainOrDeleted() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months, indicators: TransformStageTests.indicators)
        try Self.run(workspace)
        try MonthlyWorld.write(Self.months[1], in: workspace, shift: 2)
        let edited = try Self.run(workspace)
        #expect(edited.notes.contains("DSR: 1 periods computed (the others"), "\(edited.notes)")
        try Self.expectFullRebuild(workspace, edited.tables, "a past month edited")
        try FileManager.default.removeItem(atPath: workspace.path("extracts/\(Self.months[0])"))
        let withdrawn = try Self.run(workspace)
        #expect(withdrawn.notes.contains("DSR: 0 periods computed (the others"), "\(withdrawn.notes)")
        #expect(!withdrawn.tables.contains("period:\"\(Self.months[0])\""), "the withdrawn month's values are gone")
        try Self.expectFullRebuild(workspace, withdrawn.tables, "the first month withdrawn")
    }

    @Test func aChangedCatalogueComputesEveryPeriod() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months, indicators: TransformStageTests.indicators)
        try Self.run(workspace)
        let fewer = TransformStageTests.indicators.replacingOccurrences(of: "\"multiplier\": 1000,", with: "\"multiplier\": 10000,")
        try workspace.write("pipeline.json", MonthlyWorld.config(indicators: fewer))
        let changed = try Self.run(workspace)
        #expect(changed.notes.contains("RATE: 4 periods computed, "), "\(changed.notes)")
        try Self.expectFullRebuild(workspace, changed.tables, "the catalogue changed")
    }
}

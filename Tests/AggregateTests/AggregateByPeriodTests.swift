import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

/// Aggregate computes again only the periods whose values changed, the trends that read them (their five
/// most recent points and the baseline) and the headlines; every table must then equal a full rebuild's
/// (docs/ARCHITECTURE.md, "Downstream by period").
struct AggregateByPeriodTests {
    static let months = ["2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"]
    static let indicators = """
        [
          { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better" },
          { "id": "PROP", "title": "Waits", "source": "waits", "method": "proportion", "multiplier": 100,
            "unit": "%", "polarity": "higher_is_better" }
        ]
        """

    /// Runs every stage; every table but the checkpoints (whose notes say what was computed), and aggregate's notes.
    @discardableResult
    static func run(_ workspace: TestWorkspace) throws -> (tables: String, notes: String) {
        try MonthlyWorld.run(workspace, notesOf: [.aggregate])
    }

    static func expectFullRebuild(_ workspace: TestWorkspace, _ incremental: String, _ comment: Comment) throws {
        let full = try run(MonthlyWorld.copyFiles(of: workspace)).tables
        #expect(full == incremental, "\(comment): first difference, full rebuild then incremental: \(TableDump.firstDifference(full, incremental))")
    }

    @Test func aMonthAddedOrEditedRecomputesWhatReadsIt() throws {
        let workspace = try MonthlyWorld.workspace(months: Array(Self.months.dropLast()), indicators: Self.indicators)
        let first = try Self.run(workspace)
        #expect(first.notes.contains("RATE: 6 periods, baseline 2024-08"), "\(first.notes)")
        // A month added: only it is computed (its trend reads the four before it, kept).
        try MonthlyWorld.write(Self.months[6], in: workspace)
        let added = try Self.run(workspace)
        #expect(added.notes.contains("RATE: 7 periods (1 computed, the others unchanged since the last run)"), "\(added.notes)")
        try Self.expectFullRebuild(workspace, added.tables, "a month added")
        // The second month edited: it is computed again, and the trends whose five points hold it (to January);
        // February's five points start in October, and its trend is kept.
        try MonthlyWorld.write(Self.months[1], in: workspace, shift: 3)
        let edited = try Self.run(workspace)
        #expect(edited.notes.contains("RATE: 7 periods (1 computed, the others"), "\(edited.notes)")
        try Self.expectFullRebuild(workspace, edited.tables, "the second month edited")
        // The baseline edited: every trend moves.
        try MonthlyWorld.write(Self.months[0], in: workspace, shift: 4)
        try Self.expectFullRebuild(workspace, try Self.run(workspace).tables, "the baseline edited")
    }

    @Test func aMonthWithdrawnOrANewBaselineRecomputesEveryPeriodThatMoves() throws {
        let workspace = try MonthlyWorld.workspace(months: Self.months, indicators: Self.indicators)
        try Self.run(workspace)
        // A month in the middle withdrawn: the later periods move up the series (their SII is seeded by place).
        try FileManager.default.removeItem(atPath: workspace.path("extracts/\(Self.months[3])"))
        let withdrawn = try Self.run(workspace)
        #expect(!withdrawn.tables.contains("period:\"\(Self.months[3])\""), "the withdrawn month's rows are gone")
        try Self.expectFullRebuild(workspace, withdrawn.tables, "a month withdrawn")
        // Another baseline: the settings are the basis of every period.
        let config = MonthlyWorld.config(indicators: Self.indicators)
            .replacingOccurrences(of: "\"indicators\":", with: "\"aggregate\": { \"baselinePeriod\": \"2024-10\" }, \"indicators\":")
        try workspace.write("pipeline.json", config)
        let rebased = try Self.run(workspace)
        #expect(rebased.notes.contains("RATE: 6 periods, baseline 2024-10"), "\(rebased.notes)")
        try Self.expectFullRebuild(workspace, rebased.tables, "the baseline configured")
    }
}

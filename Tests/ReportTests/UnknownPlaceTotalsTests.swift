import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Report

/// Counts whose ICS or decile is unknown are England's all the same (docs/DATA.md, "Unknown places in the
/// totals"): an `UNKNOWN` ICB row counts in England and in no ICS, a `Not stated` decile in its ICS and
/// England and in no quintile, each published as England's group with its share — and the new parts of the
/// sums are protected (docs/DISCLOSURE.md, "Unknown places").
struct UnknownPlaceTotalsTests {
    static let indicator = """
        [ { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better", "breakdowns": ["imd_quintile"] } ]
        """

    /// Runs every stage on the tiny world with admissions by ICB × decile from `rows`, and `report` appended.
    static func publish(_ workspace: TestWorkspace, rows: String, report: String = "") throws -> CheckpointStore {
        try workspace.writeTinyWorld()
        try workspace.write("agg/admissions.csv", "icb_code,imd_decile,period,sex,age_band,events\n\(rows)\n")
        var config = TestWorkspace.tinyConfigJSON(eventsThreshold: ", \"rejectThreshold\": 0.9", indicators: indicator).replacingOccurrences(
            of: "\"files\": \"extracts/{icb}/admissions.csv\"",
            with: "\"grain\": \"icb-imd-decile\", \"decileOrder\": \"1-most-deprived\", \"files\": \"agg/admissions.csv\"")
        if !report.isEmpty { config = String(config.dropLast(2)) + ", \"report\": \(report)\n}\n" }
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        try StageHarness.run(TransformStage(), configPath: path)
        try StageHarness.run(AggregateStage(), configPath: path)
        return try StageHarness.run(ReportStage(), configPath: path)
    }

    static func numerator(_ db: Database, _ level: String, _ code: String, _ type: String, _ index: Int = 0) throws -> Double? {
        try Double.fetchOne(
            db,
            sql: """
                SELECT numerator FROM indicator_value WHERE indicator_id = 'RATE' AND geography_level = ? AND geography_code = ?
                AND breakdown_type = ? AND breakdown_index = ?
                """, arguments: [level, code, type, index])
    }

    /// Before, the UNKNOWN rows and the `Not stated` row were set aside and in no value: England was 44 of
    /// the file's 53 admissions and QAA 30 of its 34.
    @Test func unknownICBAndNotStatedCountInTheirTotals() throws {
        let workspace = try TestWorkspace()
        let store = try Self.publish(
            workspace,
            rows: """
                QAA,1,2025-03,male,0-4,10
                QAA,3,2025-03,male,0-4,20
                QAA,Not stated,2025-03,male,0-4,4
                QBB,5,2025-03,male,0-4,10
                UNKNOWN,2,2025-03,male,0-4,6
                UNKNOWN,Not known,2025-03,male,0-4,3
                """)
        try store.reader.read { db in
            let england = GeographyLevel.englandCode
            #expect(try Self.numerator(db, "england", england, "all") == 53, "every admission in the file")
            #expect(try Self.numerator(db, "icb", "QAA", "all") == 34, "QAA's Not stated row is QAA's")
            #expect(try Self.numerator(db, "icb", "QBB", "all") == 10)
            #expect(try Self.numerator(db, "england", england, "imd_quintile", 1) == 16, "the UNKNOWN ICB's decile-2 row is in England's quintile 1")
            #expect(try Self.numerator(db, "icb", "QAA", "imd_quintile", 1) == 10)
            #expect(try Self.numerator(db, "england", england, "imd_unknown") == 7, "QAA's 4 and UNKNOWN's 3 have no decile")
            #expect(try Self.numerator(db, "england", england, "ics_unknown") == 9)
            #expect(try Self.numerator(db, "icb", "QAA", "imd_unknown") == nil, "the group is England's only")
            // Published as England's groups, compared with nothing.
            let groups = try Row.fetchAll(
                db,
                sql: """
                    SELECT breakdown_type, breakdown_value, numerator, compare_england FROM soc_national_by_group
                    WHERE indicator_id = 'RATE' AND breakdown_type IN ('imd_unknown', 'ics_unknown') ORDER BY breakdown_type
                    """)
            #expect(groups.map { $0["breakdown_value"] as String } == ["ICS not known", "deprivation not known"])
            #expect(groups.map { $0["numerator"] as Int? } == [9, 7])
            #expect(groups.allSatisfy { $0["compare_england"] == "not_compared" })
            // Every ICS row says England counts some admissions in no ICS.
            #expect(try String.fetchAll(db, sql: "SELECT DISTINCT completeness FROM soc_ics_league WHERE indicator_id = 'RATE'") == ["unknown_ics"])
            let note = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'RATE' AND item = 'unknown_place'") ?? ""
            #expect(note.contains("1 rows with no deprivation decile") && note.contains("2 rows with an unknown ICB"), "\(note)")
            #expect(note.contains("'ICS not known', ics_unknown"), "\(note)")
        }
    }

    /// With suppression but no rounding, QAA's total less its five published quintiles would give its 3
    /// admissions with no decile back, a count in the suppression range (domain rule: "Not stated is
    /// derivable by differencing"). Disclosure control hides a partner, and the audit finds nothing.
    @Test func aSmallNotStatedCountCannotBeRecoveredByDifferencing() throws {
        let workspace = try TestWorkspace()
        let quintileRows = [(1, 100), (3, 200), (5, 150), (7, 120), (9, 130)]
        let rows =
            quintileRows.map { "QAA,\($0.0),2025-03,male,0-4,\($0.1)" } + quintileRows.map { "QBB,\($0.0),2025-03,male,0-4,\($0.1 + 11)" }
            + ["QAA,Not stated,2025-03,male,0-4,3"]
        let store = try Self.publish(
            workspace, rows: rows.joined(separator: "\n"),
            report: """
                { "disclosure": { "name": "suppression without rounding", "roundTo": 1, "acknowledgeWeakerThanDefault": true } }
                """)
        try store.reader.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT numerator FROM soc_ics_league WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA'")
            let quintiles = try Row.fetchAll(
                db, sql: "SELECT numerator FROM soc_ics_quintile_gap WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA' ORDER BY quintile"
            ).compactMap { $0["numerator"] as Int? }
            let shown = total.map { _ in quintiles.count } ?? 0
            #expect(shown < 5, "QAA's total and all five quintiles are never shown together: \(String(describing: total)), \(quintiles)")
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") ?? ""
            #expect(notes.contains("0 hidden counts recoverable"), "\(notes)")
            let complementary =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM soc_suppressed_cells WHERE indicator_id = 'RATE' AND reason_code = 'complementary'") ?? 0
            #expect(complementary > 0)
        }
    }
}

import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// Counts that are fractional by definition (docs/DATA.md, "Fractional counts"), on NHS England's units of
/// dental activity by ICB and month as published (`examples/nhs-dental-activity`).
struct FractionalCountsTests {
    static let folder = Repository.path("examples/nhs-dental-activity")
    static let file = "nhse_dental_icb_monthly_activity.csv"

    /// The file's UDAs by (month, ICB), as decimal text, and each month's total in ten-thousandths summed
    /// exactly (the file has up to 14 decimals; ingest keeps four, the fifth rounding half up).
    static func published() throws -> (rows: [String: String], monthTotals: [String: Int64]) {
        var rows: [String: String] = [:], totals: [String: Int64] = [:]
        for row in try ExamplesTests.csv("\(folder)/\(file)") {
            let month = row["month"] ?? "", icb = row["icb22_ods_code"] ?? "", text = row["udas_delivered"] ?? ""
            rows["\(month)|\(icb)"] = text
            let parts = text.split(separator: ".", maxSplits: 1)
            let digits = parts.count > 1 ? String(parts[1]) : ""
            let kept = String((digits + "0000").prefix(4))
            let fifth = digits.count > 4 ? digits[digits.index(digits.startIndex, offsetBy: 4)] : "0"
            totals[month, default: 0] += Int64(parts[0])! * 10_000 + Int64(kept)! + (fifth >= "5" ? 1 : 0)
        }
        return (rows, totals)
    }

    @Test func unitsOfDentalActivityAreKeptToTheirDecimals() throws {
        let workspace = try TestWorkspace()
        let run = try CommandLineRunner.run([
            "run", "--config", "\(Self.folder)/pipeline.json", "--db", workspace.path("uda.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try ExamplesTests.expectRecordsRoundTrip(workspace.path("uda.sqlite"), covering: ["ingest_icb_event_total"])
        let (rows, totals) = try Self.published()
        let (_, people) = try ExamplesTests.peopleOfIcs(ods: "QMM", ons: "E54000022")
        try DatabaseQueue(path: workspace.path("uda.sqlite")).read { db in
            // Every row of the file is read (none set aside as "not a count") and kept to its decimals: a
            // month's events for an ICB are the file's figure (94368.59999999999 is 94,368.6).
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_quarantine") == 0)
            let stored = try Row.fetchAll(db, sql: "SELECT period, icb_code, events FROM ingest_icb_event_total")
            #expect(stored.count == rows.count, "one cell per row of the file")
            var compared = 0
            for row in stored {
                let period: String = row["period"], icb: String = row["icb_code"], events: Double = row["events"]
                let text = try #require(rows["\(period)-01|\(icb)"], "\(period) \(icb)")
                #expect(abs(events - Double(text)!) <= 0.00005 + 1e-9, "\(period) \(icb): \(events) against \(text)")
                compared += 1
            }
            #expect(compared == 3_402)
            #expect(try Double.fetchOne(db, sql: "SELECT events FROM ingest_icb_event_total WHERE period = '2022-12' AND icb_code = 'QHL'") != nil)
            // England each month is the exact sum of its 42 ICBs' UDAs (in ten-thousandths), every month.
            for (month, total) in totals {
                let england = try #require(
                    try Double.fetchOne(
                        db,
                        sql: """
                            SELECT numerator FROM indicator_value WHERE indicator_id = 'UDA' AND period = ? AND geography_level = 'england'
                            AND breakdown_type = 'all'
                            """, arguments: [String(month.prefix(7))]), "\(month)")
                #expect(abs(england * 10_000 - Double(total)) < 0.5, "\(month): \(england) against \(Double(total) / 10_000)")
            }
            // By hand: Norfolk and Waveney, December 2022 — the file's UDAs over its people, per 1,000.
            let value = try Double.fetchOne(
                db,
                sql: """
                    SELECT value FROM indicator_value WHERE indicator_id = 'UDA' AND period = '2022-12' AND geography_level = 'icb'
                    AND geography_code = 'QMM' AND breakdown_type = 'all'
                    """)
            #expect(abs((value ?? 0) - Double(rows["2022-12-01|QMM"]!)! / Double(people) * 1_000) < 1e-9, "\(String(describing: value))")
            // Published counts are whole: the numerator of a fractional sum is rounded to a whole number (the example
            // adds no disclosure control to NHS England's own published figures: its report.disclosure says so).
            let published = try Row.fetchOne(
                db, sql: "SELECT numerator, value FROM soc_ics_league WHERE indicator_id = 'UDA' AND period_start = '2022-11-01' AND ics_ods_code = 'QMM'")
            #expect(published?["numerator"] as Int64? == Int64(Double(rows["2022-11-01|QMM"]!)!.rounded()), "99,034.6 published as 99,035")
        }
    }

    /// The same file read as whole counts is refused, and the message names the declaration rather than
    /// suggesting a higher threshold (which would publish totals of whichever rows happened to be whole).
    @Test func aFractionalFileReadAsWholeCountsIsRefusedWithTheDeclarationNamed() throws {
        let workspace = try TestWorkspace()
        let config = try String(contentsOfFile: "\(Self.folder)/pipeline.json", encoding: .utf8)
            .replacingOccurrences(of: "\"counts\": \"fractional\",", with: "")
        #expect(!config.contains("fractional\","))
        try workspace.write("pipeline.json", config)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("reference"), withDestinationPath: Repository.path("reference"))
        try FileManager.default.createSymbolicLink(atPath: workspace.path(Self.file), withDestinationPath: "\(Self.folder)/\(Self.file)")
        let run = try CommandLineRunner.run(["run", "--config", workspace.path("pipeline.json"), "--db", workspace.path("uda.sqlite")])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("not_a_count"), "\(run.stderr)")
        #expect(run.stderr.contains("\"counts\": \"fractional\""), "\(run.stderr)")
    }

    /// Fractional counts are kept where a count is a total by ICB; elsewhere the declaration is refused
    /// with the reason, at its JSON path.
    @Test func fractionalCountsAreRefusedWhereTheyCannotBeKept() throws {
        let workspace = try TestWorkspace()
        let config = try String(contentsOfFile: Repository.path("pipeline.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"name\": \"acsc_admissions\",", with: "\"name\": \"acsc_admissions\", \"counts\": \"fractional\",")
        #expect(config.contains("\"counts\": \"fractional\""))
        try workspace.write("pipeline.json", config)
        let run = try CommandLineRunner.run(["validate", "--config", workspace.path("pipeline.json")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("counts"), "\(run.stderr)")
        #expect(run.stderr.contains("fractional counts are kept only for a source by ICB or sub-ICB location"), "\(run.stderr)")
    }
}

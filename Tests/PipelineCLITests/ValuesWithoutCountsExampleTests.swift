import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

/// `examples/bnssg-gp-appointment-waits`: a benchmarking file of values without counts, limits or England's
/// value (NHS BNSSG ICB's Future Performance Tool metrics), read as published (docs/DATA.md, "Values without
/// counts"): every ICS value of every year is the file's, and what would need counts is said to be unavailable.
@Suite(.serialized)
struct ValuesWithoutCountsExampleTests {
    static let metric = "Proportion of attended GP appointments (over 4 weeks wait time)"

    @Test func gpAppointmentWaitsAsPublished() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/bnssg-gp-appointment-waits")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("waits.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // The file's cells of the metric, read by hand: ICB × year → the value as printed.
        let file = try ExamplesTests.csv("\(folder)/bnssg_fpt_icb_annual_metrics_2012_2023.csv").filter { $0["metric"] == Self.metric }
        #expect(file.count == 42 * 5)
        let published = try ExamplesTests.csv(workspace.path("published/latest/csv/soc_ics_league.csv"))
        let shown = Dictionary(published.map { ("\($0["ics_ods_code"]!) \($0["period_start"]!.prefix(4))", $0) }, uniquingKeysWith: { first, _ in first })
        try DatabaseQueue(path: workspace.path("waits.sqlite")).read { db in
            let stored = Dictionary(
                try Row.fetchAll(db, sql: "SELECT geography_code, period, value, numerator FROM indicator_value WHERE geography_level = 'icb'").map {
                    ("\($0["geography_code"] as String) \($0["period"] as String)", $0)
                }, uniquingKeysWith: { first, _ in first })
            #expect(stored.count == file.count)
            for cell in file {
                let key = "\(cell["icb22_ods_code"]!) \(cell["year"]!)"
                let value = try #require(Double(cell["value"]!))
                // Stored exactly as the file prints it, with no count beside it.
                let row = try #require(stored[key], "\(key)")
                #expect(row["value"] as Double? == value, "\(key)")
                #expect(row["numerator"] as Double? == nil, "\(key)")
                // Published to the table's precision, its counts withheld with the reason.
                let league = try #require(shown[key], "\(key)")
                #expect(abs(Double(league["value"]!)! - value) <= 0.05 + 1e-9, "\(key): \(league["value"]!) against \(value)")
                #expect(league["numerator"] == "" && league["numerator_status"] == "withheld" && league["compare_england_2level"] == "not_compared")
                #expect(league["suppression_reason"]?.contains("counts_not_published_by_source") == true)
            }
            // England's value is not in the file and is not made up; nor are the regions'.
            let notPublished = try String.fetchAll(
                db, sql: "SELECT DISTINCT geography_level || ' ' || withheld_reason FROM indicator_value WHERE geography_level IN ('england', 'region')")
            #expect(Set(notPublished) == ["england not_published_by_source", "region not_published_by_source"])
            let counts = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'GPWAIT4W' AND item = 'counts'")
            #expect(counts?.contains("England's value is not available: the source publishes none") == true, "\(counts ?? "none")")
        }
        // The ICSs' ranking is the file's: the highest in 2023 is the file's highest.
        let latest = file.filter { $0["year"] == "2023" }.max { Double($0["value"]!)! < Double($1["value"]!)! }
        let headlines = try ExamplesTests.csv(workspace.path("published/latest/csv/soc_headlines.csv"))
        let highest = headlines.first { $0["statement_type"] == "top_n_ics_highest" && $0["rank"] == "1" && $0["period_start"] == "2023-01-01" }
        #expect(highest.map { abs(Double($0["value"]!)! - Double(latest!["value"]!)!) < 0.005 } == true, "\(String(describing: highest))")
        // `explain` names the file and line a value was read from, with no formula or counts to show.
        let explain = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("waits.sqlite"), "--indicator", "GPWAIT4W", "--geography", "QE1",
            "--period", "2023",
        ])
        #expect(explain.status == 0, "\(explain.stderr)")
        let line = try #require(
            try String(contentsOfFile: "\(folder)/bnssg_fpt_icb_annual_metrics_2012_2023.csv", encoding: .utf8).split(separator: "\n").firstIndex {
                $0.hasPrefix("2023,QE1,") && $0.contains(Self.metric)
            })
        #expect(explain.stdout.contains("bnssg_fpt_icb_annual_metrics_2012_2023.csv line \(line + 1) (ingest_published_value)"), "\(explain.stdout)")
        #expect(!explain.stdout.contains("formula"))
        // `validate` samples the file through the same parser a run uses.
        let validate = try CommandLineRunner.run(["validate", "--config", "\(folder)/pipeline.json"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("source gp_appointment_waits: first 200 kept rows of each file: 200 checked"), "\(validate.stdout)")
        let page = try String(contentsOfFile: workspace.path("published/latest/state-of-care.html"), encoding: .utf8)
        #expect(page.contains("Not published by the source: each value is published as its source gave it"))
        // No deprivation split is claimed for an indicator without one.
        #expect(page.contains("1 indicator for each ICS, without a deprivation split") && !page.contains("quintile of where people live"))
        // One key message: the spread across the ICSs (England's change is not published).
        try RealPublicationBrowserChecks.expectReadable(workspace.path("published/latest"), indicator: "GPWAIT4W", profile: "QUY", keyMessages: 1)
    }
}

import Foundation
import PipelineTestSupport
import Testing

/// The built binary on values published without counts by ICB × decile (docs/DATA.md, "Values without counts"):
/// `run` publishes, `explain` names where a decile's value was read and the population that weighs it, and
/// `validate` samples the file through the parser a run uses.
struct DecileValuesCommandTests {
    @Test func runExplainAndValidate() throws {
        let workspace = try TestWorkspace()
        var values = "Area Code,Area Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit\n"
        values += "E92000001,England,,2024/25,51.0,50.5,51.5\n"
        for decile in 1...10 { values += "E92000001,England,\(decile),2024/25,\(40 + 2 * decile).0,\(39 + 2 * decile).0,\(41 + 2 * decile).0\n" }
        values += "QAA,ICBs,,2024/25,49.0,47.0,51.0\nQBB,ICBs,,2024/25,53.0,51.0,55.0\n"
        let config = try workspace.writeDecileValueWorld(values: values)
        let database = workspace.path("deciles.sqlite")
        let run = try CommandLineRunner.run(["run", "--config", config, "--db", database, "--output", workspace.path("published")])
        #expect(run.status == 0, "\(run.stderr)")

        // England's decile 3 is line 5 of the file (header, England overall, deciles 1 and 2 before it); its weight is
        // the decile's residents, LSOAs 3 and 13 at 38,000 each per LSOA number.
        let explain = try CommandLineRunner.run([
            "explain", "--config", config, "--db", database, "--indicator", "DEC", "--geography", "E92000001", "--breakdown", "imd_decile=3",
            "--period", "2024-25",
        ])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("values.csv line 5 (ingest_published_value)"), "\(explain.stdout)")
        #expect(explain.stdout.contains("weighted in the SII by the decile's resident population, 608000"), "\(explain.stdout)")
        #expect(!explain.stdout.contains("formula"))

        let validate = try CommandLineRunner.run(["validate", "--config", config])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("source bydecile"), "\(validate.stdout)")
    }
}

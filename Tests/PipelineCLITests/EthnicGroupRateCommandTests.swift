import Foundation
import PipelineTestSupport
import Testing

/// The built binary on a rate by ethnic group (docs/DATA.md, "Rates by ethnic group"): `explain` names the census
/// population a group's rate is over, as the NHS groups it, and `validate` checks the census table's header.
struct EthnicGroupRateCommandTests {
    @Test func explainNamesTheCensusPopulation() throws {
        let workspace = try TestWorkspace()
        let config = try CensusEthnicGroupWorld.world(workspace)
        let database = workspace.path("ethnic.sqlite")
        let run = try CommandLineRunner.run(["run", "--config", config, "--db", database, "--output", workspace.path("published")])
        #expect(run.status == 0, "\(run.stderr)")
        // England's Other ethnic groups: Chinese, Arab and any other, in each of the four LSOAs (30 + 15 + 12).
        let explain = try CommandLineRunner.run([
            "explain", "--config", config, "--db", database, "--indicator", "ETHR", "--geography", "E92000001", "--breakdown", "ethnic_group=other",
            "--period", "2025-03",
        ])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(
            explain.stdout.contains(
                "denominator: usual residents by ethnic group, Census 2021 (TS021) (ref_ethnic_group_population, the NHS's categories), 228 of all ages"),
            "\(explain.stdout)")
        #expect(explain.stdout.contains("denominator 228"), "\(explain.stdout)")
        // `validate` reads the census table's header with the other reference files, and names it.
        let validate = try CommandLineRunner.run(["validate", "--config", config])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("reference: ok (ICB test, IMD 2019, ESP2013, Census 2021 (TS021))"), "\(validate.stdout)")
        let renamed = try String(contentsOfFile: workspace.path("ref/ts021.csv"), encoding: .utf8).replacingOccurrences(
            of: "Ethnic group: Other ethnic group: Arab", with: "Arab")
        try workspace.write("ref/ts021.csv", renamed)
        let refused = try CommandLineRunner.run(["validate", "--config", config])
        #expect(refused.status != 0 && refused.stderr.contains("Ethnic group: Other ethnic group: Arab"), "\(refused.stderr)")
    }
}

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

/// Rates by ethnic group as published (docs/DATA.md, "Rates by ethnic group"): each group's rate over its census
/// residents, Not stated's events without a rate, and the denominators said in words.
struct EthnicGroupRateReportTests {
    @Test func ratesByGroupAreComparedWithTheWhiteGroupAndSayWhatTheyAreOver() throws {
        let workspace = try TestWorkspace()
        let config = try CensusEthnicGroupWorld.world(workspace)
        for stage in StageHarness.stages.dropLast() { try StageHarness.run(stage, configPath: config) }
        let store = try StageHarness.run(ReportStage(), configPath: config)
        try store.pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT breakdown_value, numerator, denominator, value, reference_group, compare_reference FROM soc_national_by_group
                    WHERE indicator_id = 'ETHR' AND breakdown_type = 'ethnic_group' ORDER BY breakdown_value
                    """)
            let byGroup = Dictionary(rows.map { ($0["breakdown_value"] as String, $0) }, uniquingKeysWith: { first, _ in first })
            // England's White residents: LSOAs 1–4 of the fixture, its five White groups each.
            let white = (1...4).map { CensusEthnicGroupWorld.groups($0)[12..<17].reduce(0, +) }.reduce(0, +)
            let whiteRow = try #require(byGroup["White"])
            #expect(whiteRow["denominator"] as Double? == Double(white))
            #expect(abs((whiteRow["value"] as Double? ?? 0) - 800 / Double(white) * 100_000) < 1e-9)
            // Not stated: its events published, no rate (no population), compared with nothing.
            let notStated = try #require(byGroup["Not stated"])
            #expect(notStated["numerator"] as Double? == 17 && notStated["value"] as Double? == nil)
            #expect(notStated["compare_reference"] as String? == "not_compared")
            #expect(byGroup["Asian or Asian British"]?["reference_group"] as String? == "White")
            let denominators = try String.fetchOne(
                db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'ETHR' AND item = 'denominators'")
            #expect(denominators?.hasPrefix("Rates are over usual residents by ethnic group (Census 2021") == true, "\(denominators ?? "")")
            #expect(
                denominators?.contains("— Census 2021 (TS021)") == true
                    && denominators?.contains("Chinese, an Asian group in the 2021 Census, in Other ethnic groups") == true)
        }
    }
}

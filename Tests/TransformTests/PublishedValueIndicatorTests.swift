import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

/// A source of values published without counts (docs/DATA.md, "Values without counts"): each ICS's value
/// and limits as given, England's from its own row, no count anywhere, and what needs counts withheld with
/// its reason.
struct PublishedValueIndicatorTests {
    /// The rows of `PUB` by period and geography code.
    static func values(_ store: CheckpointStore) throws -> [String: IndicatorValue] {
        try store.pool.read { db in
            Dictionary(
                try IndicatorValue.filter(IndicatorValue.Columns.indicator == "PUB").fetchAll(db).map { ("\($0.period) \($0.code)", $0) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    @Test func valuesAreTheSourcesAndCountsAreNone() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld()
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        let values = try Self.values(store)
        // Two periods (2022/23 has no value that passes its checks), each England, two regions, two ICSs.
        #expect(values.count == 2 * 5, "\(values.keys.sorted())")
        let alpha = try #require(values["2024-25 QAA"])
        #expect(alpha.value == 60 && alpha.lower95 == 55 && alpha.upper95 == 65 && alpha.lower998 == 52 && alpha.upper998 == 68)
        #expect(alpha.numerator == nil && alpha.denominator == nil && alpha.method == .published && alpha.statistic == .proportion)
        #expect(alpha.withheld == nil && alpha.breakdown == .all)
        // A limit pair the row leaves empty is no limit; the other pair stands.
        let earlier = try #require(values["2023-24 QAA"])
        #expect(earlier.lower95 == 54 && earlier.lower998 == nil && earlier.upper998 == nil)
        // The publisher's suppression is published as such, never a number.
        let beta = try #require(values["2024-25 QBB"])
        #expect(beta.value == nil && beta.withheld == .suppressedAtSource && beta.suppressedAtSourceRecords == 1)
        // England from its own row; regions cannot be added up from values.
        let england = try #require(values["2024-25 E92000001"])
        #expect(england.value == 50 && england.fromNationalRows && england.numerator == nil)
        for region in ["E40000001", "E40000002"] {
            let row = try #require(values["2024-25 \(region)"])
            #expect(row.value == nil && row.withheld == .notPublishedBySource && row.lower95 == nil)
        }
        let reasons = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT reason || ' ' || column_name FROM ingest_quarantine WHERE source = 'published' ORDER BY line")
        }
        #expect(reasons == ["not_a_value Value", "limits_not_around_value Lower CI 95.0 limit"])
    }

    @Test func withoutEnglandsRowEnglandIsNotPublished() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld(
            values: TestWorkspace.tinyPublishedValues.split(separator: "\n").filter { !$0.contains("England") }.joined(separator: "\n") + "\n")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: #""englandRows": {"Area Type": ["England"]}, "#, with: "")
        try workspace.write("pipeline.json", text)
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        let england = try #require(try Self.values(store)["2024-25 E92000001"])
        #expect(england.value == nil && england.withheld == .notPublishedBySource && !england.fromNationalRows)
    }
}

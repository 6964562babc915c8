import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

/// Values published without counts are compared with England, and trended, from the limits their source
/// publishes (docs/METHODS.md, "Values without counts"); no funnel, which needs counts.
struct PublishedValueComparisonTests {
    @Test func comparedWithEnglandAndTrendedFromThePublishedLimits() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld()
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        let store = try StageHarness.run(AggregateStage(), configPath: config)
        try store.pool.read { db in
            let comparisons = Dictionary(
                try EnglandComparison.fetchAll(db).filter { $0.indicator == "PUB" }.map { ("\($0.period) \($0.icbCode)", $0) },
                uniquingKeysWith: { first, _ in first })
            // QAA 2024-25: England's 50 is below both its intervals (55–65, 52–68); QBB 2023-24: above both (44–47, 43–48).
            let alpha = try #require(comparisons["2024-25 QAA"])
            #expect(alpha.compare95 == .better && alpha.compare998 == .better && alpha.funnelBand == .notApplicable)
            let beta = try #require(comparisons["2023-24 QBB"])
            #expect(beta.compare95 == .worse && beta.compare998 == .worse)
            // QAA 2023-24 has no 99.8% limits: that level is not compared, the 95% one is.
            let earlier = try #require(comparisons["2023-24 QAA"])
            #expect(earlier.compare95 == .better && earlier.compare998 == .notCompared)
            // A value the publisher suppressed is compared with nothing.
            #expect(comparisons["2024-25 QBB"].map { $0.compare95 == .notCompared } ?? true)
            // QAA's change from 58 (54–62) to 60 (55–65), its interval from the two published intervals.
            let trend = try #require(
                try TrendAgainstBaseline.fetchAll(db).first { $0.indicator == "PUB" && $0.code == "QAA" && $0.period == "2024-25" && $0.breakdown == .all })
            #expect(trend.absoluteChange == 2 && trend.changeLower != nil && trend.direction == .noChange)
        }
    }
}

import Checkpoints
import Foundation
import PipelineCore
import Statistics
import Testing

@testable import Aggregate

/// A group against the White group (docs/METHODS.md, "Groups against a reference group"): gap and ratio of
/// the values, and the test of their 83.4% Wilson intervals, worked by hand.
struct ReferenceGroupGapTests {
    static func proportion(_ index: Int, _ numerator: Double, _ denominator: Double) -> IndicatorValue {
        let estimate = Proportion.estimate(numerator: numerator, denominator: denominator, multiplier: 100)!
        return IndicatorValue(
            indicator: "X", period: "2024-25", level: .england, code: GeographyLevel.englandCode, name: "England", breakdown: .ethnicGroup,
            breakdownValue: BreakdownType.ethnicGroup.groups[index - 1].value, breakdownIndex: index, numerator: numerator, denominator: denominator,
            value: estimate.value, lower95: estimate.lower95, upper95: estimate.upper95, lower998: estimate.lower998, upper998: estimate.upper998,
            statistic: .proportion, method: .wilson, multiplier: 100, unit: "%", withheld: nil, suppressedAtSourceRecords: 0)
    }

    static let definition = IndicatorDefinition(
        indicator: "X", title: "X", source: "x", statistic: .proportion, multiplier: 100, unit: "%", ageFrom: nil, ageTo: nil,
        polarity: .higherIsBetter, breakdowns: [.ethnicGroup], definition: nil)

    /// White 520 of 1,000 (52%); Asian 450 of 1,000 (45%): Wilson 83.4% limits, z = Φ⁻¹(0.917) = 1.3852, are
    /// 49.81–54.18% and 42.83–47.19%, apart — worse. Black 505 of 1,000: 48.31–52.69%, overlapping — similar.
    @Test func gapRatioAndTheTestOfNonOverlappingIntervals() throws {
        let white = Self.proportion(ReferenceGroupGapTable.referenceIndex, 520, 1_000)
        let asian = ReferenceGroupGapTable.gap(Self.definition, Self.proportion(3, 450, 1_000), reference: white)
        #expect(ReferenceGroupGapTable.referenceIndex == 1 && BreakdownType.ethnicGroup.ethnicGroup(3) == .asian)
        let gap = try #require(asian.absoluteGap), ratio = try #require(asian.ratio)
        let limits = (try #require(asian.lower834), try #require(asian.upper834))
        let whiteLimits = (try #require(asian.referenceLower834), try #require(asian.referenceUpper834))
        #expect(abs(gap + 7) < 1e-9 && abs(ratio - 45.0 / 52.0) < 1e-12)
        #expect(abs(limits.0 - 42.832) < 0.001 && abs(limits.1 - 47.187) < 0.001)
        #expect(abs(whiteLimits.0 - 49.810) < 0.001 && abs(whiteLimits.1 - 54.182) < 0.001)
        #expect(asian.comparison == .worse)
        let black = ReferenceGroupGapTable.gap(Self.definition, Self.proportion(4, 505, 1_000), reference: white)
        #expect(black.comparison == .similar)
        var lower = Self.definition
        lower.polarity = .lowerIsBetter
        #expect(ReferenceGroupGapTable.gap(lower, Self.proportion(3, 450, 1_000), reference: white).comparison == .better)
        lower.polarity = .none
        #expect(ReferenceGroupGapTable.gap(lower, Self.proportion(3, 450, 1_000), reference: white).comparison == .lower)
    }
}

import Checkpoints
import Foundation
import PipelineCore
import Statistics
import Testing

@testable import Aggregate

/// The aggregate stage's calculators on hand-built rows: SII edge cases, comparisons, funnels, gaps.
struct AggregateStatisticsTests {
    static func row(
        _ index: Int, value: Double?, lower: Double? = nil, upper: Double? = nil, numerator: Double = 100,
        denominator: Double = 10_000, multiplier: Double = 1000
    ) -> IndicatorValue {
        IndicatorValue(
            indicator: "X", period: "2025-03", level: .icb, code: "QAA", name: "A", breakdown: .imdQuintile, breakdownValue: "\(index)",
            breakdownIndex: index, numerator: numerator, denominator: denominator, value: value,
            lower95: lower ?? value.map { $0 * 0.9 }, upper95: upper ?? value.map { $0 * 1.1 },
            lower998: value.map { $0 * 0.85 }, upper998: value.map { $0 * 1.15 }, statistic: .crudeRate, method: .byars,
            multiplier: multiplier, unit: "per 1,000", withheld: value == nil ? .fewerThanTenEvents : nil, suppressedAtSourceRecords: 0)
    }

    static func definition(_ polarity: Polarity, statistic: Statistic = .crudeRate) -> IndicatorDefinition {
        IndicatorDefinition(
            indicator: "X", title: "X", source: "x", statistic: statistic, multiplier: 1000, unit: "per 1,000", ageFrom: nil, ageTo: nil,
            polarity: polarity, breakdowns: [], definition: nil)
    }

    @Test func missingQuintileMakesTheSIIUnstableWithTheReason() {
        var rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 20 - Double($0)) }
        rows[2] = Self.row(3, value: nil)
        let result = InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        #expect(result.sii == nil)
        #expect(result.unstableReason == "quantile 3 has no value (dsr NA for total count < 10)")
        rows[2] = nil
        #expect(
            InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
                .unstableReason == "quantile 3 has no value")
    }

    @Test func signConventionFollowsPolarity() {
        // Higher values in the most deprived quintile.
        let rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 30 - 4 * Double($0)) }
        let calculator = InequalityCalculator(settings: AggregateSettings())
        let bad = calculator.compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        let neutral = calculator.compute(Self.definition(.none), rows: rows, national: rows, seed: 1)
        let good = calculator.compute(Self.definition(.higherIsBetter), rows: rows, national: rows, seed: 1)
        #expect(bad.sii! > 0 && bad.rii! > 1)  // disadvantage to the most deprived
        #expect(neutral.sii! > 0 && neutral.rii! > 1)  // no polarity: positive = higher in the most deprived
        #expect(good.sii! < 0 && good.rii! < 1)  // more of a good thing in the most deprived
        #expect(abs(bad.sii! + good.sii!) < 1e-9)
        #expect(bad.closedForm == true)
    }

    @Test func englandIsTheSameWithNationalOrLocalPositions() {
        let rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 30 - 4 * Double($0), denominator: 10_000 + Double($0) * 700) }
        var local = AggregateSettings()
        local.siiPositions = .local
        let national = InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        let own = InequalityCalculator(settings: local).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        #expect(national.sii == own.sii && national.siiLower == own.siiLower && national.rii == own.rii)
        // An ICS with another population mix differs between the two.
        let ics: [IndicatorValue?] = (1...5).map { Self.row($0, value: 30 - 4 * Double($0), denominator: $0 == 1 ? 40_000 : 5_000) }
        let icsNational = InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: ics, national: rows, seed: 1)
        let icsLocal = InequalityCalculator(settings: local).compute(Self.definition(.lowerIsBetter), rows: ics, national: rows, seed: 1)
        #expect(icsNational.sii != icsLocal.sii)
    }

    @Test func smallQuantilePopulationIsFlaggedButComputed() {
        let rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 30 - 4 * Double($0), denominator: $0 == 2 ? 500 : 10_000) }
        let result = InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        #expect(result.sii != nil)
        #expect(result.unstableReason == "quantile 2 population below 1000")
    }

    @Test func twoLevelComparisonAtItsBoundaries() {
        let comparator = EnglandComparator()
        let england = Self.row(0, value: 10)
        let definition = Self.definition(.lowerIsBetter)
        func band(_ value: Double, _ l95: Double, _ u95: Double, _ l998: Double, _ u998: Double) -> TwoLevelComparison {
            var row = Self.row(0, value: value, lower: l95, upper: u95)
            row.lower998 = l998
            row.upper998 = u998
            return comparator.compare(row, england: england, definition: definition).comparison
        }
        #expect(band(12, 10, 14, 9, 15) == .similar)  // England exactly on the 95% lower limit
        #expect(band(12, 10.001, 14, 10, 15) == .worse95)  // just outside 95%, on the 99.8% limit
        #expect(band(12, 10.5, 14, 10.001, 15) == .worse998)  // outside both
        #expect(band(8, 6, 9.999, 5, 10.5) == .better95)
        let neutral = comparator.compare(Self.row(0, value: 15, lower: 12, upper: 18), england: england, definition: Self.definition(.none))
        #expect(neutral.compare95 == .higher)
    }

    @Test func funnelForProportions() {
        let england = Self.row(0, value: 50, numerator: 5000, denominator: 10_000, multiplier: 100)
        let definition = IndicatorDefinition(
            indicator: "X", title: "X", source: "x", statistic: .proportion, multiplier: 100, unit: "%", ageFrom: nil, ageTo: nil,
            polarity: .higherIsBetter, breakdowns: [], definition: nil)
        // At N = 100 the 95% limits are 50 ± 1.96·5 = 40.2 and 59.8.
        let inside = Self.row(1, value: 59, numerator: 59, denominator: 100, multiplier: 100)
        let above = Self.row(1, value: 61, numerator: 61, denominator: 100, multiplier: 100)
        let result = EnglandComparator().compare(inside, england: england, definition: definition)
        #expect(result.funnel.band == .within)
        #expect(abs(result.funnel.limits95!.upper - (50 + 100 * Distribution.normalQuantile(0.975) * 0.05)) < 1e-9)
        #expect(EnglandComparator().compare(above, england: england, definition: definition).funnel.band == .high95)
    }

    @Test func gapSignificanceUsesNonOverlapping834Intervals() {
        let gaps = GapCalculator()
        let definition = Self.definition(.lowerIsBetter)
        let far: [IndicatorValue?] = [
            Self.row(1, value: 20, numerator: 200, denominator: 10_000), nil, nil, nil,
            Self.row(5, value: 10, numerator: 100, denominator: 10_000),
        ]
        let result = gaps.compute(definition, quintiles: far)
        #expect(result.absoluteGap == 10 && result.ratio == 2)
        #expect(result.significant == true)
        let near: [IndicatorValue?] = [
            Self.row(1, value: 1.1, numerator: 11, denominator: 10_000), nil, nil, nil,
            Self.row(5, value: 1.0, numerator: 10, denominator: 10_000),
        ]
        #expect(gaps.compute(definition, quintiles: near).significant == false)
        // Excess events: needs every quintile 1-4; with all present, Σ events × (1 − q5/q).
        let all: [IndicatorValue?] = (1...5).map { Self.row($0, value: Double(6 - $0) * 10, numerator: Double(6 - $0) * 100) }
        #expect(abs(gaps.compute(definition, quintiles: all).excessEvents! - (500 * 0.8 + 400 * 0.75 + 300 * (2.0 / 3) + 200 * 0.5)) < 1e-9)
    }

}

import Testing
@testable import Aggregate
import PipelineCore
import Transform

struct AggregateStatisticsTests {
    typealias SII = SlopeIndexOfInequality

    /// Values on an exact straight line y = 10 + 20x at the quantile mid-points: SII = 20 exactly.
    @Test func handBuiltGradientHasItsSlope() {
        let populations = [100.0, 300, 200, 250, 150]
        let x = SII.positions(populations)
        #expect(abs(x[0] - 0.05) < 1e-15 && abs(x[1] - 0.25) < 1e-15 && abs(x[4] - 0.925) < 1e-15)
        var quantiles: [SII.Quantile] = []
        var logQuantiles: [SII.Quantile] = []
        for (population, position) in zip(populations, x) {
            quantiles.append(SII.Quantile(population: population, value: 10 + 20 * position, standardError: 1))
            logQuantiles.append(SII.Quantile(population: population, value: exp(1 + 2 * position), standardError: 0.1))
        }
        let point = SII(valueType: .other, transform: false).point(quantiles)
        #expect(abs(point.sii - 20) < 1e-12)
        #expect(abs(point.rii - 3) < 1e-12)  // (10 + 20) / 10
        // Log scale: values e^(1 + 2x) give β₁ = 2 exactly; SII = e³ − e¹.
        let logPoint = SII(valueType: .rate, transform: true).point(logQuantiles)
        #expect(abs(logPoint.beta1 - 2) < 1e-12)
        #expect(abs(logPoint.sii - (exp(3) - exp(1))) < 1e-9)
        #expect(abs(logPoint.rii - exp(2)) < 1e-12)
    }

    @Test func negativeMultiplierFlipsSignAndInvertsRII() {
        var quantiles: [SII.Quantile] = []
        for q in 1...5 {
            let base = Double(6 - q)
            quantiles.append(SII.Quantile(population: 100, value: base * 10, lower95: base * 9, upper95: base * 11, type: .rate))
        }
        let up = SII(valueType: .rate, transform: true, multiplier: 1)
        let down = SII(valueType: .rate, transform: true, multiplier: -1)
        #expect(abs(up.point(quantiles).sii + down.point(quantiles).sii) < 1e-12)
        #expect(abs(up.point(quantiles).rii * down.point(quantiles).rii - 1) < 1e-12)
        let limits = down.closedFormLimits(quantiles, confidence: 0.95)
        #expect(limits.siiLower < down.point(quantiles).sii && down.point(quantiles).sii < limits.siiUpper)
        #expect(limits.riiLower! < down.point(quantiles).rii && down.point(quantiles).rii < limits.riiUpper!)
    }

    @Test func simulatedLimitsAreDeterministicForASeed() {
        let quantiles = (1...10).map { SII.Quantile(population: 1000 + Double($0) * 10, value: 70 + Double($0), standardError: 0.05) }
        let model = SII(valueType: .rate, transform: false)
        let first = model.simulatedLimits(quantiles, confidence: 0.95, repetitions: 10_000, seed: 7)
        let again = model.simulatedLimits(quantiles, confidence: 0.95, repetitions: 10_000, seed: 7)
        let other = model.simulatedLimits(quantiles, confidence: 0.95, repetitions: 10_000, seed: 8)
        #expect(first == again)
        #expect(first != other)
        #expect(abs(first.siiLower - other.siiLower) / abs(first.siiLower) < 0.05)
    }

    @Test func percentilesRoundHalvesToEven() {
        let values = (1...1000).map(Double.init)
        // R: round(1000 × 0.025) = 25 and round(1000 × 0.975) = 975.
        #expect(SII.percentiles(values, confidence: 0.95) == (25, 975))
        // round(0.5) = 0 in R → clamped to the first; round(2.5) = 2.
        #expect(SII.percentiles(Array(values.prefix(5)), confidence: 0.0).0 == 2)
    }

    static func row(_ index: Int, value: Double?, lower: Double? = nil, upper: Double? = nil, numerator: Double = 100,
                    denominator: Double = 10_000, statistic: String = "crude_rate", multiplier: Double = 1000) -> IndicatorValue {
        IndicatorValue(indicator: "X", period: "2025-03", level: "icb", code: "QAA", name: "A", breakdownType: "imd_quintile",
                       breakdownIndex: index, numerator: numerator, denominator: denominator, value: value,
                       lower95: lower ?? value.map { $0 * 0.9 }, upper95: upper ?? value.map { $0 * 1.1 },
                       lower998: value.map { $0 * 0.85 }, upper998: value.map { $0 * 1.15 }, statistic: statistic,
                       multiplier: multiplier, unit: "per 1,000", withheldReason: value == nil ? "dsr NA for total count < 10" : nil)
    }

    static func definition(_ polarity: IndicatorConfig.Polarity, statistic: String = "crude_rate") -> IndicatorDefinition {
        IndicatorDefinition(id: "X", title: "X", statistic: statistic, multiplier: 1000, unit: "per 1,000", polarity: polarity)
    }

    @Test func missingQuintileMakesTheSIIUnstableWithTheReason() {
        var rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 20 - Double($0)) }
        rows[2] = Self.row(3, value: nil)
        let result = InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        #expect(result.sii == nil)
        #expect(result.unstableReason == "quantile 3 has no value (dsr NA for total count < 10)")
        rows[2] = nil
        #expect(InequalityCalculator(settings: AggregateSettings()).compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
            .unstableReason == "quantile 3 has no value")
    }

    @Test func signConventionFollowsPolarity() {
        // Higher values in the most deprived quintile.
        let rows: [IndicatorValue?] = (1...5).map { Self.row($0, value: 30 - 4 * Double($0)) }
        let calculator = InequalityCalculator(settings: AggregateSettings())
        let bad = calculator.compute(Self.definition(.lowerIsBetter), rows: rows, national: rows, seed: 1)
        let neutral = calculator.compute(Self.definition(.none), rows: rows, national: rows, seed: 1)
        let good = calculator.compute(Self.definition(.higherIsBetter), rows: rows, national: rows, seed: 1)
        #expect(bad.sii! > 0 && bad.rii! > 1)       // disadvantage to the most deprived
        #expect(neutral.sii! > 0 && neutral.rii! > 1) // no polarity: positive = higher in the most deprived
        #expect(good.sii! < 0 && good.rii! < 1)     // more of a good thing in the most deprived
        #expect(abs(bad.sii! + good.sii!) < 1e-9)
        #expect(bad.ciMethod == "closed_form")
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
        func band(_ value: Double, _ l95: Double, _ u95: Double, _ l998: Double, _ u998: Double) -> String {
            var row = Self.row(0, value: value, lower: l95, upper: u95)
            row.lower998 = l998
            row.upper998 = u998
            return comparator.compare(row, england: england, definition: definition).comparison
        }
        #expect(band(12, 10, 14, 9, 15) == "similar")           // England exactly on the 95% lower limit
        #expect(band(12, 10.001, 14, 10, 15) == "worse_95")     // just outside 95%, on the 99.8% limit
        #expect(band(12, 10.5, 14, 10.001, 15) == "worse_998")  // outside both
        #expect(band(8, 6, 9.999, 5, 10.5) == "better_95")
        let neutral = comparator.compare(Self.row(0, value: 15, lower: 12, upper: 18), england: england, definition: Self.definition(.none))
        #expect(neutral.compare95 == "higher")
    }

    @Test func funnelForProportions() {
        let england = Self.row(0, value: 50, numerator: 5000, denominator: 10_000, statistic: "proportion", multiplier: 100)
        let definition = IndicatorDefinition(id: "X", title: "X", statistic: "proportion", multiplier: 100, unit: "%", polarity: .higherIsBetter)
        // At N = 100 the 95% limits are 50 ± 1.96·5 = 40.2 and 59.8.
        let inside = Self.row(1, value: 59, numerator: 59, denominator: 100, statistic: "proportion", multiplier: 100)
        let above = Self.row(1, value: 61, numerator: 61, denominator: 100, statistic: "proportion", multiplier: 100)
        let result = EnglandComparator().compare(inside, england: england, definition: definition)
        #expect(result.funnelBand == "within")
        #expect(abs(result.funnel95!.1 - (50 + 100 * Distribution.normalQuantile(0.975) * 0.05)) < 1e-9)
        #expect(EnglandComparator().compare(above, england: england, definition: definition).funnelBand == "high_95")
    }

    @Test func gapSignificanceUsesNonOverlapping834Intervals() {
        let gaps = GapCalculator()
        let definition = Self.definition(.lowerIsBetter)
        let far: [IndicatorValue?] = [Self.row(1, value: 20, numerator: 200, denominator: 10_000), nil, nil, nil,
                                      Self.row(5, value: 10, numerator: 100, denominator: 10_000)]
        let result = gaps.compute(definition, quintiles: far)
        #expect(result.absoluteGap == 10 && result.ratio == 2)
        #expect(result.significant == true)
        let near: [IndicatorValue?] = [Self.row(1, value: 1.1, numerator: 11, denominator: 10_000), nil, nil, nil,
                                       Self.row(5, value: 1.0, numerator: 10, denominator: 10_000)]
        #expect(gaps.compute(definition, quintiles: near).significant == false)
        // Excess events: needs every quintile 1-4; with all present, Σ events × (1 − q5/q).
        let all: [IndicatorValue?] = (1...5).map { Self.row($0, value: Double(6 - $0) * 10, numerator: Double(6 - $0) * 100) }
        #expect(abs(gaps.compute(definition, quintiles: all).excessEvents! - (500 * 0.8 + 400 * 0.75 + 300 * (2.0 / 3) + 200 * 0.5)) < 1e-9)
    }

    @Test func changeIntervalAndDirection() {
        let interval = ChangeInterval.difference(latest: (12, 11, 13.5), baseline: (10, 9, 11))
        let expectedLower: Double = 2 - 2.0.squareRoot()
        let expectedUpper: Double = 2 + 3.25.squareRoot()
        #expect(interval.change == 2)
        #expect(abs(interval.lower - expectedLower) < 1e-12)
        #expect(abs(interval.upper - expectedUpper) < 1e-12)
        #expect(TrendCalculator.direction(interval, polarity: .lowerIsBetter) == "worsening")
        #expect(TrendCalculator.direction(interval, polarity: .higherIsBetter) == "improving")
        #expect(TrendCalculator.direction((1, -0.5, 2), polarity: .none) == "no_change")
    }

    @Test func recentTrendNeedsFivePointsAndRobustness() {
        var rising: [(time: Double, value: Double?, lower: Double?, upper: Double?)] = []
        for step in 0..<5 {
            let y = 10 + 2 * Double(step)
            rising.append((Double(step), y, y - 0.5, y + 0.5))
        }
        #expect(RecentTrend.marker(rising) == .increasing)
        #expect(RecentTrend.marker(Array(rising.prefix(4))) == .cannotBeCalculated)
        var flat: [(time: Double, value: Double?, lower: Double?, upper: Double?)] = []
        for step in 0..<5 {
            flat.append((Double(step), step % 2 == 0 ? 10.1 : 9.9, 8.0, 12.0))
        }
        #expect(RecentTrend.marker(flat) == .noSignificantChange)
    }

    @Test func headlineFigures() {
        #expect(HeadlineFact.figure(1075.0866) == "1,075.1")
        #expect(HeadlineFact.figure(-1234567.0, decimals: 0) == "-1,234,567")
        #expect(HeadlineFact.withUnit(57.07, unit: "%") == "57.1%")
    }
}

import Foundation

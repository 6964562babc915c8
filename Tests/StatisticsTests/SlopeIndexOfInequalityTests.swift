import Foundation
import Testing

@testable import Statistics

/// The slope index of inequality on hand-built data: exact slopes, polarity, seeded simulation, R's rounding.
struct SlopeIndexOfInequalityTests {
    typealias SII = SlopeIndexOfInequality

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
}

/// Issue-13 defects of the statistics, each pinned by a test that failed before its fix.
struct StatisticalDefectTests {
    /// The SE behind every SII limit divides by Φ⁻¹(0.975) as R computes it, not a rounded 1.959964.
    @Test func standardErrorUsesTheComputedQuantile() {
        let quantile = SlopeIndexOfInequality.Quantile(population: 1000, value: 50, lower95: 40, upper95: 62, type: .rate)
        let exact = (log(62.0) - log(40.0)) / (2 * 1.959963984540054)
        #expect(abs(quantile.standardError - exact) / exact < 1e-14)
    }
}

extension StatisticalDefectTests {
    /// A DSR over an age range with a band that has no population is withheld, not standardised to part of
    /// the standard population; a band outside the range may be empty.
    @Test func dsrWithAnEmptyBandInItsRangeIsWithheld() {
        var events = [Double](repeating: 4, count: 19), people = [Double](repeating: 1000, count: 19)
        events[18] = 0
        people[18] = 0
        let weights = [5000.0, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
        func counts(shares: [Double]) -> AgeBandedCounts {
            AgeBandedCounts(
                events: events, unknownAgeEvents: 0, denominators: events.map { _ in 0 }, unknownAgeDenominators: 0,
                population: people, shares: shares, countsUnknownAge: false, standardWeights: weights, reference: nil,
                multiplier: 100_000)
        }
        let all = DirectlyStandardisedRate().compute(counts(shares: [Double](repeating: 1, count: 19)))
        #expect(all.estimate == nil)
        #expect(all.withheld == .ageBandWithoutPopulation)
        let under90 = DirectlyStandardisedRate().compute(counts(shares: (0..<19).map { $0 < 18 ? 1 : 0 }))
        #expect(under90.estimate?.value != nil, "the empty 90+ band is outside an under-90 range")
    }

    /// A funnel point's band is read off its own stored limits: they never disagree.
    @Test func funnelBandAgreesWithItsLimits() throws {
        let construction = FunnelConstruction.poissonRate(minimumEvents: 10, populationWithoutEvents: false)
        var checked = 0
        for events in stride(from: 10.0, through: 200, by: 1) {
            for factor in [0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.25, 1.3, 1.4, 1.6, 1.8, 2.0] {
                // England 10 per 1,000; the area's rate 10/factor per 1,000.
                let value = 10 / factor
                let funnel = FunnelLimits.evaluate(
                    construction, numerator: events, denominator: 0, value: value,
                    england: (0, 0, 10), multiplier: 1000)
                let l95 = try #require(funnel.limits95), l998 = try #require(funnel.limits998)
                let fromLimits: FunnelBand =
                    value > l998.upper
                    ? .high998
                    : value > l95.upper
                        ? .high95
                        : value < l998.lower ? .low998 : value < l95.lower ? .low95 : .within
                #expect(funnel.band == fromLimits, "\(events) events at \(value) per 1,000")
                checked += 1
            }
        }
        #expect(checked > 2000)
    }
}

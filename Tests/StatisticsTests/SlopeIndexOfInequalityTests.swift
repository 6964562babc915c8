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

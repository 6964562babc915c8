import Foundation
import Testing

@testable import Statistics

/// Spiegelhalter's overdispersed funnel (docs/METHODS.md §10) against figures worked by hand from the
/// formulas (arcsine-√ or √ scale; z-scores winsorised at the 10th and 90th percentiles, R's type-7
/// quantiles; φ = mean of the squared winsorised z; τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw), w = 1/se²).
struct OverdispersionTests {
    @Test func proportionsAgainstHandFigures() throws {
        let areas: [(value: Double, denominator: Double)] = [(42, 400), (55, 900), (61, 1_500), (48, 2_500), (70, 600), (52, 3_000)]
        let fit = try #require(Overdispersion.estimate(.proportion, englandValue: 50, multiplier: 100, areas: areas, winsorise: 0.1))
        #expect(abs(fit.phi - 30.930888535239408) < 1e-9)
        #expect(abs(fit.tau2 - 0.006654560482700333) < 1e-12)
        let limits = try #require(FunnelLimits.curve(.proportion, englandValue: 50, denominator: 1_000, multiplier: 100, tau2: fit.tau2))
        #expect(abs(limits.limits95.0 - 34.000389744801055) < 1e-9 && abs(limits.limits95.1 - 65.99961025519897) < 1e-9)
    }

    @Test func ratesAgainstHandFigures() throws {
        let areas: [(value: Double, denominator: Double)] = [(700, 20_000), (910, 15_000), (640, 40_000), (820, 9_000), (1_010, 12_000)]
        let construction = FunnelConstruction.poissonRate(minimumEvents: 0, populationWithoutEvents: true)
        let fit = try #require(Overdispersion.estimate(construction, englandValue: 750, multiplier: 100_000, areas: areas, winsorise: 0.1))
        #expect(abs(fit.phi - 3.3578565008722356) < 1e-9)
        #expect(abs(fit.tau2 - 4.536547149049191e-05) < 1e-15)
        let limits = try #require(FunnelLimits.curve(construction, englandValue: 750, denominator: 25_000, multiplier: 100_000, tau2: fit.tau2))
        #expect(abs(limits.limits998.0 - 404.60726590802716) < 1e-6 && abs(limits.limits998.1 - 1201.1356434684901) < 1e-6)
    }

    /// Areas no more spread than chance: τ² is 0 and the limits stay the exact ones.
    @Test func noOverdispersionLeavesTheExactLimits() throws {
        let areas: [(value: Double, denominator: Double)] = [(50, 1_000), (50.5, 4_000), (49.8, 9_000), (50.1, 2_000), (49.9, 6_000)]
        let fit = try #require(Overdispersion.estimate(.proportion, englandValue: 50, multiplier: 100, areas: areas, winsorise: 0.1))
        #expect(fit.tau2 == 0 && fit.phi < 1)
        let placed = FunnelLimits.evaluate(
            .proportion, numerator: 450, denominator: 1_000, value: 45, england: (5_000, 10_000, 50), multiplier: 100, tau2: fit.tau2)
        let exact = FunnelLimits.evaluate(.proportion, numerator: 450, denominator: 1_000, value: 45, england: (5_000, 10_000, 50), multiplier: 100)
        #expect(placed.limits95!.lower == exact.limits95!.lower && placed.band == exact.band)
    }

    /// The band is read off the widened limits: a point beyond chance limits can be within the adjusted ones.
    @Test func bandsFollowTheWidenedLimits() {
        let england = (numerator: 5_000.0, denominator: 10_000.0, value: Optional(50.0))
        let chance = FunnelLimits.evaluate(.proportion, numerator: 540, denominator: 1_000, value: 54, england: england, multiplier: 100)
        let widened = FunnelLimits.evaluate(.proportion, numerator: 540, denominator: 1_000, value: 54, england: england, multiplier: 100, tau2: 0.01)
        #expect(chance.band == .high95)
        #expect(widened.band == .within)
        #expect(widened.limits95!.upper > chance.limits95!.upper)
    }

    @Test func tooFewAreasGiveNoEstimate() {
        #expect(Overdispersion.estimate(.proportion, englandValue: 50, multiplier: 100, areas: [(40, 100), (60, 100)], winsorise: 0.1) == nil)
        #expect(Overdispersion.estimate(.none, englandValue: 50, multiplier: 100, areas: [(40, 100), (60, 100), (50, 10)], winsorise: 0.1) == nil)
    }
}

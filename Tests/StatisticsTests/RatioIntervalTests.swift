import Testing

@testable import Statistics

/// MOVER-R (Donner & Zou 2012) for a ratio of two proportions, worked by hand, against the log-ratio's
/// delta-method interval it should be close to for large counts, and its refusals.
struct RatioIntervalTests {
    /// 450 of 1,000 against 520 of 1,000, each with its Wilson 95% limits (41.9415–48.0967% and
    /// 48.9018–55.0829%): ratio 0.86538, MOVER-R 0.79019 to 0.94744 (by hand from the formula); the delta
    /// method on the log ratio gives 0.79029 to 0.94762.
    @Test func ratioOfTwoProportions() throws {
        let x = try #require(Proportion.estimate(numerator: 450, denominator: 1_000, multiplier: 100))
        let y = try #require(Proportion.estimate(numerator: 520, denominator: 1_000, multiplier: 100))
        let a = (value: try #require(x.value), lower: try #require(x.lower95), upper: try #require(x.upper95))
        let b = (value: try #require(y.value), lower: try #require(y.lower95), upper: try #require(y.upper95))
        let ratio = try #require(RatioInterval.of(numerator: a, denominator: b))
        #expect(abs(ratio.ratio - 450.0 / 520.0) < 1e-12)
        #expect(abs(ratio.lower - 0.790_190_7) < 1e-6 && abs(ratio.upper - 0.947_439_9) < 1e-6, "\(ratio)")
        #expect(abs(ratio.lower - 0.790_29) < 5e-4 && abs(ratio.upper - 0.947_62) < 5e-4, "close to the delta method")
        // The difference by the same recovery of each value's spread (MOVER-D): -7 points, -11.343 to -2.620.
        let difference = ChangeInterval.difference(latest: a, baseline: b)
        #expect(abs(difference.lower - -11.342_647) < 1e-5 && abs(difference.upper - -2.619_504) < 1e-5)
    }

    @Test func aZeroOrNegativeDenominatorGivesNoInterval() {
        #expect(RatioInterval.of(numerator: (5, 4, 6), denominator: (0, 0, 1)) == nil)
        #expect(RatioInterval.of(numerator: (0, 0, 1), denominator: (5, 4, 6)) == nil)
        #expect(RatioInterval.of(numerator: (5, 4, 6), denominator: (5, -1, 6)) == nil)
    }
}

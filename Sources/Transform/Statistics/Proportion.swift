/// Proportion x/n × multiplier with Wilson score limits (`phe_proportion`, methods.md §4).
public enum Proportion {
    public static func estimate(numerator x: Double?, denominator n: Double?, multiplier: Double = 1) -> IntervalEstimate? {
        guard let x, let n else { return nil }
        precondition(x >= 0 && n > 0 && x <= n, "proportion needs 0 ≤ x ≤ n and n > 0")
        return IntervalEstimate(
            value: x / n * multiplier,
            lower95: WilsonLimits.lower(x, n, confidence: ConfidenceLevel.ninetyFive) * multiplier,
            upper95: WilsonLimits.upper(x, n, confidence: ConfidenceLevel.ninetyFive) * multiplier,
            lower998: WilsonLimits.lower(x, n, confidence: ConfidenceLevel.ninetyNinePointEight) * multiplier,
            upper998: WilsonLimits.upper(x, n, confidence: ConfidenceLevel.ninetyNinePointEight) * multiplier,
            method: .wilson)
    }
}

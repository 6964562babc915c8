/// What a value published without counts, with its 95% limits, says of the counts behind it (docs/DISCLOSURE.md,
/// "Values without counts"): the defender's side, before such a value is published again.
///
/// A publisher's value and limits may have been rounded, so the counts are estimated rather than matched
/// exactly (``CountRecovery`` matches them exactly): for events (Poisson limits, exact below 10 and Byar's
/// from 10, as rates, ratios and standardised rates are published), the interval's width relative to the
/// value only narrows as events grow, so an interval wider than that of `atMost + 1` events could be from
/// `atMost` or fewer; for a proportion with Wilson limits, the interval's centre and the value give its
/// denominator, and the value its numerator.
public enum PublishedIntervalCounts {
    /// Whether the value and limits could come from a count from 1 to `atMost` — events, or a proportion's
    /// numerator or denominator. False where nothing can be told (no width, a value of 0, limits not around the value).
    public static func couldBeSmall(value: Double, lower: Double, upper: Double, multiplier: Double, counts: CountKind, atMost: Int) -> Bool {
        guard atMost >= 1, value.isFinite, lower.isFinite, upper.isFinite, multiplier > 0, lower <= value, value <= upper, upper > lower
        else { return false }
        switch counts {
        case .events:
            guard value > 0 else { return false }
            let next = Double(atMost + 1)
            let limits = PoissonLimits.limits(next, confidence: ConfidenceLevel.ninetyFive)
            let widthAtNext = (limits.upper - (limits.lower ?? 0)) / next
            return (upper - lower) / value > widthAtNext * (1 + 1e-9)
        case .numeratorAndDenominator:
            let (p, low, high) = (value / multiplier, lower / multiplier, upper / multiplier)
            guard p > 0, p <= 1, let n = wilsonDenominator(p: p, lower: low, upper: high) else { return false }
            let small = 1...Double(atMost)
            return small.contains((p * n).rounded()) || small.contains(n.rounded())
        }
    }

    /// The denominator whose Wilson 95% limits around `p` are `lower`–`upper`: from the interval's centre,
    /// (p + z²/2n) / (1 + z²/n), where the centre is off `p`; from its width otherwise (p = ½). Nil when
    /// neither gives a denominator of at least 1.
    static func wilsonDenominator(p: Double, lower: Double, upper: Double) -> Double? {
        let z = Distribution.z(confidence: ConfidenceLevel.ninetyFive)
        let centre = (lower + upper) / 2
        if abs(p - centre) > 1e-9 {
            let n = z * z * (centre - 0.5) / (p - centre)
            return n.isFinite && n >= 1 ? n : nil
        }
        // The half-width z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²) narrows as n grows: bisect on it.
        func halfWidth(_ n: Double) -> Double { z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() }
        let target = (upper - lower) / 2
        var (small, large) = (1.0, 1e9)
        guard halfWidth(small) >= target, halfWidth(large) <= target else { return nil }
        for _ in 0..<200 where large - small > 1e-6 * small {
            let middle = (small + large) / 2
            if halfWidth(middle) > target { small = middle } else { large = middle }
        }
        return (small + large) / 2
    }
}

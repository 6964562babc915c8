/// What a reader can work out from a published value and its 95% limits: the attacker's side of
/// disclosure control (docs/DISCLOSURE.md). Poisson-based limits are a function of the count alone, so
/// (value − lower) / (upper − value) names the count; with it, a rate names its denominator too.
public enum CountRecovery {
    /// The counts a published value with limits gives away.
    public struct Recovered: Sendable, Equatable {
        public var numerator: Double?
        public var denominator: Double?

        public init(numerator: Double?, denominator: Double?) {
            self.numerator = numerator
            self.denominator = denominator
        }

        public static let nothing = Recovered(numerator: nil, denominator: nil)
    }

    /// The count O whose limits give the published shape, searching whole counts up to `limit`; nil when
    /// no count, or more than one, gives it.
    /// - Parameter byarsOnly: Dobson limits use Byar's at every count; crude rates and ratios switch to
    ///   exact limits below 10 events (docs/METHODS.md §2).
    public static func count(value: Double, lower: Double, upper: Double, byarsOnly: Bool, limit: Double = 1e9) -> Double? {
        guard value.isFinite, lower.isFinite, upper.isFinite, upper > value, value >= lower else { return nil }
        if value == 0 { return 0 }
        let target = (value - lower) / (upper - value)
        func shape(_ observed: Double) -> Double? {
            let limits: (lower: Double?, upper: Double)
            if byarsOnly {
                limits = (
                    PoissonLimits.byarsLower(observed, confidence: ConfidenceLevel.ninetyFive),
                    PoissonLimits.byarsUpper(observed, confidence: ConfidenceLevel.ninetyFive)
                )
            } else {
                limits = PoissonLimits.limits(observed, confidence: ConfidenceLevel.ninetyFive)
            }
            guard let low = limits.lower else { return nil }
            return (observed - low) / (limits.upper - observed)
        }
        func matches(_ observed: Double) -> Bool {
            guard let s = shape(observed) else { return false }
            return abs(s - target) <= 1e-9 * max(1, abs(target))
        }
        // Small counts one by one (the exact limits below 10 need not be monotone with Byar's above).
        for observed in stride(from: 1.0, through: 16, by: 1) where matches(observed) { return observed }
        // Larger counts: the shape rises towards 1 as the count grows; bisect on it.
        var low = 16.0, high = limit
        guard let top = shape(high), top >= target, let bottom = shape(low), bottom <= target else { return nil }
        while high - low > 1 {
            let middle = ((low + high) / 2).rounded(.down)
            if (shape(middle) ?? 0) < target { low = middle } else { high = middle }
        }
        // Somewhere past half a million events neighbouring counts give shapes closer than the tolerance: the
        // published figures then name a range, not a count, and nothing is claimed.
        guard let found = [low, high].first(where: matches), !matches(found - 1), !matches(found + 1) else { return nil }
        return found
    }

    /// A rate's denominator from its count and value (or, with no events, from its upper limit).
    public static func denominator(count: Double, value: Double, upper: Double, multiplier: Double, byarsOnly: Bool) -> Double? {
        if count > 0, value > 0 { return count * multiplier / value }
        guard upper > 0 else { return nil }
        let bound =
            byarsOnly
            ? PoissonLimits.byarsUpper(0, confidence: ConfidenceLevel.ninetyFive)
            : PoissonLimits.limits(0, confidence: ConfidenceLevel.ninetyFive).upper
        return bound * multiplier / upper
    }
}

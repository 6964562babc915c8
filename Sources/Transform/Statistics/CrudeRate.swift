/// Crude rate x/n × multiplier with exact Poisson limits below 10 events, Byar's at 10 or more
/// (`phe_rate`, methods.md §3). Missing x or n gives no value.
public enum CrudeRate {
    public static func estimate(events x: Double?, population n: Double?, multiplier: Double = 100_000) -> IntervalEstimate? {
        guard let x, let n else { return nil }
        precondition(x >= 0 && n > 0, "crude rate needs x ≥ 0 and n > 0")
        return PoissonLimits.estimate(count: x, dividedBy: n, times: multiplier)
    }
}

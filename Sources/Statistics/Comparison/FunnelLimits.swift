/// Funnel-plot control limits and the band a value falls in (docs/METHODS.md §10): England's value as
/// the target, limits at 95% and 99.8% for the value's own denominator, and the band read off those
/// very limits (one construction for both).
public struct FunnelLimits: Sendable {
    public var band: FunnelBand
    public var limits95: (lower: Double, upper: Double)?
    public var limits998: (lower: Double, upper: Double)?

    public static let notApplicable = FunnelLimits(band: .notApplicable, limits95: nil, limits998: nil)

    /// One value against England.
    /// - Parameters: `numerator`, `denominator`, `value`: the area's stored counts and value;
    ///   `england`: England's numerator, denominator and value; `multiplier`: the indicator's; `tau2`: the
    ///   between-area variance of the overdispersion adjustment (0: none; see ``Overdispersion``).
    public static func evaluate(
        _ construction: FunnelConstruction, numerator: Double, denominator: Double, value: Double?,
        england: (numerator: Double, denominator: Double, value: Double?), multiplier m: Double, tau2: Double = 0
    ) -> FunnelLimits {
        guard let x = funnelDenominator(construction, numerator: numerator, denominator: denominator, value: value, multiplier: m) else {
            return .notApplicable
        }
        guard let target = target(construction, england: england, multiplier: m) else { return .notApplicable }
        guard let limits = curve(construction, englandValue: target, denominator: x, multiplier: m, tau2: tau2) else { return .notApplicable }
        // The band is read off these same limits, so a plotted point and its band agree. A proportion is
        // placed by its counts, a rate by its value.
        let v: Double
        switch construction {
        case .proportion: v = numerator / denominator * m
        case .none, .poissonRate:
            guard let value else { return .notApplicable }
            v = value
        }
        let (l95, l998) = (limits.limits95, limits.limits998)
        let band = FunnelBand.of(v, limits95: l95, limits998: l998)
        return FunnelLimits(band: band, limits95: l95, limits998: l998)
    }

    /// Where an area sits on the funnel's x axis: people for a proportion; for a rate the derived
    /// denominator D = multiplier · O / rate (a crude rate with no events: its population). `nil` when the
    /// area is not placed (a DSR below its minimum events).
    /// England's value as the funnel's target (docs/METHODS.md §10): a proportion from its counts, a rate
    /// as published; nil where it cannot centre a funnel.
    public static func target(
        _ construction: FunnelConstruction, england: (numerator: Double, denominator: Double, value: Double?), multiplier m: Double
    ) -> Double? {
        switch construction {
        case .none: return nil
        case .proportion: return england.denominator > 0 ? england.numerator / england.denominator * m : nil
        case .poissonRate: return england.value.flatMap { $0 > 0 ? $0 : nil }
        }
    }

    public static func funnelDenominator(
        _ construction: FunnelConstruction, numerator: Double, denominator: Double, value: Double?, multiplier m: Double
    ) -> Double? {
        switch construction {
        case .none:
            return nil
        case .proportion:
            return denominator > 0 ? denominator : nil
        case .poissonRate(let minimumEvents, let populationWithoutEvents):
            guard numerator >= minimumEvents, let rate = value else { return nil }
            let derived = numerator > 0 && rate > 0 ? m * numerator / rate : (populationWithoutEvents ? denominator : 0)
            return derived > 0 ? derived : nil
        }
    }

    /// The limits of a funnel at any denominator, for drawing its curves (in the indicator's unit): the
    /// same formulas that place each area, widened by `tau2` when overdispersion is adjusted for. `englandValue` is England's value in the unit; `denominator`
    /// is people for a proportion, the derived denominator `multiplier × O / rate` for a rate.
    public static func curve(
        _ construction: FunnelConstruction, englandValue: Double, denominator: Double, multiplier m: Double, tau2: Double = 0
    ) -> (limits95: (Double, Double), limits998: (Double, Double))? {
        guard denominator > 0, englandValue.isFinite else { return nil }
        if tau2 > 0 {
            return Overdispersion.limits(construction, englandValue: englandValue, denominator: denominator, multiplier: m, tau2: tau2)
        }
        switch construction {
        case .none:
            return nil
        case .proportion:
            let (l95, l998) = proportionLimits(average: englandValue / m, denominator: denominator)
            return ((l95.0 * m, l95.1 * m), (l998.0 * m, l998.1 * m))
        case .poissonRate:
            guard englandValue > 0 else { return nil }
            return poissonLimits(rate: englandValue, denominator: denominator, multiplier: m)
        }
    }

    /// p̄ ∓ z·√(p̄(1 − p̄)/N), clamped to [0, 1], at 95% and 99.8%.
    private static func proportionLimits(average: Double, denominator: Double) -> ((Double, Double), (Double, Double)) {
        func limits(_ z: Double) -> (Double, Double) {
            let half = z * (average * (1 - average) / denominator).squareRoot()
            return (max(0, average - half), min(1, average + half))
        }
        return (limits(Distribution.normalQuantile(0.975)), limits(Distribution.normalQuantile(0.999)))
    }

    /// The funnel's lines at denominator D, at 95% and 99.8%, as PHEindicatormethods draws them
    /// (docs/METHODS.md §10): with E = England's rate × D the expected count, the lower line is the count
    /// O where P(X ≤ O | E) equals the tail and the upper line the count where P(X ≥ O | E) does, each
    /// divided by D. A count below the lower line is then exactly one the exact Poisson test calls
    /// significantly low, so the band read off the lines is the test's. Where even 0 events is not
    /// significantly low (e^−E above the tail) the lower line is 0.
    private static func poissonLimits(rate: Double, denominator: Double, multiplier m: Double) -> ((Double, Double), (Double, Double)) {
        let expected = rate / m * denominator
        func limits(_ tail: Double) -> (Double, Double) {
            let lower =
                Distribution.poissonAtMost(0, mean: expected) >= tail
                ? 0 : root(from: 0, to: expected) { Distribution.poissonAtMost($0, mean: expected) - tail }
            var top = expected + 10 * expected.squareRoot() + 10
            while Distribution.poissonAtLeast(top, mean: expected) > tail { top *= 2 }
            let upper = root(from: expected, to: top) { tail - Distribution.poissonAtLeast($0, mean: expected) }
            return (lower / denominator * m, upper / denominator * m)
        }
        return (limits(0.025), limits(0.001))
    }

    /// The root of an increasing `f` between `low` (f ≤ 0) and `high` (f ≥ 0), by the Illinois method
    /// (regula falsi that halves a stale end's weight): a few evaluations of R's incomplete gamma each.
    static func root(from low: Double, to high: Double, _ f: (Double) -> Double) -> Double {
        var (a, b) = (low, high)
        var (fa, fb) = (f(a), f(b))
        if fa >= 0 { return a }
        if fb <= 0 { return b }
        var side = 0
        var previous = Double.nan
        for _ in 0..<200 {
            let c = (a * fb - b * fa) / (fb - fa)
            let fc = f(c)
            if fc == 0 || abs(c - previous) <= 1e-11 * max(1, abs(c)) { return c }
            previous = c
            if fc < 0 {
                (a, fa) = (c, fc)
                if side == -1 { fb /= 2 }
                side = -1
            } else {
                (b, fb) = (c, fc)
                if side == 1 { fa /= 2 }
                side = 1
            }
        }
        return (a + b) / 2
    }
}

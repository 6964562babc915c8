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
    ///   `england`: England's numerator, denominator and value; `multiplier`: the indicator's.
    public static func evaluate(
        _ construction: FunnelConstruction, numerator: Double, denominator: Double, value: Double?,
        england: (numerator: Double, denominator: Double, value: Double?), multiplier m: Double
    ) -> FunnelLimits {
        switch construction {
        case .none:
            return .notApplicable
        case .proportion:
            guard denominator > 0, england.denominator > 0 else { return .notApplicable }
            let average = england.numerator / england.denominator
            let p = numerator / denominator
            let (l95, l998) = proportionLimits(average: average, denominator: denominator)
            let band: FunnelBand = p < l998.0 ? .low998 : p < l95.0 ? .low95 : p > l998.1 ? .high998 : p > l95.1 ? .high95 : .within
            return FunnelLimits(band: band, limits95: (l95.0 * m, l95.1 * m), limits998: (l998.0 * m, l998.1 * m))
        case .poissonRate(let minimumEvents, let populationWithoutEvents):
            let observed = numerator
            guard observed >= minimumEvents else { return .notApplicable }
            guard let rate = value, let englandRate = england.value, englandRate > 0 else { return .notApplicable }
            // Derived denominators D = multiplier · O / rate; the average is England's rate.
            let derived = observed > 0 && rate > 0 ? m * observed / rate : (populationWithoutEvents ? denominator : 0)
            guard derived > 0 else { return .notApplicable }
            // Control limits at this denominator: the exact Poisson limits of the count England's rate
            // gives there. The band is read off these same limits, so a plotted point and its band agree.
            let (l95, l998) = poissonLimits(rate: englandRate, denominator: derived, multiplier: m)
            let band: FunnelBand = rate > l998.1 ? .high998 : rate > l95.1 ? .high95 : rate < l998.0 ? .low998 : rate < l95.0 ? .low95 : .within
            return FunnelLimits(band: band, limits95: l95, limits998: l998)
        }
    }

    /// The limits of a funnel at any denominator, for drawing its curves (in the indicator's unit): the
    /// same formulas that place each area. `englandValue` is England's value in the unit; `denominator`
    /// is people for a proportion, the derived denominator `multiplier × O / rate` for a rate.
    public static func curve(
        _ construction: FunnelConstruction, englandValue: Double, denominator: Double, multiplier m: Double
    ) -> (limits95: (Double, Double), limits998: (Double, Double))? {
        guard denominator > 0, englandValue.isFinite else { return nil }
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

    /// The exact Poisson limits of the count England's rate gives at denominator D, divided by D, at 95% and 99.8%.
    private static func poissonLimits(rate: Double, denominator: Double, multiplier m: Double) -> ((Double, Double), (Double, Double)) {
        let expected = rate / m * denominator
        func limits(_ tail: Double) -> (Double, Double) {
            (
                Distribution.chiSquareQuantile(tail, degreesOfFreedom: 2 * expected) / 2 / denominator * m,
                Distribution.chiSquareQuantile(1 - tail, degreesOfFreedom: 2 * expected + 2) / 2 / denominator * m
            )
        }
        return (limits(0.025), limits(0.001))
    }
}

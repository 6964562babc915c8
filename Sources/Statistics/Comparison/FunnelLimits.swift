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
            func limits(_ z: Double) -> (Double, Double) {
                let half = z * (average * (1 - average) / denominator).squareRoot()
                return (max(0, average - half), min(1, average + half))
            }
            let l95 = limits(Distribution.normalQuantile(0.975)), l998 = limits(Distribution.normalQuantile(0.999))
            let band: FunnelBand = p < l998.0 ? .low998 : p < l95.0 ? .low95 : p > l998.1 ? .high998 : p > l95.1 ? .high95 : .within
            return FunnelLimits(band: band, limits95: (l95.0 * m, l95.1 * m), limits998: (l998.0 * m, l998.1 * m))
        case .poissonRate(let minimumEvents, let populationWithoutEvents):
            let observed = numerator
            guard observed >= minimumEvents else { return .notApplicable }
            guard let rate = value, let englandRate = england.value, englandRate > 0 else { return .notApplicable }
            // Derived denominators D = multiplier · O / rate; the average is England's rate.
            let derived = observed > 0 && rate > 0 ? m * observed / rate : (populationWithoutEvents ? denominator : 0)
            guard derived > 0 else { return .notApplicable }
            let average = englandRate / m
            // Control limits at this denominator: the exact Poisson limits of the count England's rate
            // gives there. The band is read off these same limits, so a plotted point and its band agree.
            let expected = average * derived
            func limits(_ tail: Double) -> (Double, Double) {
                (
                    Distribution.chiSquareQuantile(tail, degreesOfFreedom: 2 * expected) / 2 / derived * m,
                    Distribution.chiSquareQuantile(1 - tail, degreesOfFreedom: 2 * expected + 2) / 2 / derived * m
                )
            }
            let l95 = limits(0.025), l998 = limits(0.001)
            let band: FunnelBand = rate > l998.1 ? .high998 : rate > l95.1 ? .high95 : rate < l998.0 ? .low998 : rate < l95.0 ? .low95 : .within
            return FunnelLimits(band: band, limits95: l95, limits998: l998)
        }
    }
}

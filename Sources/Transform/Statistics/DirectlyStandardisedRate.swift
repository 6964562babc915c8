/// Directly standardised rate with Dobson limits (`calculate_dsr`, methods.md §6).
///
/// Withheld (no value, no limits) when the total count is below 10.
public enum DirectlyStandardisedRate {
    /// One age band's events, population and standard-population weight.
    public struct Band: Sendable, Equatable {
        public var events: Double
        public var population: Double
        public var standardWeight: Double

        public init(events: Double, population: Double, standardWeight: Double) {
            self.events = events
            self.population = population
            self.standardWeight = standardWeight
        }
    }

    public static let withheldReason = "dsr NA for total count < 10"

    /// - Precondition: every band has population > 0 (the package's input rule); callers drop
    ///   or flag bands with no population before calling.
    public static func estimate(_ bands: [Band], multiplier: Double = 100_000) -> IntervalEstimate {
        let observed = bands.reduce(0) { $0 + $1.events }
        guard observed >= 10 else { return .withheld(.dobson, reason: withheldReason) }
        let weightSum = bands.reduce(0) { $0 + $1.standardWeight }
        var weighted = 0.0
        var variance = 0.0
        for band in bands {
            precondition(band.population > 0, "DSR bands need a positive population")
            let ratio = band.standardWeight / band.population
            weighted += band.events * ratio
            variance += band.events * ratio * ratio
        }
        let dsr = weighted / weightSum
        variance /= weightSum * weightSum
        func limit(_ byar: Double?) -> Double? {
            byar.map { (dsr + (variance / observed).squareRoot() * ($0 - observed)) * multiplier }
        }
        return IntervalEstimate(
            value: dsr * multiplier,
            lower95: limit(PoissonLimits.byarsLower(observed, confidence: ConfidenceLevel.ninetyFive)),
            upper95: limit(PoissonLimits.byarsUpper(observed, confidence: ConfidenceLevel.ninetyFive)),
            lower998: limit(PoissonLimits.byarsLower(observed, confidence: ConfidenceLevel.ninetyNinePointEight)),
            upper998: limit(PoissonLimits.byarsUpper(observed, confidence: ConfidenceLevel.ninetyNinePointEight)),
            method: .dobson)
    }
}

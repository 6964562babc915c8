/// Indirect standardisation: observed / expected from a reference population's age-specific
/// rates (`calculate_ISRatio`, `calculate_ISRate`, methods.md §7).
public enum IndirectlyStandardisedRatio {
    /// One age band: local events and population, reference events and population.
    public struct Band: Sendable, Equatable {
        public var events: Double?
        public var population: Double?
        public var referenceEvents: Double?
        public var referencePopulation: Double

        public init(events: Double?, population: Double?, referenceEvents: Double?, referencePopulation: Double) {
            self.events = events
            self.population = population
            self.referenceEvents = referenceEvents
            self.referencePopulation = referencePopulation
        }
    }

    /// Expected events: Σ (x_ref / n_ref) · n, with missing values counted as 0.
    public static func expected(_ bands: [Band]) -> Double {
        bands.reduce(0) { $0 + ($1.referenceEvents ?? 0) / $1.referencePopulation * ($1.population ?? 0) }
    }

    /// The ratio O/E × `referenceValue` (1, or 100 for an SMR-style ratio).
    public static func ratio(_ bands: [Band], observedTotal: Double? = nil, referenceValue: Double = 1) -> IntervalEstimate {
        let observed = observedTotal ?? bands.reduce(0) { $0 + ($1.events ?? 0) }
        return scaled(observed: observed, expected: expected(bands), scale: referenceValue)
    }

    /// The rate O/E × the reference crude rate × `multiplier`.
    public static func rate(_ bands: [Band], observedTotal: Double? = nil, multiplier: Double = 100_000) -> IntervalEstimate {
        let observed = observedTotal ?? bands.reduce(0) { $0 + ($1.events ?? 0) }
        let referenceRate = bands.reduce(0) { $0 + ($1.referenceEvents ?? 0) } / bands.reduce(0) { $0 + $1.referencePopulation }
        return scaled(observed: observed, expected: expected(bands), scale: referenceRate * multiplier)
    }

    static func scaled(observed: Double, expected: Double, scale: Double) -> IntervalEstimate {
        PoissonLimits.estimate(count: observed, dividedBy: expected, times: scale)
    }
}

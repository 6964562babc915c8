/// What the two indirectly standardised methods share: expected events from England's age-specific
/// rates, and Poisson limits scaled by value / observed (docs/METHODS.md §7).
public enum IndirectStandardisation {
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

    /// Bands in the age range with a reference population, the observed count, and the value `scaled`
    /// gives; the denominator recorded is the expected count.
    static func compute(_ counts: AgeBandedCounts, _ scaled: ([Band]) -> IntervalEstimate) -> MethodResult {
        guard let reference = counts.reference else { return .withheld(.noReference, numerator: 0, denominator: 0) }
        var bands: [Band] = []
        var x = 0.0, n = 0.0
        for band in counts.bandsInRange where reference.population[band] > 0 {
            let share = counts.shares[band]
            bands.append(
                Band(
                    events: counts.events[band], population: counts.population[band] * share,
                    referenceEvents: reference.events[band], referencePopulation: reference.population[band] * share))
            x += counts.events[band]
            n += counts.population[band] * share
        }
        let expected = expected(bands)
        guard expected > 0 else { return .withheld(.noExpectedEvents, numerator: x, denominator: n) }
        return MethodResult(numerator: x, denominator: expected, estimate: scaled(bands))
    }

    /// Limits are the observed count's Poisson limits × value / observed.
    static func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        let x = stored.numerator
        guard let value = stored.value, x > 0 else { return nil }
        let (lower, upper) = PoissonLimits.limits(x, confidence: confidence)
        return ((lower ?? 0) * value / x, upper * value / x)
    }
}

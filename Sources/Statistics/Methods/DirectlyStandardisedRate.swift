/// Directly standardised rate to the 2013 European Standard Population, with Dobson limits built on
/// Byar's limits for the total count; withheld below 10 events (docs/METHODS.md §6, after
/// PHEindicatormethods' `calculate_dsr`).
public struct DirectlyStandardisedRate: IndicatorMethod {
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

    /// Fewer events than this and the rate is withheld.
    public static let minimumEvents = 10.0

    public init() {}

    public var statistic: Statistic { .dsr }
    public var counts: CountKind { .events }
    public var needsEnglandReference: Bool { false }
    public var defaultIntervalMethod: IntervalMethod { .dobson }
    public var inequalityScale: SlopeIndexOfInequality.ValueType { .rate }
    public var label: String { "directly standardised rate (ESP2013), Dobson limits; withheld below 10 events" }
    public var funnel: FunnelConstruction { .poissonRate(minimumEvents: Self.minimumEvents, populationWithoutEvents: false) }
    public var publication: PublicationRule { PublicationRule(source: .computed, withheldWhen: "fewer than 10 events") }

    public func formula(multiplier: String) -> String {
        "DSR = Σ(eventsᵢ × wᵢ / populationᵢ) / Σwᵢ × \(multiplier) over age bands i (ESP2013 weights w); 95%/99.8% limits by Dobson's method with Byar's limits for the total; withheld when total events < 10"
    }

    public func compute(_ counts: AgeBandedCounts) -> MethodResult {
        var bands: [Band] = []
        // The counts of every band in the range, whatever is decided below: a withheld value still stores
        // its whole events and population (5/100, 3/0, 7/200 store 15/300).
        let x = counts.bandsInRange.reduce(0.0) { $0 + counts.events[$1] }
        let n = counts.bandsInRange.reduce(0.0) { $0 + counts.population[$1] * counts.shares[$1] }
        var missing = false
        for band in counts.bandsInRange {
            let population = counts.population[band] * counts.shares[band]
            if population > 0 {
                bands.append(Band(events: counts.events[band], population: population, standardWeight: counts.standardWeights[band]))
            } else if counts.events[band] > 0 {
                return .withheld(.eventsWithoutPopulation, numerator: x, denominator: n)
            } else {
                missing = true
            }
        }
        guard !bands.isEmpty else { return .withheld(.noPopulation, numerator: x, denominator: n) }
        // Dropping the band would standardise to less than the whole standard population of the range.
        if missing { return .withheld(.ageBandWithoutPopulation, numerator: x, denominator: n) }
        return MethodResult(numerator: x, denominator: n, estimate: Self.estimate(bands, multiplier: counts.multiplier))
    }

    /// Dobson limits are Byar's limits of the total count, scaled: their shape names the count (not the
    /// population, which the standardisation weights hide).
    public func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered {
        .init(numerator: CountRecovery.count(value: value, lower: lower95, upper: upper95, byarsOnly: true), denominator: nil)
    }

    /// Dobson: limit = DSR + √(var/O)·(Byar(O) − O)·m; √(var/O)·m is recovered from the stored 95% upper limit.
    public func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        let x = stored.numerator
        guard let value = stored.value, x >= Self.minimumEvents, let upper95 = stored.upper95 else { return nil }
        let scale = (upper95 - value) / (PoissonLimits.byarsUpper(x, confidence: ConfidenceLevel.ninetyFive) - x)
        guard let lowerByar = PoissonLimits.byarsLower(x, confidence: confidence) else { return nil }
        return (value + scale * (lowerByar - x), value + scale * (PoissonLimits.byarsUpper(x, confidence: confidence) - x))
    }

    /// The rate of bands that each have a population.
    /// - Precondition: every band has population > 0; callers withhold a value with events in a band
    ///   without population, and drop empty bands.
    public static func estimate(_ bands: [Band], multiplier: Double = 100_000) -> IntervalEstimate {
        let observed = bands.reduce(0) { $0 + $1.events }
        guard observed >= minimumEvents else { return .withheld(.dobson, reason: .fewerThanTenEvents) }
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

/// Crude rate: events / population × multiplier, with exact Poisson limits below 10 events and Byar's at
/// 10 or more (docs/METHODS.md §3, after PHEindicatormethods' `phe_rate`).
public struct CrudeRate: IndicatorMethod {
    public init() {}

    public var statistic: Statistic { .crudeRate }
    public var counts: CountKind { .events }
    public var needsEnglandReference: Bool { false }
    public var defaultIntervalMethod: IntervalMethod { .byars }
    public var inequalityScale: SlopeIndexOfInequality.ValueType { .rate }
    public var label: String { "crude rate, Byar's limits (exact Poisson below 10 events)" }
    public var funnel: FunnelConstruction { .poissonRate(minimumEvents: 0, populationWithoutEvents: true) }
    public var publication: PublicationRule { PublicationRule(source: .computed, withheldWhen: nil) }

    public func formula(multiplier: String) -> String {
        "rate = events / population × \(multiplier); limits exact Poisson (χ²) below 10 events, Byar's at 10 or more"
    }

    public func compute(_ counts: AgeBandedCounts) -> MethodResult {
        let x = counts.totalInRange(counts.events, unknownAge: counts.unknownAgeEvents)
        let n = counts.populationInRange
        guard n > 0 else { return .withheld(.noPopulation, numerator: x, denominator: n) }
        return MethodResult(numerator: x, denominator: n, estimate: Self.estimate(events: x, population: n, multiplier: counts.multiplier))
    }

    /// Poisson limits name the count, and the count and rate name the population.
    public func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered {
        guard let count = CountRecovery.count(value: value, lower: lower95, upper: upper95, byarsOnly: false) else { return .nothing }
        return .init(
            numerator: count,
            denominator: CountRecovery.denominator(
                count: count, value: value, upper: upper95,
                multiplier: multiplier, byarsOnly: false))
    }

    public func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        guard stored.value != nil, stored.denominator > 0 else { return nil }
        let (lower, upper) = PoissonLimits.limits(stored.numerator, confidence: confidence)
        return ((lower ?? 0) / stored.denominator * stored.multiplier, upper / stored.denominator * stored.multiplier)
    }

    /// The rate and its limits; `nil` when either count is missing.
    public static func estimate(events x: Double?, population n: Double?, multiplier: Double = 100_000) -> IntervalEstimate? {
        guard let x, let n else { return nil }
        precondition(x >= 0 && n > 0, "crude rate needs x ≥ 0 and n > 0")
        return PoissonLimits.estimate(count: x, dividedBy: n, times: multiplier)
    }
}

/// Indirectly standardised rate: the indirectly standardised ratio × England's crude rate × multiplier
/// (docs/METHODS.md §7, after PHEindicatormethods' `calculate_ISRate`).
public struct IndirectlyStandardisedRate: IndicatorMethod {
    public init() {}

    public var statistic: Statistic { .isRate }
    public var counts: CountKind { .events }
    public var needsEnglandReference: Bool { true }
    public var defaultIntervalMethod: IntervalMethod { .byars }
    public var inequalityScale: SlopeIndexOfInequality.ValueType { .rate }
    public var label: String { "indirectly standardised rate, Byar's/exact limits" }
    public var funnel: FunnelConstruction { .none }
    public var publication: PublicationRule { PublicationRule(source: .computed, withheldWhen: "there are no expected events") }

    public func formula(multiplier: String) -> String {
        "rate = observed / expected × England's crude rate × \(multiplier); Poisson limits of observed"
    }

    public func compute(_ counts: AgeBandedCounts) -> MethodResult {
        IndirectStandardisation.compute(counts) { bands in Self.rate(bands, multiplier: counts.multiplier) }
    }

    /// Poisson limits of the observed count name it (the expected count also needs England's rate).
    public func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered {
        .init(numerator: CountRecovery.count(value: value, lower: lower95, upper: upper95, byarsOnly: false), denominator: nil)
    }

    public func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        IndirectStandardisation.limits(of: stored, confidence: confidence)
    }

    /// The rate O/E × the reference crude rate × `multiplier`.
    public static func rate(_ bands: [IndirectStandardisation.Band], observedTotal: Double? = nil, multiplier: Double = 100_000) -> IntervalEstimate {
        let observed = observedTotal ?? bands.reduce(0) { $0 + ($1.events ?? 0) }
        let referenceRate = bands.reduce(0) { $0 + ($1.referenceEvents ?? 0) } / bands.reduce(0) { $0 + $1.referencePopulation }
        return PoissonLimits.estimate(count: observed, dividedBy: IndirectStandardisation.expected(bands), times: referenceRate * multiplier)
    }
}

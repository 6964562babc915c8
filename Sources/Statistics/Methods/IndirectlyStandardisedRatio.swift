/// Indirectly standardised ratio: observed / expected events × multiplier (1, or 100 for an SMR-style
/// ratio), expected from England's age-specific rates; Poisson limits of the observed count
/// (docs/METHODS.md §7, after PHEindicatormethods' `calculate_ISRatio`).
public struct IndirectlyStandardisedRatio: IndicatorMethod {
    public init() {}

    public var statistic: Statistic { .isRatio }
    public var counts: CountKind { .events }
    public var needsEnglandReference: Bool { true }
    public var defaultIntervalMethod: IntervalMethod { .byars }
    public var inequalityScale: SlopeIndexOfInequality.ValueType { .rate }
    public var label: String { "indirectly standardised ratio, Byar's/exact limits" }
    public var funnel: FunnelConstruction { .none }
    public var publication: PublicationRule { PublicationRule(source: .computed, withheldWhen: "there are no expected events") }

    public func formula(multiplier: String) -> String {
        "ratio = observed / expected × \(multiplier), expected = Σ England's age-specific rate × local population; Poisson limits of observed"
    }

    public func compute(_ counts: AgeBandedCounts) -> MethodResult {
        IndirectStandardisation.compute(counts) { bands in Self.ratio(bands, referenceValue: counts.multiplier) }
    }

    /// Poisson limits of the observed count name it, and with the ratio the expected count.
    public func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered {
        guard let count = CountRecovery.count(value: value, lower: lower95, upper: upper95, byarsOnly: false) else { return .nothing }
        return .init(numerator: count, denominator: count > 0 && value > 0 ? count * multiplier / value : nil)
    }

    public func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        IndirectStandardisation.limits(of: stored, confidence: confidence)
    }

    /// The ratio O/E × `referenceValue`.
    public static func ratio(_ bands: [IndirectStandardisation.Band], observedTotal: Double? = nil, referenceValue: Double = 1) -> IntervalEstimate {
        let observed = observedTotal ?? bands.reduce(0) { $0 + ($1.events ?? 0) }
        return PoissonLimits.estimate(count: observed, dividedBy: IndirectStandardisation.expected(bands), times: referenceValue)
    }
}

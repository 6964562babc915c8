/// Proportion: numerator / denominator × multiplier with Wilson score limits (docs/METHODS.md §4,
/// after PHEindicatormethods' `phe_proportion`).
public struct Proportion: IndicatorMethod {
    public init() {}

    public var statistic: Statistic { .proportion }
    public var counts: CountKind { .numeratorAndDenominator }
    public var needsEnglandReference: Bool { false }
    public var defaultIntervalMethod: IntervalMethod { .wilson }
    public var inequalityScale: SlopeIndexOfInequality.ValueType { .proportion }
    public var label: String { "proportion, Wilson score limits" }
    public var funnel: FunnelConstruction { .proportion }
    /// Sub-national percentages are recomputed from the rounded counts, so a reader's own division agrees.
    public var publication: PublicationRule { PublicationRule(source: .roundedCounts, withheldWhen: nil) }

    public func formula(multiplier: String) -> String {
        "proportion = numerator / denominator × \(multiplier); Wilson score limits"
    }

    public func compute(_ counts: AgeBandedCounts) -> MethodResult {
        let x = counts.totalInRange(counts.events, unknownAge: counts.unknownAgeEvents)
        let n = counts.totalInRange(counts.denominators, unknownAge: counts.unknownAgeDenominators)
        guard n > 0 else { return .withheld(.noDenominator, numerator: x, denominator: n) }
        return MethodResult(numerator: x, denominator: n, estimate: Self.estimate(numerator: x, denominator: n, multiplier: counts.multiplier))
    }

    /// Published from rounded counts below England level, so nothing beyond the rounded counts is given away;
    /// England's counts are published unrounded anyway.
    public func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered {
        .nothing
    }

    public func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)? {
        guard stored.value != nil, stored.denominator > 0 else { return nil }
        let x = stored.numerator, n = stored.denominator, m = stored.multiplier
        return (WilsonLimits.lower(x, n, confidence: confidence) * m, WilsonLimits.upper(x, n, confidence: confidence) * m)
    }

    /// The proportion and its limits; `nil` when either count is missing.
    public static func estimate(numerator x: Double?, denominator n: Double?, multiplier: Double = 1) -> IntervalEstimate? {
        guard let x, let n else { return nil }
        precondition(x >= 0 && n > 0 && x <= n, "proportion needs 0 ≤ x ≤ n and n > 0")
        return IntervalEstimate(
            value: x / n * multiplier,
            lower95: WilsonLimits.lower(x, n, confidence: ConfidenceLevel.ninetyFive) * multiplier,
            upper95: WilsonLimits.upper(x, n, confidence: ConfidenceLevel.ninetyFive) * multiplier,
            lower998: WilsonLimits.lower(x, n, confidence: ConfidenceLevel.ninetyNinePointEight) * multiplier,
            upper998: WilsonLimits.upper(x, n, confidence: ConfidenceLevel.ninetyNinePointEight) * multiplier,
            method: .wilson)
    }
}

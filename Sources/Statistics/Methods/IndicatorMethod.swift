/// One way of turning counts into an indicator value: the computation and everything the later stages
/// need to know about it — limits at any confidence, its label and formula, its funnel plot and how it
/// is published. Each method is one file; ``Statistic`` lists them (docs/ARCHITECTURE.md, "Adding an
/// indicator method").
public protocol IndicatorMethod: Sendable {
    /// The registry entry this method answers to.
    var statistic: Statistic { get }
    /// What the method counts: events against a population, or a numerator and its denominator.
    var counts: CountKind { get }
    /// Whether the method standardises against England's age-specific rates (indirect standardisation),
    /// so the transform stage hands it England's counts by age band.
    var needsEnglandReference: Bool { get }
    /// The interval method recorded when no value is computed.
    var defaultIntervalMethod: IntervalMethod { get }
    /// The scale the slope index of inequality is fitted on (log for rates, logit for proportions).
    var inequalityScale: SlopeIndexOfInequality.ValueType { get }
    /// Statistic and interval method in words, as published in `method` columns and metadata.
    var label: String { get }
    /// How a comparison with England is drawn as a funnel plot, if at all.
    var funnel: FunnelConstruction { get }
    /// How a value is published under disclosure control, and when the method withholds one.
    var publication: PublicationRule { get }

    /// The formula `explain` prints, with the indicator's multiplier written in.
    func formula(multiplier: String) -> String
    /// The value, its counts and its 95%/99.8% limits for one geography × breakdown.
    func compute(_ counts: AgeBandedCounts) -> MethodResult
    /// The counts a reader recovers from a published value and its 95% limits (the disclosure audit's
    /// attacker; docs/DISCLOSURE.md).
    func recoverCounts(value: Double, lower95: Double, upper95: Double, multiplier: Double) -> CountRecovery.Recovered
    /// Limits at another confidence level (83.4% for gap tests), recomputed from a stored value exactly
    /// as ``compute(_:)`` computes its own; `nil` where the method gives none.
    func limits(of stored: StoredEstimate, confidence: Double) -> (lower: Double, upper: Double)?
}

/// What a method counts.
public enum CountKind: String, Sendable, CaseIterable {
    /// Events, against the resident population.
    case events
    /// A numerator and its own denominator (a proportion).
    case numeratorAndDenominator = "numerator_and_denominator"
}

/// What a method returns for one cell.
public struct MethodResult: Sendable, Equatable {
    public var numerator: Double
    /// The population, denominator or expected events the value divides by.
    public var denominator: Double
    public var estimate: IntervalEstimate?
    public var withheld: WithheldReason?

    public init(numerator: Double, denominator: Double, estimate: IntervalEstimate?, withheld: WithheldReason? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.estimate = estimate
        self.withheld = withheld ?? estimate?.withheld
    }

    /// No value, for a stated reason.
    public static func withheld(_ reason: WithheldReason, numerator: Double, denominator: Double) -> MethodResult {
        MethodResult(numerator: numerator, denominator: denominator, estimate: nil, withheld: reason)
    }
}

/// An indicator value as stored, enough to recompute its limits at another confidence level.
public struct StoredEstimate: Sendable {
    public var numerator: Double
    public var denominator: Double
    public var value: Double?
    public var upper95: Double?
    public var multiplier: Double

    public init(numerator: Double, denominator: Double, value: Double?, upper95: Double?, multiplier: Double) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.upper95 = upper95
        self.multiplier = multiplier
    }
}

/// How a method's values are published (docs/METHODS.md §8).
public struct PublicationRule: Sendable, Equatable {
    /// Where a sub-national published value comes from.
    public enum Source: String, Sendable, CaseIterable {
        /// The value as computed from unrounded counts (its limits cannot be inverted to a rounded count).
        case computed
        /// Recomputed from the published (rounded) counts, so value and counts agree (percentages).
        case roundedCounts = "rounded_counts"
    }

    public var source: Source
    /// When the method itself gives no value, in words; `nil` when it always gives one.
    public var withheldWhen: String?

    public init(source: Source, withheldWhen: String?) {
        self.source = source
        self.withheldWhen = withheldWhen
    }
}

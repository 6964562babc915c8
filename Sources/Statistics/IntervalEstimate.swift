/// How a confidence interval was computed; stored beside every value.
public enum IntervalMethod: String, Sendable, Codable {
    /// Exact Poisson (chi-square) limits, used below 10 events.
    case exact = "Exact"
    /// Byar's approximation, at 10 events or more.
    case byars = "Byars"
    /// Wilson score interval for proportions.
    case wilson = "Wilson"
    /// Dobson's method with Byar's limits, for directly standardised rates.
    case dobson = "Dobson"
    /// The limits a source published with a value it gives without counts (docs/METHODS.md, "Values without counts").
    case published = "Published"
}

/// A statistic with its 95% and 99.8% limits (docs/METHODS.md §1: both levels from every method).
public struct IntervalEstimate: Sendable, Equatable {
    public var value: Double?
    public var lower95: Double?
    public var upper95: Double?
    public var lower998: Double?
    public var upper998: Double?
    public var method: IntervalMethod
    /// Why the value is withheld (e.g. a DSR with fewer than 10 events), if it is.
    public var withheld: WithheldReason?

    public init(
        value: Double?, lower95: Double?, upper95: Double?, lower998: Double?, upper998: Double?,
        method: IntervalMethod, withheld: WithheldReason? = nil
    ) {
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
        self.method = method
        self.withheld = withheld
    }

    /// A withheld estimate: no value, no limits, and the reason.
    public static func withheld(_ method: IntervalMethod, reason: WithheldReason) -> IntervalEstimate {
        IntervalEstimate(value: nil, lower95: nil, upper95: nil, lower998: nil, upper998: nil, method: method, withheld: reason)
    }
}

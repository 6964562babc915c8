/// How a method's values are placed on a funnel plot against England (docs/METHODS.md §10).
public enum FunnelConstruction: Sendable, Equatable {
    /// Normal approximation to the binomial around England's proportion.
    case proportion
    /// Poisson limits around England's rate, at each value's (derived) denominator.
    /// - minimumEvents: below this many events the value is not placed (a DSR's 10).
    /// - populationWithoutEvents: with no events, the value's own population is its denominator
    ///   (a crude rate); otherwise the denominator is derived from events and value and needs events.
    case poissonRate(minimumEvents: Double, populationWithoutEvents: Bool)
    /// No funnel (e.g. indirectly standardised ratios, whose benchmark is 1 by construction).
    case none
}

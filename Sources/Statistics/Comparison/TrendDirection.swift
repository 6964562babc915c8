/// A value's change since the baseline period, by polarity (docs/METHODS.md §11).
public enum TrendDirection: String, Sendable, CaseIterable, Codable {
    case improving, worsening
    /// Significant change of an indicator without polarity.
    case increasing, decreasing
    case noChange = "no_change"
    /// A value or its baseline is missing.
    case notCompared = "not_compared"

    /// From a change interval: a direction when it excludes 0.
    public init(_ change: ChangeInterval, polarity: Polarity) {
        let side = IntervalSide.of(lower: change.lower, upper: change.upper, benchmark: 0)
        switch polarity.judge(side) {
        case .better: self = .improving
        case .worse: self = .worsening
        case .higher: self = .increasing
        case .lower: self = .decreasing
        case .similar, .notCompared: self = .noChange
        }
    }
}

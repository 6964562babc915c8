/// The change of a slope index of inequality since the baseline (positive SII = disadvantage to the most
/// deprived), when its interval excludes 0 (docs/METHODS.md §11).
public enum GapDirection: String, Sendable, CaseIterable, Codable {
    case widening, narrowing
    case noChange = "no_change"

    public init(_ change: ChangeInterval) {
        switch IntervalSide.of(lower: change.lower, upper: change.upper, benchmark: 0) {
        case .higher: self = .widening
        case .lower: self = .narrowing
        case .similar: self = .noChange
        }
    }
}

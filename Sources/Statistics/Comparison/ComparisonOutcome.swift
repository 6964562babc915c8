/// A value against a benchmark at one confidence level (docs/METHODS.md §10).
public enum ComparisonOutcome: String, Sendable, CaseIterable, Codable {
    case better, similar, worse
    /// Significantly different, for an indicator without polarity.
    case higher, lower
    case notCompared = "not_compared"

    /// An interval against a benchmark, judged by polarity; `notCompared` when either is missing.
    public static func of(lower: Double?, upper: Double?, benchmark: Double?, polarity: Polarity) -> ComparisonOutcome {
        guard let lower, let upper, let benchmark else { return .notCompared }
        return polarity.judge(IntervalSide.of(lower: lower, upper: upper, benchmark: benchmark))
    }

    /// Whether the value differs significantly from its benchmark.
    public var isSignificant: Bool {
        switch self {
        case .better, .worse, .higher, .lower: true
        case .similar, .notCompared: false
        }
    }
}

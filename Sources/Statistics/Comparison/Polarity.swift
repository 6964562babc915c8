/// Which direction of an indicator is good; decides better/worse, trend directions and the sign of the
/// slope index of inequality (docs/METHODS.md §9–§11).
public enum Polarity: String, Sendable, CaseIterable, Codable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
    case none

    /// The judgement of a value that is significantly higher or lower than its benchmark:
    /// better/worse with a polarity, higher/lower without one.
    public func judge(_ side: IntervalSide) -> ComparisonOutcome {
        switch (side, self) {
        case (.similar, _): .similar
        case (.higher, .higherIsBetter), (.lower, .lowerIsBetter): .better
        case (.higher, .lowerIsBetter), (.lower, .higherIsBetter): .worse
        case (.higher, .none): .higher
        case (.lower, .none): .lower
        }
    }
}

/// Where a confidence interval lies against a benchmark value.
public enum IntervalSide: String, Sendable, CaseIterable, Codable {
    case higher, similar, lower

    /// `higher` when the interval is wholly above the benchmark, `lower` when wholly below.
    public static func of(lower: Double, upper: Double, benchmark: Double) -> IntervalSide {
        lower > benchmark ? .higher : upper < benchmark ? .lower : .similar
    }
}

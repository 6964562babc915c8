/// The difference of two independent estimates with its confidence interval by MOVER (Newcombe), which
/// reuses each estimate's own, possibly asymmetric, limits (docs/METHODS.md §11).
public struct ChangeInterval: Sendable, Equatable {
    public var change: Double
    public var lower: Double
    public var upper: Double

    public init(change: Double, lower: Double, upper: Double) {
        self.change = change
        self.lower = lower
        self.upper = upper
    }

    /// Latest minus baseline, each given as value with 95% limits.
    public static func difference(
        latest: (value: Double, lower: Double, upper: Double),
        baseline: (value: Double, lower: Double, upper: Double)
    ) -> ChangeInterval {
        let change = latest.value - baseline.value
        let lower =
            change
            - ((latest.value - latest.lower) * (latest.value - latest.lower)
            + (baseline.upper - baseline.value) * (baseline.upper - baseline.value)).squareRoot()
        let upper =
            change
            + ((latest.upper - latest.value) * (latest.upper - latest.value)
            + (baseline.value - baseline.lower) * (baseline.value - baseline.lower)).squareRoot()
        return ChangeInterval(change: change, lower: lower, upper: upper)
    }
}

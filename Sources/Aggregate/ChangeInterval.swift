/// Confidence interval of the difference of two independent estimates by MOVER (Newcombe):
/// it reuses each estimate's own (possibly asymmetric) limits (domain.md §3.3).
enum ChangeInterval {
    static func difference(latest: (value: Double, lower: Double, upper: Double),
                           baseline: (value: Double, lower: Double, upper: Double)) -> (change: Double, lower: Double, upper: Double) {
        let change = latest.value - baseline.value
        let lower = change - ((latest.value - latest.lower) * (latest.value - latest.lower)
                              + (baseline.upper - baseline.value) * (baseline.upper - baseline.value)).squareRoot()
        let upper = change + ((latest.upper - latest.value) * (latest.upper - latest.value)
                              + (baseline.value - baseline.lower) * (baseline.value - baseline.lower)).squareRoot()
        return (change, lower, upper)
    }
}

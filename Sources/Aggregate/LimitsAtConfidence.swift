import Transform

/// Recomputes an indicator value's limits at another confidence level (83.4% for gap tests)
/// from its numerator, denominator and method, exactly as the transform stage computed them.
enum LimitsAtConfidence {
    static func limits(_ row: IndicatorValue, confidence: Double) -> (lower: Double, upper: Double)? {
        guard let value = row.value else { return nil }
        let x = row.numerator, n = row.denominator, m = row.multiplier
        switch row.statistic {
        case "proportion":
            guard n > 0 else { return nil }
            return (WilsonLimits.lower(x, n, confidence: confidence) * m, WilsonLimits.upper(x, n, confidence: confidence) * m)
        case "crude_rate":
            guard n > 0 else { return nil }
            let (lower, upper) = PoissonLimits.limits(x, confidence: confidence)
            return ((lower ?? 0) / n * m, upper / n * m)
        case "dsr":
            // Dobson: limit = DSR + √(var/O)·(Byar(O) − O)·m; recover √(var/O)·m from the 95% upper limit.
            guard x >= 10, let upper95 = row.upper95 else { return nil }
            let scale = (upper95 - value) / (PoissonLimits.byarsUpper(x, confidence: 0.95) - x)
            guard let lowerByar = PoissonLimits.byarsLower(x, confidence: confidence) else { return nil }
            return (value + scale * (lowerByar - x), value + scale * (PoissonLimits.byarsUpper(x, confidence: confidence) - x))
        default:
            // ISR: limits are PoissonLimit(O) × value / O.
            guard x > 0 else { return nil }
            let (lower, upper) = PoissonLimits.limits(x, confidence: confidence)
            return ((lower ?? 0) * value / x, upper * value / x)
        }
    }
}

/// Confidence limits for a Poisson count: exact (χ²) and Byar's approximation (docs/METHODS.md §2).
public enum PoissonLimits {
    /// Byar's lower limit; `nil` where it is undefined (O = 0) or negative (tiny O at high confidence).
    public static func byarsLower(_ observed: Double, confidence: Double) -> Double? {
        let z = Distribution.z(confidence: confidence)
        let value = observed * pow(1 - 1 / (9 * observed) - z / (3 * observed.squareRoot()), 3)
        return value.isFinite && value >= 0 ? value : nil
    }

    /// Byar's upper limit.
    public static func byarsUpper(_ observed: Double, confidence: Double) -> Double {
        let z = Distribution.z(confidence: confidence)
        return (observed + 1) * pow(1 - 1 / (9 * (observed + 1)) + z / (3 * (observed + 1).squareRoot()), 3)
    }

    /// Exact lower limit: χ²((1−c)/2, 2O)/2, and 0 when O = 0.
    public static func exactLower(_ observed: Double, confidence: Double) -> Double {
        Distribution.chiSquareQuantile((1 - confidence) / 2, degreesOfFreedom: 2 * observed) / 2
    }

    /// Exact upper limit: χ²(c + (1−c)/2, 2O + 2)/2.
    public static func exactUpper(_ observed: Double, confidence: Double) -> Double {
        Distribution.chiSquareQuantile(confidence + (1 - confidence) / 2, degreesOfFreedom: 2 * observed + 2) / 2
    }

    /// Exact below 10 events, Byar's at 10 or more (the test is `count < 10` on the raw count).
    public static func method(for observed: Double) -> IntervalMethod {
        observed < 10 ? .exact : .byars
    }

    /// `count / divisor × scale` with the count's Poisson limits at 95% and 99.8%, scaled the same way
    /// (a crude rate: divisor = population; an ISR: divisor = expected events).
    public static func estimate(count: Double, dividedBy divisor: Double, times scale: Double) -> IntervalEstimate {
        let (lower95, upper95) = limits(count, confidence: ConfidenceLevel.ninetyFive)
        let (lower998, upper998) = limits(count, confidence: ConfidenceLevel.ninetyNinePointEight)
        return IntervalEstimate(
            value: count / divisor * scale,
            lower95: lower95.map { $0 / divisor * scale }, upper95: upper95 / divisor * scale,
            lower998: lower998.map { $0 / divisor * scale }, upper998: upper998 / divisor * scale,
            method: method(for: count))
    }

    /// Lower and upper limits of the count by the method the count calls for.
    public static func limits(_ observed: Double, confidence: Double) -> (lower: Double?, upper: Double) {
        if observed < 10 {
            return (exactLower(observed, confidence: confidence), exactUpper(observed, confidence: confidence))
        }
        return (byarsLower(observed, confidence: confidence), byarsUpper(observed, confidence: confidence))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

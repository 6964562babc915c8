import Foundation

/// Slope and relative index of inequality (docs/METHODS.md §9, after PHEindicatormethods' `phe_sii`).
///
/// Weighted least squares of quantile values on the mid-point of each quantile's cumulative
/// population share (x = 0 most deprived, 1 least). Confidence limits by the exact closed form
/// where it exists (type 0, or transform = true) and otherwise by a seeded Monte Carlo simulation.
public struct SlopeIndexOfInequality: Sendable {
    /// The scale the regression and its uncertainty live on.
    public enum ValueType: Int, Sendable, CaseIterable {
        /// Identity (e.g. life expectancy).
        case other = 0
        /// Log (rates).
        case rate = 1
        /// Logit (proportions, 0–1).
        case proportion = 2

        func forward(_ v: Double) -> Double {
            switch self {
            case .other: v
            case .rate: log(v)
            case .proportion: log(v / (1 - v))
            }
        }

        func inverse(_ v: Double) -> Double {
            switch self {
            case .other: v
            case .rate: exp(v)
            case .proportion: 1 / (1 + exp(-v))
            }
        }
    }

    /// One quantile: population, value, and an SE on the transformed scale.
    public struct Quantile: Sendable, Equatable {
        public var population: Double
        public var value: Double
        public var standardError: Double

        public init(population: Double, value: Double, standardError: Double) {
            self.population = population
            self.value = value
            self.standardError = standardError
        }

        /// SE from 95% limits: (g(UCL) − g(LCL)) / (2 · z), z = Φ⁻¹(0.975) computed as the package does
        /// (`qnorm(0.975)`), never typed in rounded (docs/METHODS.md §9).
        public init(population: Double, value: Double, lower95: Double, upper95: Double, type: ValueType) {
            self.init(
                population: population, value: value,
                standardError: (type.forward(upper95) - type.forward(lower95)) / (2 * Distribution.z(confidence: ConfidenceLevel.ninetyFive)))
        }
    }

    public var valueType: ValueType
    public var transform: Bool
    /// Scales the SII; a negative multiplier flips polarity (and inverts the RII).
    public var multiplier: Double

    public init(valueType: ValueType, transform: Bool, multiplier: Double = 1) {
        precondition(!transform || valueType != .other, "transform needs a rate or proportion")
        self.valueType = valueType
        self.transform = transform
        self.multiplier = multiplier
    }

    /// Point estimates.
    public struct Point: Sendable, Equatable {
        public var sii: Double
        public var rii: Double
        public var intercept: Double
        /// β₀ and β₁ of the fit (on the transformed scale when `transform`).
        public var beta0: Double
        public var beta1: Double
    }

    /// Limits at one confidence level.
    public struct Limits: Sendable, Equatable {
        public var siiLower: Double
        public var siiUpper: Double
        public var riiLower: Double?
        public var riiUpper: Double?
    }

    // MARK: - Fit

    /// Mid-point x positions from populations (in quantile order, most deprived first).
    public static func positions(_ populations: [Double]) -> [Double] {
        let total = populations.reduce(0, +)
        var cumulative = 0.0
        return populations.map { population in
            let share = population / total
            defer { cumulative += share }
            return cumulative + share / 2
        }
    }

    /// β and the second row of (XᵀX)⁻¹Xᵀ·diag(√a) for x positions `b` and weights `a` (shares).
    static func fit(_ y: [Double], b: [Double], a: [Double]) -> (beta0: Double, beta1: Double, h: [Double]) {
        // X = [√a, b√a]; XᵀX = [[Σa, Σab], [Σab, Σab²]].
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, t0 = 0.0, t1 = 0.0
        for j in y.indices {
            s0 += a[j]; s1 += a[j] * b[j]; s2 += a[j] * b[j] * b[j]
            t0 += a[j] * y[j]; t1 += a[j] * b[j] * y[j]
        }
        let det = s0 * s2 - s1 * s1
        let beta0 = (s2 * t0 - s1 * t1) / det
        let beta1 = (s0 * t1 - s1 * t0) / det
        // Row 2 of (XᵀX)⁻¹Xᵀ is (−s1·√a + s0·b√a)/det; times diag(√a) gives a(s0·b − s1)/det.
        let h = y.indices.map { a[$0] * (s0 * b[$0] - s1) / det }
        return (beta0, beta1, h)
    }

    /// Point estimates for `quantiles` at x positions `positions` (default: their own populations).
    public func point(_ quantiles: [Quantile], positions: [Double]? = nil) -> Point {
        let (b, a) = design(quantiles, positions: positions)
        let y = quantiles.map { transform ? valueType.forward($0.value) : $0.value }
        let (beta0, beta1, _) = Self.fit(y, b: b, a: a)
        return point(beta0: beta0, beta1: beta1)
    }

    func point(beta0: Double, beta1: Double) -> Point {
        if transform {
            let top = valueType.inverse(beta0 + beta1), bottom = valueType.inverse(beta0)
            var rii = top / bottom
            if multiplier < 0 { rii = 1 / rii }
            return Point(sii: (top - bottom) * multiplier, rii: rii, intercept: bottom * abs(multiplier), beta0: beta0, beta1: beta1)
        }
        var rii = (beta0 + beta1) / beta0
        if multiplier < 0 { rii = 1 / rii }
        return Point(sii: multiplier * beta1, rii: rii, intercept: beta0, beta0: beta0, beta1: beta1)
    }

    func design(_ quantiles: [Quantile], positions: [Double]?) -> (b: [Double], a: [Double]) {
        let total = quantiles.reduce(0) { $0 + $1.population }
        let a = quantiles.map { $0.population / total }
        return (positions ?? Self.positions(quantiles.map(\.population)), a)
    }

    /// Whether the closed form is exact for this configuration.
    public var hasClosedForm: Bool { transform || valueType == .other }

    /// Exact limits from the normal distribution of β₁ (transform, or type 0).
    public func closedFormLimits(_ quantiles: [Quantile], positions: [Double]? = nil, confidence: Double) -> Limits {
        precondition(hasClosedForm)
        let (b, a) = design(quantiles, positions: positions)
        let y = quantiles.map { transform ? valueType.forward($0.value) : $0.value }
        let (beta0, beta1, h) = Self.fit(y, b: b, a: a)
        let sd = zip(h, quantiles).reduce(0) { $0 + pow($1.0 * $1.1.standardError, 2) }.squareRoot()
        let z = Distribution.z(confidence: confidence)
        return limits(beta0: beta0, beta1: beta1, slopeLow: beta1 - z * sd, slopeHigh: beta1 + z * sd, riiDraws: nil, confidence: confidence)
    }

    /// Limits by simulation: `repetitions` draws of every quantile on the transformed scale (seeded).
    public func simulatedLimits(
        _ quantiles: [Quantile], positions: [Double]? = nil, confidence: Double,
        repetitions: Int = 10_000, seed: UInt64
    ) -> Limits {
        precondition(repetitions >= 1000, "at least 1000 repetitions")
        let (b, a) = design(quantiles, positions: positions)
        let y = quantiles.map { valueType.forward($0.value) }
        let (beta0, beta1, _) = Self.fit(transform ? y : quantiles.map(\.value), b: b, a: a)
        var random = SeededRandom(seed: seed)
        var slopes = [Double](), siis = [Double](), riis = [Double]()
        slopes.reserveCapacity(repetitions)
        var draw = [Double](repeating: 0, count: y.count)
        for _ in 0..<repetitions {
            for j in y.indices {
                let sample = y[j] + quantiles[j].standardError * random.pairedNormal()
                draw[j] = transform ? sample : valueType.inverse(sample)
            }
            let fit = Self.fit(draw, b: b, a: a)
            if transform {
                slopes.append(fit.beta1)
            } else {
                siis.append(multiplier * fit.beta1)
                var rii = (fit.beta0 + fit.beta1) / fit.beta0
                if multiplier < 0 { rii = 1 / rii }
                riis.append(rii)
            }
        }
        if transform {
            let (low, high) = Self.percentiles(slopes, confidence: confidence)
            return limits(beta0: beta0, beta1: beta1, slopeLow: low, slopeHigh: high, riiDraws: nil, confidence: confidence)
        }
        let (siiLow, siiHigh) = Self.percentiles(siis, confidence: confidence)
        let (riiLow, riiHigh) = Self.percentiles(riis, confidence: confidence)
        return Limits(siiLower: siiLow, siiUpper: siiHigh, riiLower: riiLow, riiUpper: riiHigh)
    }

    /// Order statistics at round(R(1−c)/2) and round(R(1+c)/2), 1-based, rounding halves to even (as R does).
    static func percentiles(_ values: [Double], confidence: Double) -> (Double, Double) {
        let sorted = values.sorted()
        let count = Double(sorted.count)
        let low = Int((count * (1 - confidence) / 2).rounded(.toNearestOrEven))
        let high = Int((count * (1 + confidence) / 2).rounded(.toNearestOrEven))
        return (sorted[max(0, low - 1)], sorted[min(sorted.count - 1, high - 1)])
    }

    func limits(beta0: Double, beta1: Double, slopeLow: Double, slopeHigh: Double, riiDraws: [Double]?, confidence: Double) -> Limits {
        if !transform {
            let low = multiplier * slopeLow, high = multiplier * slopeHigh
            return Limits(siiLower: min(low, high), siiUpper: max(low, high), riiLower: nil, riiUpper: nil)
        }
        // Around the mid-point M = β₀ + β₁/2 (docs/METHODS.md §9).
        let middle = beta0 + beta1 / 2
        func sii(_ s: Double) -> Double { (valueType.inverse(middle + s / 2) - valueType.inverse(middle - s / 2)) * multiplier }
        func rii(_ s: Double) -> Double { valueType.inverse(middle + s / 2) / valueType.inverse(middle - s / 2) }
        if multiplier < 0 {
            return Limits(siiLower: sii(slopeHigh), siiUpper: sii(slopeLow), riiLower: 1 / rii(slopeHigh), riiUpper: 1 / rii(slopeLow))
        }
        return Limits(siiLower: sii(slopeLow), siiUpper: sii(slopeHigh), riiLower: rii(slopeLow), riiUpper: rii(slopeHigh))
    }
}

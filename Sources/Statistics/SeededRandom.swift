import Foundation

/// SplitMix64: a small, fast, seedable generator, so synthetic samples and simulated SII limits are
/// identical on every machine for the same seed.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    private var spare: Double?

    public init(seed: UInt64) { state = seed }

    /// A generator for one cell, independent of the order cells are generated in.
    public init(seed: UInt64, _ parts: Int...) {
        var mixed = seed
        for part in parts {
            mixed = SeededRandom.mix(mixed ^ (UInt64(bitPattern: Int64(part)) &* 0x9E37_79B9_7F4A_7C15))
        }
        state = mixed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// Standard normal (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Standard normal using both Box–Muller variates (half the uniforms per draw); a different stream
    /// from ``normal()``, which the committed samples depend on.
    public mutating func pairedNormal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        let radius = (-2 * log(uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spare = radius * sin(angle)
        return radius * cos(angle)
    }

    /// Poisson(λ): inversion below 30, normal approximation above (adequate for synthetic data).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda < 30 {
            let limit = exp(-lambda)
            var product = uniform()
            var count = 0
            while product > limit {
                product *= uniform()
                count += 1
            }
            return count
        }
        return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }

    /// Binomial(n, p): Bernoulli sums below 40 trials, normal approximation above.
    public mutating func binomial(_ n: Int, _ p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        if n < 40 {
            var successes = 0
            for _ in 0..<n where uniform() < p { successes += 1 }
            return successes
        }
        let mean = Double(n) * p
        let sd = (mean * (1 - p)).squareRoot()
        return min(n, max(0, Int((mean + sd * normal()).rounded())))
    }
}

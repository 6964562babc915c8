import CRmath

/// Distribution quantiles from R's standalone maths library (Debian `r-mathlib`): the same
/// numerical code PHEindicatormethods runs on, so limits agree with it to the last digits
/// (docs/METHODS.md §1).
public enum Distribution {
    /// Standard normal quantile Φ⁻¹(p).
    public static func normalQuantile(_ p: Double) -> Double {
        rmath_qnorm(p, 0, 1, 1, 0)
    }

    /// Chi-square quantile; 0 for zero degrees of freedom (as R returns).
    public static func chiSquareQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        rmath_qchisq(p, degreesOfFreedom, 1, 0)
    }

    /// P(X ≤ count) for X ~ Poisson(mean), continuous in `count` (the regularised upper incomplete gamma
    /// Q(count + 1, mean), which equals the Poisson tail at whole counts).
    public static func poissonAtMost(_ count: Double, mean: Double) -> Double {
        rmath_pgamma(mean, count + 1, 1, 0, 0)
    }

    /// P(X ≥ count) for X ~ Poisson(mean), continuous in `count` (P(Gamma(count) ≤ mean)); 1 at count 0.
    public static func poissonAtLeast(_ count: Double, mean: Double) -> Double {
        count <= 0 ? 1 : rmath_pgamma(mean, count, 1, 1, 0)
    }

    /// Two-sided critical value for a confidence level, computed as PHEindicatormethods does:
    /// `qnorm(c + (1 - c) / 2)`, about 1.96 at 95% and 3.09 at 99.8% — always computed, never typed in.
    public static func z(confidence: Double) -> Double {
        normalQuantile(confidence + (1 - confidence) / 2)
    }
}

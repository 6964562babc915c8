import Foundation

/// Spiegelhalter's random-effects adjustment of funnel limits for overdispersion (docs/METHODS.md §10),
/// as FunnelPlotR and CQC's monitoring use it: when areas vary around the target more than chance allows,
/// the between-area variance τ² is estimated from winsorised z-scores and added to each area's own.
///
/// Values are compared on a variance-stabilising scale: arcsine of the square root for a proportion
/// (standard error 1/(2√n)), square root of the rate for a Poisson rate (1/(2√D) at denominator D).
public enum Overdispersion {
    /// The value on the comparison scale and its standard error at `denominator`.
    static func transformed(_ construction: FunnelConstruction, value: Double, denominator: Double, multiplier m: Double) -> (y: Double, se: Double)? {
        guard denominator > 0, value.isFinite else { return nil }
        switch construction {
        case .none:
            return nil
        case .proportion:
            let p = min(max(value / m, 0), 1)
            return (asin(p.squareRoot()), 1 / (2 * denominator.squareRoot()))
        case .poissonRate:
            return ((max(value, 0) / m).squareRoot(), 1 / (2 * denominator.squareRoot()))
        }
    }

    /// A value on the comparison scale back in the indicator's unit.
    static func untransformed(_ construction: FunnelConstruction, _ y: Double, multiplier m: Double) -> Double {
        switch construction {
        case .none: return .nan
        case .proportion: return pow(sin(min(max(y, 0), .pi / 2)), 2) * m
        case .poissonRate: return pow(max(y, 0), 2) * m
        }
    }

    /// φ (the dispersion ratio of the winsorised z-scores) and τ² (0 when φ shows no overdispersion).
    /// - Parameters: `areas`: each area's value (in the unit) and its funnel denominator; `winsorise`: the
    ///   share of z-scores pulled in at each tail (0.1 = to the 10th and 90th percentiles).
    public static func estimate(
        _ construction: FunnelConstruction, englandValue: Double, multiplier: Double, areas: [(value: Double, denominator: Double)], winsorise: Double
    ) -> (phi: Double, tau2: Double)? {
        guard let target = transformed(construction, value: englandValue, denominator: 1, multiplier: multiplier)?.y else { return nil }
        let points = areas.compactMap { transformed(construction, value: $0.value, denominator: $0.denominator, multiplier: multiplier) }
        guard points.count >= 3 else { return nil }
        let z = points.map { ($0.y - target) / $0.se }
        let sorted = z.sorted()
        let low = quantile(sorted, winsorise), high = quantile(sorted, 1 - winsorise)
        let n = Double(z.count)
        let phi = z.reduce(0) { $0 + pow(min(max($1, low), high), 2) } / n
        let weights = points.map { 1 / ($0.se * $0.se) }
        let sum = weights.reduce(0, +), sumSquares = weights.reduce(0) { $0 + $1 * $1 }
        let tau2 = max(0, (n * phi - (n - 1)) / (sum - sumSquares / sum))
        return (phi, tau2)
    }

    /// The limits at `denominator` widened by τ²: target ± z·√(se² + τ²) on the comparison scale.
    static func limits(
        _ construction: FunnelConstruction, englandValue: Double, denominator: Double, multiplier: Double, tau2: Double
    ) -> (limits95: (Double, Double), limits998: (Double, Double))? {
        guard let target = transformed(construction, value: englandValue, denominator: denominator, multiplier: multiplier) else { return nil }
        func at(_ p: Double) -> (Double, Double) {
            let half = Distribution.normalQuantile(p) * (target.se * target.se + tau2).squareRoot()
            return (
                untransformed(construction, target.y - half, multiplier: multiplier), untransformed(construction, target.y + half, multiplier: multiplier)
            )
        }
        return (at(0.975), at(0.999))
    }

    /// The type-7 (linear interpolation) quantile of sorted values, R's default.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), fraction = position - Double(lower)
        return lower + 1 < sorted.count ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]) : sorted[lower]
    }
}

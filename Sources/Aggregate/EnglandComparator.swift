import PipelineCore
import Transform

/// Compares an area's value with England's: Fingertips' two-level overlap test (95% and 99.8%,
/// England as a fixed benchmark) and funnel-plot significance (methods.md §10).
struct EnglandComparator {
    struct Result {
        var compare95: String
        var compare998: String
        var comparison: String
        var funnelBand: String
        var funnel95: (Double, Double)?
        var funnel998: (Double, Double)?
    }

    /// better/worse by polarity, or higher/lower without one.
    static func direction(_ value: Double, england: Double, polarity: IndicatorConfig.Polarity) -> String {
        let higher = value > england
        switch polarity {
        case .higherIsBetter: return higher ? "better" : "worse"
        case .lowerIsBetter: return higher ? "worse" : "better"
        case .none: return higher ? "higher" : "lower"
        }
    }

    func compare(_ row: IndicatorValue, england: IndicatorValue, definition: IndicatorDefinition) -> Result {
        guard let value = row.value, let benchmark = england.value else {
            return Result(compare95: "not_compared", compare998: "not_compared", comparison: "not_compared", funnelBand: "not_applicable")
        }
        func level(_ lower: Double?, _ upper: Double?) -> String {
            guard let upper else { return "not_compared" }
            if (lower ?? 0) <= benchmark && benchmark <= upper { return "similar" }
            return Self.direction(value, england: benchmark, polarity: definition.polarity)
        }
        let at95 = level(row.lower95, row.upper95)
        let at998 = level(row.lower998, row.upper998)
        let comparison = at998 != "similar" && at998 != "not_compared" ? "\(at998)_998"
            : at95 != "similar" && at95 != "not_compared" ? "\(at95)_95" : at95
        var result = Result(compare95: at95, compare998: at998, comparison: comparison, funnelBand: "not_applicable")
        funnel(row, england: england, definition: definition, into: &result)
        return result
    }

    private func funnel(_ row: IndicatorValue, england: IndicatorValue, definition: IndicatorDefinition, into result: inout Result) {
        let m = definition.multiplier
        let z95 = Distribution.normalQuantile(0.975), z998 = Distribution.normalQuantile(0.999)
        switch definition.statistic {
        case "proportion":
            guard row.denominator > 0, england.denominator > 0 else { return }
            let average = england.numerator / england.denominator
            let p = row.numerator / row.denominator
            func limits(_ z: Double) -> (Double, Double) {
                let half = z * (average * (1 - average) / row.denominator).squareRoot()
                return (max(0, average - half), min(1, average + half))
            }
            let l95 = limits(z95), l998 = limits(z998)
            result.funnel95 = (l95.0 * m, l95.1 * m)
            result.funnel998 = (l998.0 * m, l998.1 * m)
            result.funnelBand = p < l998.0 ? "low_998" : p < l95.0 ? "low_95" : p > l998.1 ? "high_998" : p > l95.1 ? "high_95" : "within"
        case "dsr", "crude_rate":
            let observed = row.numerator
            if definition.statistic == "dsr" && observed < 10 { result.funnelBand = "not_applicable"; return }
            guard let rate = row.value, let englandRate = england.value, englandRate > 0 else { return }
            // Derived denominators D = multiplier · O / rate; the average is ΣO/ΣD (England's).
            let denominator = observed > 0 && rate > 0 ? m * observed / rate : (definition.statistic == "crude_rate" ? row.denominator : 0)
            guard denominator > 0 else { return }
            let average = englandRate / m
            let (low998, high998) = PoissonLimits.limits(observed, confidence: 0.998)
            let (low95, high95) = PoissonLimits.limits(observed, confidence: 0.95)
            let band: String
            if (low998 ?? 0) / denominator > average { band = "high_998" }
            else if (low95 ?? 0) / denominator > average { band = "high_95" }
            else if high998 / denominator < average { band = "low_998" }
            else if high95 / denominator < average { band = "low_95" }
            else { band = "within" }
            result.funnelBand = band
            // Control limits at this point's denominator: exact Poisson limits of the expected count.
            let expected = average * denominator
            func limits(_ tail: Double) -> (Double, Double) {
                (Distribution.chiSquareQuantile(tail, degreesOfFreedom: 2 * expected) / 2 / denominator * m,
                 Distribution.chiSquareQuantile(1 - tail, degreesOfFreedom: 2 * expected + 2) / 2 / denominator * m)
            }
            result.funnel95 = limits(0.025)
            result.funnel998 = limits(0.001)
        default:
            return
        }
    }
}

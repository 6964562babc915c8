import PipelineCore

/// Change of a value (and of the SII) against the baseline period, with direction by polarity.
struct TrendCalculator {
    struct Result {
        var change: (change: Double, lower: Double, upper: Double)?
        var relativeChange: Double?
        var direction: String
    }

    func change(latest: IndicatorValue?, baseline: IndicatorValue?, polarity: IndicatorConfig.Polarity) -> Result {
        guard let latest, let baseline, let v1 = latest.value, let l1 = latest.lower95, let u1 = latest.upper95,
              let v0 = baseline.value, let l0 = baseline.lower95, let u0 = baseline.upper95 else {
            return Result(change: nil, relativeChange: nil, direction: "not_compared")
        }
        let interval = ChangeInterval.difference(latest: (v1, l1, u1), baseline: (v0, l0, u0))
        return Result(change: interval, relativeChange: v0 != 0 ? interval.change / v0 : nil,
                      direction: Self.direction(interval, polarity: polarity))
    }

    /// improving/worsening by polarity (increasing/decreasing without one) when the interval excludes 0.
    static func direction(_ interval: (change: Double, lower: Double, upper: Double), polarity: IndicatorConfig.Polarity) -> String {
        guard interval.lower > 0 || interval.upper < 0 else { return "no_change" }
        let up = interval.lower > 0
        switch polarity {
        case .higherIsBetter: return up ? "improving" : "worsening"
        case .lowerIsBetter: return up ? "worsening" : "improving"
        case .none: return up ? "increasing" : "decreasing"
        }
    }

    /// Change in SII (positive SII = disadvantage to the most deprived): widening, narrowing or no change.
    static func gapDirection(_ interval: (change: Double, lower: Double, upper: Double)) -> String {
        interval.lower > 0 ? "widening" : interval.upper < 0 ? "narrowing" : "no_change"
    }
}

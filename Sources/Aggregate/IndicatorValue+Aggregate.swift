import Checkpoints
import PipelineCore
import Statistics

extension IndicatorValue {
    /// The row's key.
    var key: IndicatorValues.Key {
        IndicatorValues.Key(indicator: indicator, period: period, level: level, code: code, type: breakdown, index: breakdownIndex)
    }

    /// What a method needs to recompute limits at another confidence level.
    var stored: StoredEstimate {
        StoredEstimate(numerator: numerator, denominator: denominator, value: value, upper95: upper95, multiplier: multiplier)
    }

    /// Value with its 95% limits, when it has all three.
    var withLimits: (value: Double, lower: Double, upper: Double)? {
        guard let value, let lower95, let upper95 else { return nil }
        return (value, lower95, upper95)
    }
}

import Checkpoints
import PipelineCore
import Statistics

extension IndicatorValue {
    /// The row's key.
    var key: IndicatorValues.Key {
        IndicatorValues.Key(indicator: indicator, period: period, level: level, code: code, type: breakdown, index: breakdownIndex)
    }

    /// What a method needs to recompute limits at another confidence level; nil for a value published
    /// without counts, whose limits are only those its source gives (docs/DATA.md, "Values without counts").
    var stored: StoredEstimate? {
        guard let numerator, let denominator else { return nil }
        return StoredEstimate(numerator: numerator, denominator: denominator, value: value, upper95: upper95, multiplier: multiplier)
    }

    /// Limits at `confidence` recomputed from the counts by the indicator's method; nil without a value or counts.
    func limits(_ definition: IndicatorDefinition, confidence: Double) -> (lower: Double, upper: Double)? {
        guard value != nil, let stored else { return nil }
        return definition.method.limits(of: stored, confidence: confidence)
    }

    /// Value with its 95% limits, when it has all three.
    var withLimits: (value: Double, lower: Double, upper: Double)? {
        guard let value, let lower95, let upper95 else { return nil }
        return (value, lower95, upper95)
    }
}

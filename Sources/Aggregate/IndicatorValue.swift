import PipelineCore
import Statistics

/// One row of the transform checkpoint's `indicator_value`.
struct IndicatorValue {
    var key: IndicatorValues.Key
    var name: String
    var numerator: Double
    var denominator: Double
    var value: Double?
    var lower95: Double?
    var upper95: Double?
    var lower998: Double?
    var upper998: Double?
    var multiplier: Double
    var withheld: WithheldReason?

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

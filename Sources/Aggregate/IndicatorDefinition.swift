import PipelineCore
import Statistics

/// An indicator as the transform stage ran it (`indicator_definition`).
struct IndicatorDefinition {
    var id: String
    var title: String
    var statistic: Statistic
    var multiplier: Double
    var unit: String
    var polarity: Polarity

    var method: any IndicatorMethod { statistic.method }
}

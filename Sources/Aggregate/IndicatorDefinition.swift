import PipelineCore

/// An indicator as the transform stage ran it.
struct IndicatorDefinition {
    var id: String
    var title: String
    var statistic: String
    var multiplier: Double
    var unit: String
    var polarity: IndicatorConfig.Polarity

    var isProportion: Bool { statistic == "proportion" }
}

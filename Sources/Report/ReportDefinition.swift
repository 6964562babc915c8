import PipelineCore

/// An indicator as the transform stage ran it (`indicator_definition`).
struct ReportDefinition: Sendable {
    var id: String
    var title: String
    var source: String
    var statistic: String
    var multiplier: Double
    var unit: String
    var polarity: IndicatorConfig.Polarity
    var ageFrom: Int?
    var ageTo: Int?
    var definition: String?

    /// How to read the sign of the SII and RII.
    var signConvention: String {
        switch polarity {
        case .higherIsBetter:
            "Higher is better, so the SII is the least minus the most deprived end: positive = the most deprived have less."
        case .lowerIsBetter:
            "Lower is better, so the SII is the most minus the least deprived end: positive = the most deprived have more (worse)."
        case .none:
            "No polarity: the SII is the most minus the least deprived end; positive = higher in the most deprived areas, neither better nor worse."
        }
    }

    /// Statistic and interval method, for the `method` column and metadata.
    var methodLabel: String {
        switch statistic {
        case "dsr": "directly standardised rate (ESP2013), Dobson limits; withheld below 10 events"
        case "proportion": "proportion, Wilson score limits"
        case "crude_rate": "crude rate, Byar's limits (exact Poisson below 10 events)"
        case "isr_ratio": "indirectly standardised ratio, Byar's/exact limits"
        case "isr_rate": "indirectly standardised rate, Byar's/exact limits"
        default: statistic
        }
    }
}

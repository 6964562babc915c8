import PipelineCore

/// One `indicator_value` cell as it may be published: counts controlled, value and limits derived
/// under the disclosure rules (see ``DisclosureControl``).
struct ControlledValue: Sendable {
    var indicator: String
    var period: String
    var level: GeographyLevel
    var code: String
    var name: String
    var breakdownType: BreakdownType
    var breakdownIndex: Int
    /// `breakdown_value` as the transform stage stored it (e.g. `female`).
    var storedBreakdownValue: String
    var numerator: PublishedCell
    var denominator: PublishedCell
    /// Value, lcl95, ucl95, lcl998, ucl998.
    var estimate: [PublishedCell]
    var unit: String
    /// The unrounded denominator, for shares computed before rounding (totals rule).
    var rawDenominator: Double
    /// For a place, the ICB it is part of (its counts add up to the ICB's; docs/DISCLOSURE.md).
    var parent: String? = nil

    var value: PublishedCell { estimate[0] }
    var shown: Double? { estimate[0].number }
    var lower95: Double? { estimate[1].number }
    var upper95: Double? { estimate[2].number }

    /// The label report writers see for a breakdown value.
    var breakdownLabel: String { Self.breakdownLabel(type: breakdownType, index: breakdownIndex, stored: storedBreakdownValue) }

    static func breakdownLabel(type: BreakdownType, index: Int, stored: String) -> String {
        switch type {
        case .all: "all"
        case .imdQuintile: index == 1 ? "1 (most deprived)" : index == 5 ? "5 (least deprived)" : "\(index)"
        case .imdDecile: index == 1 ? "1 (most deprived)" : index == 10 ? "10 (least deprived)" : "\(index)"
        case .sex: stored
        }
    }
}

package import PipelineCore
package import Publication

/// One `indicator_value` cell as it may be published: counts controlled, value and limits derived
/// under the disclosure rules (see ``DisclosureControl``).
package struct ControlledValue: Sendable {
    package init(
        indicator: String, period: String, level: GeographyLevel, code: String, name: String, breakdownType: BreakdownType, breakdownIndex: Int,
        numerator: PublishedCell, denominator: PublishedCell, estimate: [PublishedCell], unit: String, rawDenominator: Double?,
        parent: String? = nil, fromNationalRows: Bool = false, rawNumerator: Double? = 0
    ) {
        self.rawNumerator = rawNumerator
        self.fromNationalRows = fromNationalRows
        self.indicator = indicator
        self.period = period
        self.level = level
        self.code = code
        self.name = name
        self.breakdownType = breakdownType
        self.breakdownIndex = breakdownIndex
        self.numerator = numerator
        self.denominator = denominator
        self.estimate = estimate
        self.unit = unit
        self.rawDenominator = rawDenominator
        self.parent = parent
    }

    package var indicator: String
    package var period: String
    package var level: GeographyLevel
    package var code: String
    package var name: String
    package var breakdownType: BreakdownType
    package var breakdownIndex: Int
    package var numerator: PublishedCell
    package var denominator: PublishedCell
    /// Value, lcl95, ucl95, lcl998, ucl998.
    package var estimate: [PublishedCell]
    package var unit: String
    /// The unrounded denominator, for shares computed before rounding (totals rule); nil for a value published
    /// without counts (docs/DATA.md, "Values without counts").
    package var rawDenominator: Double?
    /// The unrounded numerator, for what a sum leaves over (``EnglandRemainders``); nil as the denominator is.
    package var rawNumerator: Double?
    /// For a place, the ICB it is part of (its counts add up to the ICB's; docs/DISCLOSURE.md).
    package var parent: String? = nil
    /// England's value from the publisher's own England rows: no sum of the ICSs' counts (docs/DISCLOSURE.md,
    /// "England as published").
    package var fromNationalRows = false
    /// A decile's resident population, its weight in the SII, for a value published without counts (docs/METHODS.md
    /// §12); nil otherwise.
    package var quantilePopulation: Double? = nil

    package var value: PublishedCell { estimate[0] }
    package var shown: Double? { estimate[0].number }
    package var lower95: Double? { estimate[1].number }
    package var upper95: Double? { estimate[2].number }

    /// The label report writers see for a breakdown value.
    package var breakdownLabel: String { breakdownType.label(breakdownIndex) }
}

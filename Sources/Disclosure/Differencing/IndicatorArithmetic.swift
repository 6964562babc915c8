package import Statistics

/// What disclosure control needs to know of an indicator: how its published value and limits turn back
/// into counts (docs/DISCLOSURE.md, "Differencing").
package struct IndicatorArithmetic: Sendable {
    package let statistic: Statistic
    package let multiplier: Double
    /// What its numerators count — source and age range — so indicators counting the same events (a rate over
    /// residents and one over need) are known to publish the same counts (docs/DISCLOSURE.md, "The same
    /// counts in two indicators"); nil when not known.
    package let counted: String?

    package init(statistic: Statistic, multiplier: Double, counted: String? = nil) {
        self.statistic = statistic
        self.multiplier = multiplier
        self.counted = counted
    }

    package var method: any IndicatorMethod { statistic.method }
}

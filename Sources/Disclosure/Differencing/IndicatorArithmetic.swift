package import Statistics

/// What disclosure control needs to know of an indicator: how its published value and limits turn back
/// into counts (docs/DISCLOSURE.md, "Differencing").
package struct IndicatorArithmetic: Sendable {
    package let statistic: Statistic
    package let multiplier: Double

    package init(statistic: Statistic, multiplier: Double) {
        self.statistic = statistic
        self.multiplier = multiplier
    }

    package var method: any IndicatorMethod { statistic.method }
}

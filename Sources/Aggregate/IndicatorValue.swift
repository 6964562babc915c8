/// One row of the transform checkpoint's `indicator_value`.
struct IndicatorValue {
    var indicator: String
    var period: String
    var level: String
    var code: String
    var name: String
    var breakdownType: String
    var breakdownIndex: Int
    var numerator: Double
    var denominator: Double
    var value: Double?
    var lower95: Double?
    var upper95: Double?
    var lower998: Double?
    var upper998: Double?
    var statistic: String
    var multiplier: Double
    var unit: String
    var withheldReason: String?
}

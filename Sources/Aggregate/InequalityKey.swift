import Checkpoints
import PipelineCore

/// Identifies one `inequality_index` row.
struct InequalityKey: Hashable {
    var indicator: String
    var period: String
    var level: GeographyLevel
    var code: String
    var type: QuantileType

    init(_ indicator: String, _ period: String, _ geography: IndicatorValues.Geography, _ type: QuantileType) {
        self.indicator = indicator
        self.period = period
        level = geography.level
        self.code = geography.code
        self.type = type
    }
}

import Checkpoints
import PipelineCore

/// `quintile_gap`: most against least deprived quintile for every geography and period.
struct GapTable {
    let values: IndicatorValues
    let writer: AggregateWriter

    func write(_ definition: IndicatorDefinition) throws {
        let calculator = GapCalculator()
        for period in values.written(definition.indicator) {
            for geography in values.geographies {
                let quintiles = values.quantiles(definition.indicator, period, geography, type: .imdQuintile)
                try writer.gap(definition.indicator, period, geography, calculator.compute(definition, quintiles: quintiles))
            }
        }
    }
}

import Checkpoints
import PipelineCore
import Statistics

/// SII/RII for one indicator × period × geography × quantile type (docs/METHODS.md §9), from the values the
/// transform stage computed, by the one fitting rule (``InequalityFit``). Sign: a positive SII / an RII above
/// 1 always means the most deprived are disadvantaged; without polarity, that the most deprived have the
/// higher value.
struct InequalityCalculator {
    let settings: AggregateSettings

    typealias Result = InequalityFit.Result

    func compute(_ definition: IndicatorDefinition, rows: [IndicatorValue?], national: [IndicatorValue?], seed: UInt64) -> Result {
        let fit = InequalityFit(
            valueType: definition.method.inequalityScale, polarity: definition.polarity, multiplier: definition.multiplier,
            minimumPopulation: settings.minQuantilePopulation, nationalPositions: settings.siiPositions == .national,
            repetitions: settings.siiRepetitions)
        let quantiles = rows.map { row in
            row.map {
                InequalityFit.Quantile(value: $0.value, lower95: $0.lower95, upper95: $0.upper95, population: $0.denominator, withheld: $0.withheld)
            }
        }
        return fit.fit(quantiles, national: national.map { $0?.denominator ?? 0 }, seed: seed)
    }
}

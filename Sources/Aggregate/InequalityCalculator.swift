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
        // A quantile's weight is its denominator, or for a value published without counts its resident population
        // (docs/METHODS.md §12); a value with neither is not a quantile the fit can place.
        if let unweighted = rows.firstIndex(where: { $0?.value != nil && Self.weight($0) == nil }) {
            return Result(unstableReason: "quantile \(unweighted + 1) has no population to weigh it by", quantiles: rows.count)
        }
        let quantiles = rows.map { row in
            row.flatMap { row in
                Self.weight(row).map {
                    InequalityFit.Quantile(value: row.value, lower95: row.lower95, upper95: row.upper95, population: $0, withheld: row.withheld)
                }
            }
        }
        return fit.fit(quantiles, national: national.map { Self.weight($0) ?? 0 }, seed: seed)
    }

    /// The quantile's weight: its denominator, else the population kept beside a value without counts.
    static func weight(_ row: IndicatorValue?) -> Double? {
        row?.denominator ?? row?.quantilePopulation
    }
}

import Checkpoints
import PipelineCore
import Statistics

/// SII/RII for one indicator × period × geography × quantile type (docs/METHODS.md §9).
///
/// Rates on the log scale and proportions (as 0–1) on the logit scale, with transform, so the closed
/// form is exact. Sign: a positive SII / an RII above 1 always means the most deprived are disadvantaged;
/// without polarity, that the most deprived have the higher value.
struct InequalityCalculator {
    let settings: AggregateSettings

    struct Result {
        var sii: Double?
        var siiLower: Double?
        var siiUpper: Double?
        var rii: Double?
        var riiLower: Double?
        var riiUpper: Double?
        var intervalMethod: InequalityIntervalMethod?
        var unstableReason: String?
        var quantiles: Int

        /// SII with its 95% limits, when it has all three.
        var siiWithLimits: (value: Double, lower: Double, upper: Double)? {
            guard let sii, let siiLower, let siiUpper else { return nil }
            return (sii, siiLower, siiUpper)
        }
    }

    /// +1 when higher is better (x = 1 minus x = 0 is least minus most deprived), −1 otherwise.
    static func orientation(_ polarity: Polarity) -> Double {
        switch polarity {
        case .higherIsBetter: 1
        case .lowerIsBetter, .none: -1
        }
    }

    func compute(_ definition: IndicatorDefinition, rows: [IndicatorValue?], national: [IndicatorValue?], seed: UInt64) -> Result {
        let count = rows.count
        var result = Result(quantiles: count)
        let type = definition.method.inequalityScale
        let isProportion = type == .proportion
        let scale = isProportion ? definition.multiplier : 1
        var quantiles: [SlopeIndexOfInequality.Quantile] = []
        for (offset, row) in rows.enumerated() {
            let label = offset + 1
            guard let row, let value = row.value, let lower = row.lower95, let upper = row.upper95 else {
                result.unstableReason = "quantile \(label) has no value" + (rows[offset]?.withheld.map { " (\($0.text))" } ?? "")
                return result
            }
            let v = value / scale, l = lower / scale, u = upper / scale
            let usable = isProportion ? (v > 0 && v < 1 && l > 0 && u < 1) : (v > 0 && l > 0)
            guard usable, row.denominator > 0 else {
                result.unstableReason = "quantile \(label) is at the edge of its scale (\(isProportion ? "0% or 100%" : "zero events")); no log/logit SII"
                return result
            }
            quantiles.append(.init(population: row.denominator, value: v, lower95: l, upper95: u, type: type))
        }
        if let small = rows.firstIndex(where: { ($0?.denominator ?? 0) < settings.minQuantilePopulation }) {
            result.unstableReason = "quantile \(small + 1) population below \(Int(settings.minQuantilePopulation))"
        }
        var positions: [Double]?
        if settings.siiPositions == .national {
            let populations = national.map { $0?.denominator ?? 0 }
            guard populations.allSatisfy({ $0 > 0 }) else {
                result.unstableReason = "England lacks a quantile population for national positions"
                return result
            }
            positions = SlopeIndexOfInequality.positions(populations)
        }
        let model = SlopeIndexOfInequality(
            valueType: type, transform: true,
            multiplier: Self.orientation(definition.polarity) * scale)
        let point = model.point(quantiles, positions: positions)
        let limits =
            model.hasClosedForm
            ? model.closedFormLimits(quantiles, positions: positions, confidence: 0.95)
            : model.simulatedLimits(quantiles, positions: positions, confidence: 0.95, repetitions: settings.siiRepetitions, seed: seed)
        result.sii = point.sii
        result.rii = point.rii
        result.siiLower = limits.siiLower
        result.siiUpper = limits.siiUpper
        result.riiLower = limits.riiLower
        result.riiUpper = limits.riiUpper
        result.intervalMethod = model.hasClosedForm ? .closedForm : .simulation
        return result
    }
}

import Checkpoints
import PipelineCore
import Statistics

/// Compares an ICS's value with England's: Fingertips' two-level overlap test (95% and 99.8%, England as
/// a fixed benchmark) and the funnel plot the indicator's method draws (docs/METHODS.md §10).
struct EnglandComparator {
    struct Result {
        var compare95: ComparisonOutcome
        var compare998: ComparisonOutcome
        var comparison: TwoLevelComparison
        var funnel: FunnelLimits
    }

    func compare(_ row: IndicatorValue, england: IndicatorValue, definition: IndicatorDefinition, tau2: Double = 0) -> Result {
        guard let value = row.value, let benchmark = england.value else {
            return Result(compare95: .notCompared, compare998: .notCompared, comparison: .notCompared, funnel: .notApplicable)
        }
        func level(_ lower: Double?, _ upper: Double?) -> ComparisonOutcome {
            guard let upper else { return .notCompared }
            if (lower ?? 0) <= benchmark && benchmark <= upper { return .similar }
            return definition.polarity.judge(value > benchmark ? .higher : .lower)
        }
        let at95 = level(row.lower95, row.upper95)
        let at998 = level(row.lower998, row.upper998)
        // A funnel places a value by its denominator: not for values published without counts.
        var funnel = FunnelLimits.notApplicable
        if let numerator = row.numerator, let denominator = row.denominator, let englandNumerator = england.numerator,
            let englandDenominator = england.denominator
        {
            funnel = FunnelLimits.evaluate(
                definition.method.funnel, numerator: numerator, denominator: denominator, value: row.value,
                england: (englandNumerator, englandDenominator, england.value), multiplier: definition.multiplier, tau2: tau2)
        }
        return Result(compare95: at95, compare998: at998, comparison: TwoLevelComparison(at95: at95, at998: at998), funnel: funnel)
    }
}

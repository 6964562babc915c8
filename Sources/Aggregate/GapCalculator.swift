import Checkpoints
import PipelineCore
import Statistics

/// Most vs least deprived quintile: gap, ratio, significance by non-overlapping 83.4% intervals
/// (Goldstein & Healy), and excess events (docs/METHODS.md §9).
struct GapCalculator {
    struct Result {
        var q1: Double?
        var q5: Double?
        var absoluteGap: Double?
        var ratio: Double?
        var q1Limits: (lower: Double, upper: Double)?
        var q5Limits: (lower: Double, upper: Double)?
        var significant: Bool?
        var excessEvents: Double?
    }

    static let confidence = 0.834

    func compute(_ definition: IndicatorDefinition, quintiles: [IndicatorValue?]) -> Result {
        var result = Result()
        guard let first = quintiles[0], let last = quintiles[4], let q1 = first.value, let q5 = last.value else { return result }
        result.q1 = q1
        result.q5 = q5
        result.absoluteGap = q1 - q5
        result.ratio = q5 != 0 ? q1 / q5 : nil
        result.q1Limits = first.limits(definition, confidence: Self.confidence)
        result.q5Limits = last.limits(definition, confidence: Self.confidence)
        if let a = result.q1Limits, let b = result.q5Limits {
            result.significant = a.lower > b.upper || b.lower > a.upper
        }
        result.excessEvents = excess(definition, quintiles: quintiles, reference: q5)
        return result
    }

    /// Events above (rates) or good outcomes short of (higher-is-better proportions) what each
    /// quintile would have at the least deprived quintile's value, summed over quintiles 1–4.
    func excess(_ definition: IndicatorDefinition, quintiles: [IndicatorValue?], reference: Double) -> Double? {
        var total = 0.0
        for row in quintiles.prefix(4) {
            // A value published without counts has no events to count in excess.
            guard let row, let value = row.value, let numerator = row.numerator, let denominator = row.denominator else { return nil }
            switch definition.method.counts {
            case .numeratorAndDenominator:
                let expected = reference / definition.multiplier * denominator
                total += definition.polarity == .higherIsBetter ? expected - numerator : numerator - expected
            case .events:
                guard value > 0 else { continue }
                // Age-adjusted when the value is a DSR: events scaled by the ratio of standardised rates.
                total += numerator * (1 - reference / value)
            }
        }
        return total
    }
}

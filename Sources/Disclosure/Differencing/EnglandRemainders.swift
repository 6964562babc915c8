import PipelineCore
import Publication

/// England's counts from the publisher's own England rows are no sum of the ICSs' counts: the publisher
/// rounds and suppresses counts by ICB, and its England rows hold the counts of unknown ICBs too
/// (docs/DISCLOSURE.md, "England as published"). The sum a reader can still form is England = the ICSs +
/// a remainder. What a reader can know of the remainder is at least 0 where the publisher does not round
/// (it holds only counts in no ICS), and at least minus the ICBs' rounding where it does; the attacker is
/// given the tighter of 0 and the remainder's true value as its lower bound — never less than a reader could
/// know, and true, so the sum stays consistent.
package enum EnglandRemainders {
    /// The code of England's remainder (England's own rows minus the ICSs'): a geography of its own.
    package static let code = "england_rows_minus_icss"

    /// One remainder per indicator × period × additive part × component where England's value is from its own
    /// rows, with its bounds, from the unrounded counts of England and its ICSs.
    private struct Part: Hashable {
        var indicator: String, period: String, part: Int
    }

    package static func bounds(_ values: some Collection<ControlledValue>) -> [CountCell: CountBounds] {
        var england: [Part: (numerator: Double, denominator: Double)] = [:]
        var icss: [Part: (numerator: Double, denominator: Double, count: Int)] = [:]
        for value in values {
            // A value published without counts adds nothing a reader could difference.
            guard let part = value.breakdownType.additivePart(value.breakdownIndex), value.breakdownType != .icsUnknown,
                let rawNumerator = value.rawNumerator, let rawDenominator = value.rawDenominator
            else { continue }
            let key = Part(indicator: value.indicator, period: value.period, part: part)
            switch value.level {
            case .england where value.fromNationalRows:
                england[key] = (rawNumerator, rawDenominator)
            case .icb:
                icss[key, default: (0, 0, 0)].numerator += rawNumerator
                icss[key]!.denominator += rawDenominator
                icss[key]!.count += 1
            case .england, .region, .place:
                break
            }
        }
        var result: [CountCell: CountBounds] = [:]
        for (key, totals) in england {
            // The ICSs' counts of no part published nowhere (their counts with no decile): their totals less
            // their published parts.
            var parts = icss[key].map { (numerator: $0.numerator, denominator: $0.denominator) }
            if key.part == BreakdownType.unknownPart, parts == nil, let all = icss[Part(indicator: key.indicator, period: key.period, part: 0)] {
                let published = (1...5).compactMap { icss[Part(indicator: key.indicator, period: key.period, part: $0)] }
                parts = (
                    all.numerator - published.reduce(0) { $0 + $1.numerator }, all.denominator - published.reduce(0) { $0 + $1.denominator }
                )
            }
            guard let parts else { continue }
            for (component, remainder) in [
                (CountComponent.numerator, totals.numerator - parts.numerator), (.denominator, totals.denominator - parts.denominator),
            ] {
                let cell = CountCell(indicator: key.indicator, period: key.period, level: .england, code: code, quintile: key.part, component: component)
                result[cell] = CountBounds(lower: min(0, remainder), upper: .infinity, hidden: true, remainder: true)
            }
        }
        return result
    }
}

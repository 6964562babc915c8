import Foundation

/// The sentences of the headline statements (docs/PUBLISHED_TABLES.md, `soc_headlines`): the only place
/// the publication's prose is worded.
enum HeadlineText {
    /// `Highest 1: NHS …, 63.3% (95% CI 61.1 to 65.4); its interval overlaps a neighbouring system's, so
    /// read the rank with care.` The clause states what the intervals show: `overlapsNeighbour` is nil
    /// when neither neighbour in the ranking has an interval to compare.
    static func ranked(
        _ label: String, rank: Int, name: String, value: Double, lower: Double?, upper: Double?, unit: String, overlapsNeighbour: Bool?
    ) -> String {
        let interval = lower.map { " (95% CI \(FigureText.figure($0)) to \(FigureText.figure(upper ?? $0)))" } ?? ""
        let clause: String
        switch overlapsNeighbour {
        case true?: clause = "; its interval overlaps a neighbouring system's, so read the rank with care."
        case false?: clause = "; its interval does not overlap either neighbouring system's."
        case nil: clause = "."
        }
        return "\(label.capitalized) \(rank): \(name), \(FigureText.withUnit(value, unit: unit))\(interval)\(clause)"
    }

    /// `Across the 42 ICSs, … ranged from 52.1% (NHS …) to 63.3% (NHS …) in 2025-03.`
    static func range(
        across noun: String, title: String, low: (name: String, value: Double),
        high: (name: String, value: Double), unit: String, period: String
    ) -> String {
        "Across \(noun), \(FigureText.inSentence(title)) ranged from \(FigureText.withUnit(low.value, unit: unit)) (\(low.name)) to \(FigureText.withUnit(high.value, unit: unit)) (\(high.name)) in \(FigureText.period(period))."
    }

    /// Most against least deprived fifth: values for a proportion, a ratio for a rate.
    static func ratio(title: String, isProportion: Bool, ratio: Double, q1: Double, q5: Double, unit: String, period: String) -> String {
        let q1Text = FigureText.withUnit(q1, unit: unit), q5Text = FigureText.withUnit(q5, unit: unit)
        return isProportion
            ? "\(title): \(q1Text) in the most deprived fifth of areas against \(q5Text) in the least deprived fifth (\(FigureText.period(period)))."
            : "People in the most deprived fifth of areas were \(FigureText.figure(ratio)) times as likely as those in the least deprived fifth to have \(FigureText.inSentence(title)) (\(q1Text) against \(q5Text), \(FigureText.period(period)))."
    }

    /// England's relative index of inequality with its interval.
    static func relativeIndex(title: String, rii: Double, lower: Double?, upper: Double?, period: String) -> String {
        "England's relative index of inequality for \(FigureText.inSentence(title)) was \(FigureText.figure(rii, decimals: 2))"
            + (lower.map { " (95% CI \(FigureText.figure($0, decimals: 2)) to \(FigureText.figure(upper ?? $0, decimals: 2)))" } ?? "")
            + "; above 1 means the most deprived areas are disadvantaged (\(FigureText.period(period)))."
    }

    /// England's change since the baseline, with its interval and direction.
    static func change(
        title: String, from v0: Double, baseline: String, to v1: Double, period: String, change: Double,
        lower: Double?, upper: Double?, direction: String, unit: String
    ) -> String {
        let interval = lower.map { " (95% CI \(FigureText.figure($0)) to \(FigureText.figure(upper ?? $0)))" } ?? ""
        return
            "In England, \(FigureText.inSentence(title)) went from \(FigureText.withUnit(v0, unit: unit)) in \(FigureText.period(baseline)) to \(FigureText.withUnit(v1, unit: unit)) in \(FigureText.period(period)), a change of \(FigureText.differenceWithUnit(change, unit: unit))\(interval): \(direction.replacingOccurrences(of: "_", with: " "))."
    }
}

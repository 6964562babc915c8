import Checkpoints
import Disclosure
import Foundation
import Publication
import Render
import Statistics

/// The sentences of the headline statements (docs/PUBLISHED_TABLES.md, `soc_headlines`): the only place
/// the publication's prose is worded.
enum HeadlineText {
    /// `Highest 1: NHS …, 63.3% (95% CI 61.1 to 65.4); its interval overlaps a neighbouring system's, so
    /// read the rank with care.` The clause states what the intervals show: `overlapsNeighbour` is nil
    /// when neither neighbour in the ranking has an interval to compare.
    /// `decimals` is the value's published precision: 0 for a percentage shown whole (docs/DISCLOSURE.md,
    /// "The regime": `percentOneDecimalMinDenominator`), so a whole percentage never gains a decimal it does not have.
    static func ranked(
        _ label: String, rank: Int, name: String, value: Double, lower: Double?, upper: Double?, unit: String, decimals: Int = 1,
        overlapsNeighbour: Bool?
    ) -> String {
        let interval = FigureText.interval(lower, upper, decimals: decimals)
        let clause: String
        switch overlapsNeighbour {
        case true?: clause = "; its interval overlaps a neighbouring system's, so read the rank with care."
        case false?: clause = "; its interval does not overlap either neighbouring system's."
        case nil: clause = "."
        }
        return "\(label.capitalized) \(rank): \(name), \(FigureText.withUnit(value, unit: unit, decimals: decimals))\(interval)\(clause)"
    }

    /// `Across the 42 ICSs, … ranged from 52.1% (NHS …) to 63.3% (NHS …) in 2025-03.`
    /// Each end at its own published precision.
    static func range(
        across noun: String, phrase: String, low: (name: String, value: Double, decimals: Int),
        high: (name: String, value: Double, decimals: Int), unit: String, period: String
    ) -> String {
        "Across \(noun), \(phrase) ranged from \(FigureText.withUnit(low.value, unit: unit, decimals: low.decimals)) (\(low.name)) to \(FigureText.withUnit(high.value, unit: unit, decimals: high.decimals)) (\(high.name)) in \(FigureText.period(period))."
    }

    /// Most against least deprived fifth: values for a proportion, a ratio for a rate.
    /// `units` names what the fifths are of: `areas`, or `GP practices` for a practice-deprivation split.
    static func ratio(
        title: String, phrase: String, isProportion: Bool, ratio: Double, q1: Double, q5: Double, unit: String, period: String, units: String = "areas"
    ) -> String {
        let q1Text = FigureText.withUnit(q1, unit: unit), q5Text = FigureText.withUnit(q5, unit: unit)
        return isProportion
            ? "\(title): \(q1Text) in the most deprived fifth of \(units) against \(q5Text) in the least deprived fifth (\(FigureText.period(period)))."
            : "The rate of \(phrase) in the most deprived fifth of \(units) was \(FigureText.figure(ratio)) times that in the least deprived fifth (\(q1Text) against \(q5Text), \(FigureText.period(period)))."
    }

    /// England's relative index of inequality with its interval, and what above and below 1 mean for the
    /// indicator's polarity (without one, higher or lower in the most deprived areas, neither better nor worse).
    static func relativeIndex(
        phrase: String, rii: Double, lower: Double?, upper: Double?, period: String, hasPolarity: Bool = true, units: String = "areas"
    ) -> String {
        "England's relative index of inequality for \(phrase) was \(FigureText.figure(rii, decimals: 2))"
            + FigureText.interval(lower, upper, decimals: 2)
            + (hasPolarity
                ? "; above 1 means the most deprived \(units) are disadvantaged, below 1 that they are advantaged"
                : "; above 1 means it is higher in the most deprived \(units), below 1 lower")
            + " (\(FigureText.period(period)))."
    }

    /// England's change since the baseline, with its interval and direction.
    static func change(
        phrase: String, from v0: Double, baseline: String, to v1: Double, period: String, change: Double,
        lower: Double?, upper: Double?, direction: String, unit: String
    ) -> String {
        let interval = FigureText.interval(lower, upper)
        return
            "In England, \(phrase) went from \(FigureText.withUnit(v0, unit: unit)) in \(FigureText.period(baseline)) to \(FigureText.withUnit(v1, unit: unit)) in \(FigureText.period(period)), a change of \(FigureText.differenceWithUnit(change, unit: unit))\(interval): \(direction.replacingOccurrences(of: "_", with: " "))."
    }

    /// The ICS with the widest or the smallest gap by deprivation, among those with a stable SII; what an
    /// interval below or around 0 means is said, so "smallest" is never read as "none" when it is not.
    static func gapExtreme(
        widest: Bool, phrase: String, name: String, sii: Double, lower: Double?, upper: Double?, unit: String, stableCount: Int,
        polarity: String, period: String, units: String = "areas"
    ) -> String {
        let interval = FigureText.interval(lower, upper)
        var clause = ""
        if let lower, let upper, !widest {
            if lower <= 0 && upper >= 0 {
                clause = "; its interval includes 0, so no gap by deprivation is shown there"
            } else if upper < 0 {
                clause =
                    polarity == "none"
                    ? "; below 0: values were higher in the less deprived \(units)" : "; below 0: the most deprived \(units) fared better there"
            }
        }
        return
            "In \(FigureText.period(period)), among the \(stableCount) ICSs with a stable slope index of inequality, the gap by deprivation in \(phrase) was \(widest ? "widest" : "smallest") in \(name): \(FigureText.differenceWithUnit(sii, unit: unit))\(interval)\(clause)."
    }

    /// England's SII now against the baseline: widened or narrowed when its change's interval excludes 0 and
    /// both SIIs are on the same side of 0 (else rose or fell), otherwise no significant change.
    static func siiChange(
        phrase: String, baseline: String, period: String, from s0: Double, to s1: Double, change: Double, lower: Double, upper: Double, unit: String
    ) -> String {
        let figures =
            "from \(FigureText.differenceWithUnit(s0, unit: unit)) in \(FigureText.period(baseline)) to \(FigureText.differenceWithUnit(s1, unit: unit)) in \(FigureText.period(period)), a change of \(FigureText.differenceWithUnit(change, unit: unit))\(FigureText.interval(lower, upper))"
        let subject = "England's gap by deprivation in \(phrase) (slope index of inequality)"
        if lower <= 0 && upper >= 0 { return "\(subject) did not change significantly: \(figures)." }
        let sameSide = (s0 >= 0 && s1 >= 0) || (s0 <= 0 && s1 <= 0)
        let verb =
            sameSide
            ? ((change > 0) == (s1 >= 0) ? "widened" : "narrowed")
            : (change > 0 ? "rose" : "fell")
        return "\(subject) \(verb) \(figures)."
    }

    /// England's broad ethnic groups against the White group: how many fare worse, similarly and better by
    /// their 83.4% intervals (higher, similar, lower without a polarity), each with its value, and Not stated
    /// with its share.
    static func ethnicGroups(
        phrase: String, white: Double, groups: [(name: String, value: Double, outcome: ComparisonOutcome)], notStated: (value: Double, share: Double?)?,
        unit: String, hasPolarity: Bool, period: String
    ) -> String {
        let words: [(ComparisonOutcome, String)] =
            hasPolarity
            ? [(.worse, "fared worse"), (.similar, "similarly"), (.better, "better")] : [(.higher, "higher"), (.similar, "similar"), (.lower, "lower")]
        let counts = words.map { outcome, word in "\(groups.filter { $0.outcome == outcome }.count) \(word)" }
        let values = groups.map { "\($0.name) \(FigureText.withUnit($0.value, unit: unit))" }
        var text =
            "In England in \(FigureText.period(period)), \(phrase) in the White group was \(FigureText.withUnit(white, unit: unit)); of the \(groups.count) other broad ethnic groups, \(counts.joined(separator: ", ")) by their 83.4% intervals (\(values.joined(separator: ", ")))."
        if let notStated {
            text +=
                " Ethnic group not stated: \(FigureText.withUnit(notStated.value, unit: unit))"
                + (notStated.share.map { ", \(FigureText.figure($0 * 100, decimals: 1))% of those counted" } ?? "") + "."
        }
        return text
    }

    /// England's broad ethnic group furthest from the White group among those significantly worse off.
    static func ethnicGapWidest(phrase: String, group: String, value: Double, white: Double, gap: Double, unit: String, period: String) -> String {
        "In England in \(FigureText.period(period)), the widest gap to the White group in \(phrase) was for \(group): \(FigureText.withUnit(value, unit: unit)) against \(FigureText.withUnit(white, unit: unit)), \(FigureText.differenceWithUnit(abs(gap), unit: unit)) \(gap < 0 ? "lower" : "higher")\(white != 0 ? " (a ratio of \(FigureText.figure(value / white, decimals: 2)))" : "")."
    }
}

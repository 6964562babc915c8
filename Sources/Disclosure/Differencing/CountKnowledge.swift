package import PipelineCore
import Publication
import Statistics

/// What a reader of the publication knows of one count, from the count cell itself and from any value
/// and limits that give the count away (docs/DISCLOSURE.md, "Differencing"). The defender (complementary
/// suppression) and the auditor (reading the published files back) both reason with it.
package struct CountKnowledge {
    package let rules: DisclosureRules

    /// How a count cell is published.
    package enum Shown {
        /// Published as this number; `exact` when it is not rounded (England, or a regime without rounding).
        case number(Double, exact: Bool)
        /// Hidden as a small count (primary suppression).
        case suppressed
        /// Hidden to protect another count (complementary suppression).
        case complementary
        /// Not published at all.
        case absent
    }

    /// Bounds on the true count. `recovered`: the count as a published value and its limits give it away;
    /// `below`: a withheld reason beside it says the count is under this (fewer than 10 events).
    package func bounds(_ shown: Shown, recovered: Double?, below: Double? = nil) -> CountBounds? {
        var result: CountBounds
        switch shown {
        case .number(let value, let exact):
            result = exact || value == 0 ? .exact(value) : rounded(value)
        case .suppressed:
            result = CountBounds(lower: Double(rules.suppressFrom) - 0.5, upper: Double(rules.suppressTo) + 0.5, hidden: true)
        case .complementary:
            // Any shown count may be chosen to protect another, a zero or England's included.
            result = CountBounds(lower: 0, upper: .infinity, hidden: true, complementary: true)
        case .absent:
            if let recovered { return .exact(recovered) }
            guard below != nil else { return nil }
            result = CountBounds(lower: 0, upper: .infinity, hidden: false)
        }
        if let recovered {
            result.lower = recovered
            result.upper = recovered
        }
        if let below {
            result.upper = min(result.upper, below - 0.5)
            result.lower = min(result.lower, result.upper)
        }
        return result
    }

    /// What a published withheld reason says of the events beside it.
    package static func eventsBelow(reason: String?) -> Double? {
        reason.flatMap(WithheldReason.init(rawValue:))?.eventsBelow
    }

    /// A count rounded to the regime's base: the whole counts that round to it (never the suppressed range),
    /// widened by half a unit for fractional counts (pro-rata populations are rounded to whole first).
    package func rounded(_ value: Double) -> CountBounds {
        let half = Double(rules.roundTo / 2)
        var lower = value - half - 0.5
        if rules.suppressTo >= rules.suppressFrom { lower = max(lower, Double(rules.suppressTo) + 0.5) }
        return CountBounds(lower: lower, upper: value + half + 0.5, hidden: false)
    }
}

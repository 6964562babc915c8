package import PipelineCore
package import Publication
package import Statistics

/// Applies a ``DisclosureRules`` regime (docs/DISCLOSURE.md) to counts and to the values derived from them.
///
/// Every decision is returned as a ``PublishedCell`` carrying its action and reason, so the table
/// writer can log it in `soc_suppressed_cells`. Original values are never part of a reason.
package struct DisclosureControl: Sendable {
    package let rules: DisclosureRules

    package init(rules: DisclosureRules) { self.rules = rules }

    /// Reason code for a count in the suppression range.
    package var smallCountReason: String { "count_\(rules.suppressFrom)_to_\(rules.suppressTo)" }

    /// A count as published: `national` counts are left alone unless the regime says otherwise;
    /// 0 stays 0; counts in the suppression range are hidden; the rest are rounded to the base.
    /// Fractional counts (pro-rata populations) are first rounded to whole numbers.
    package func count(_ raw: Double?, national: Bool) -> PublishedCell {
        guard let raw, raw.isFinite else { return .empty }
        let whole = Int(raw.rounded())
        if national && !rules.controlNational { return PublishedCell(whole) }
        if whole == 0 { return PublishedCell(0) }
        if rules.suppressTo >= rules.suppressFrom, (rules.suppressFrom...rules.suppressTo).contains(whole) {
            return .hidden(.suppressed, reason: smallCountReason)
        }
        guard rules.roundTo > 1 else { return PublishedCell(whole) }
        return PublishedCell(rounded(whole), action: .rounded, reason: "rounded_to_\(rules.roundTo)")
    }

    /// Rounds to the nearest multiple of the base (halves up), never landing inside the suppression range.
    package func rounded(_ count: Int) -> Int {
        let base = rules.roundTo
        var result = (count + base / 2) / base * base
        if result != 0, rules.suppressTo >= rules.suppressFrom, result <= rules.suppressTo {
            result = (rules.suppressTo / base + 1) * base
        }
        return result
    }

    /// The published value and limits of one indicator cell, given its controlled counts.
    ///
    /// - A value the method withheld stays withheld, with its reason.
    /// - A suppressed numerator or denominator hides the value and limits too (exact and Wilson
    ///   limits can be inverted to recover the count).
    /// - A method published from rounded counts (percentages) is recomputed from them below England
    ///   level, to one decimal place only when the rounded denominator reaches the regime's threshold,
    ///   else to whole numbers.
    package func derived(
        method: any IndicatorMethod, multiplier: Double, national: Bool, numerator: PublishedCell,
        denominator: PublishedCell, stored: StoredValue
    ) -> [PublishedCell] {
        if stored.withheld != nil || stored.value == nil {
            return Array(repeating: .hidden(.withheld, reason: stored.withheld?.publishedCode ?? "no_value"), count: 5)
        }
        if numerator.action?.hidesValue == true || denominator.action?.hidesValue == true {
            return Array(repeating: .hidden(.secondarySuppressed, reason: "reveals_suppressed_count"), count: 5)
        }
        let asComputed = stored.fields.map { PublishedCell($0) }
        switch method.publication.source {
        case .computed:
            return asComputed
        case .roundedCounts:
            guard !national || rules.controlNational, let x = numerator.number, let n = denominator.number, n > 0,
                let recomputed = Proportion.estimate(numerator: min(x, n), denominator: n, multiplier: multiplier)
            else { return asComputed }
            let values = [recomputed.value, recomputed.lower95, recomputed.upper95, recomputed.lower998, recomputed.upper998]
            if multiplier == 100, n < rules.percentOneDecimalMinDenominator {
                let reason = "whole_percent_denominator_below_\(Int(rules.percentOneDecimalMinDenominator))"
                return values.map { PublishedCell($0.map { $0.rounded() }, action: .reducedPrecision, reason: reason) }
            }
            let shown = multiplier == 100 ? values.map { $0.map { ($0 * 10).rounded() / 10 } } : values
            return shown.map { PublishedCell($0, action: .fromRoundedCounts, reason: "percent_from_rounded_counts") }
        }
    }

    /// The published value and limits of a cell its source publishes without counts (docs/DISCLOSURE.md, "Values
    /// without counts"): as the source gave them, unless their interval could come from a count in the
    /// suppression range (``PublishedIntervalCounts``, by the kind of count the publisher's method names); then
    /// value and limits are hidden, as for a suppressed count. A value withheld stays withheld, with its reason.
    package func asPublished(method: any IndicatorMethod, multiplier: Double, national: Bool, stored: StoredValue) -> [PublishedCell] {
        guard stored.withheld == nil, let value = stored.value else {
            return Array(repeating: .hidden(.withheld, reason: stored.withheld?.publishedCode ?? "no_value"), count: 5)
        }
        if let lower = stored.lower95, let upper = stored.upper95, !national || rules.controlNational, rules.suppressTo >= rules.suppressFrom,
            PublishedIntervalCounts.couldBeSmall(
                value: value, lower: lower, upper: upper, multiplier: multiplier, counts: method.counts, atMost: rules.suppressTo)
        {
            return Array(repeating: .hidden(.secondarySuppressed, reason: "reveals_suppressed_count"), count: 5)
        }
        return stored.fields.map { PublishedCell($0) }
    }
}

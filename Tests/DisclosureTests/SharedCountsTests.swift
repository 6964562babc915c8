import PipelineCore
import Publication
import Statistics
import Testing

@testable import Disclosure

/// Two indicators of one source publish the same counts (a rate over residents and one over need; docs/
/// DISCLOSURE.md, "The same counts in two indicators"): a count one hides to protect a suppressed count must
/// not be shown by the other.
struct SharedCountsTests {
    static let rules = DisclosureRules()

    /// One ICS: `A` by quintile (3 suppressed, 120, 80, 90, 70; total 363), `B` the same events with only the
    /// quintile of 70 published (as another table might show one group). Both over 100,000 people a group.
    static func values() -> [String: ControlledValue] {
        let control = DisclosureControl(rules: rules)
        func value(_ indicator: String, _ type: BreakdownType, _ index: Int, _ count: Int, _ people: Int) -> ControlledValue {
            let numerator = control.count(Double(count), national: false), denominator = control.count(Double(people), national: false)
            let estimate = CrudeRate.estimate(events: Double(count), population: Double(people), multiplier: 1000)!
            let stored = StoredValue(
                value: estimate.value, lower95: estimate.lower95, upper95: estimate.upper95, lower998: estimate.lower998, upper998: estimate.upper998)
            return ControlledValue(
                indicator: indicator, period: "2025-03", level: .icb, code: "Q1", name: "Q1", breakdownType: type, breakdownIndex: index,
                numerator: numerator, denominator: denominator,
                estimate: control.derived(
                    method: CrudeRate(), multiplier: 1000, national: false, numerator: numerator, denominator: denominator, stored: stored),
                unit: "per 1,000", rawDenominator: Double(people), rawNumerator: Double(count))
        }
        var values = ["A0": value("A", .all, 0, 363, 500_000)]
        for (index, count) in [3, 120, 80, 90, 70].enumerated() { values["A\(index + 1)"] = value("A", .imdQuintile, index + 1, count, 100_000) }
        values["B5"] = value("B", .imdQuintile, 5, 70, 100_000)
        return values
    }

    @Test func aCountHiddenInOneIndicatorIsHiddenInTheOther() throws {
        let counted = "referrals||"
        let shared = [
            "A": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000, counted: counted),
            "B": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000, counted: counted),
        ]
        var values = Self.values()
        _ = try ComplementarySuppression(rules: Self.rules, definitions: shared).apply(to: &values)
        // A hides its smallest other quintile, 70, for the suppressed 3; B's 70 would give it back.
        #expect(values["A5"]?.numerator.action == .complementarySuppressed)
        #expect(values["B5"]?.numerator.number == nil, "B's quintile of 70 is hidden with A's")
        // Told nothing of the shared counts, the defender leaves B's 70 shown: the relation is what acts.
        let apart = ["A": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000), "B": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000)]
        var unlinked = Self.values()
        _ = try ComplementarySuppression(rules: Self.rules, definitions: apart).apply(to: &unlinked)
        #expect(unlinked["A5"]?.numerator.action == .complementarySuppressed && unlinked["B5"]?.numerator.number == 70)
    }
}

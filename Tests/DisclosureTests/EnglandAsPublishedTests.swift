import PipelineCore
import Publication
import Statistics
import Testing

@testable import Disclosure

/// England from the publisher's own rows (docs/DISCLOSURE.md, "England as published"): no sum of the ICSs',
/// but England = the ICSs + a remainder at least min(0, its true value). Three ICSs, one count suppressed.
struct EnglandAsPublishedTests {
    static let rules = DisclosureRules()
    static let definitions = ["A": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000)]

    /// ICS counts 3 (suppressed), 120 and 240; England's own rows give `england` events, all with 100,000
    /// people each (300,000 in England).
    static func values(england: Int) -> [String: ControlledValue] {
        let control = DisclosureControl(rules: rules)
        func value(_ level: GeographyLevel, _ code: String, _ count: Int, _ people: Int) -> ControlledValue {
            let national = level == .england
            let numerator = control.count(Double(count), national: national), denominator = control.count(Double(people), national: national)
            let estimate = CrudeRate.estimate(events: Double(count), population: Double(people), multiplier: 1000)!
            let stored = StoredValue(
                value: estimate.value, lower95: estimate.lower95, upper95: estimate.upper95, lower998: estimate.lower998, upper998: estimate.upper998)
            return ControlledValue(
                indicator: "A", period: "2025-03", level: level, code: code, name: code, breakdownType: .all, breakdownIndex: 0,
                numerator: numerator, denominator: denominator,
                estimate: control.derived(
                    method: CrudeRate(), multiplier: 1000, national: national, numerator: numerator, denominator: denominator, stored: stored),
                unit: "per 1,000", rawDenominator: Double(people), fromNationalRows: national, rawNumerator: Double(count))
        }
        return [
            "Q1": value(.icb, "Q1", 3, 100_000), "Q2": value(.icb, "Q2", 120, 100_000), "Q3": value(.icb, "Q3", 240, 100_000),
            "E": value(.england, GeographyLevel.englandCode, england, 300_000),
        ]
    }

    @Test func theRemainderIsAtLeastTheSmallerOfZeroAndItsTrueValue() {
        let above = EnglandRemainders.bounds(Self.values(england: 3 + 120 + 240 + 50).values)
        let cell = CountCell(indicator: "A", period: "2025-03", level: .england, code: EnglandRemainders.code, quintile: 0, component: .numerator)
        #expect(above[cell]?.lower == 0 && above[cell]?.upper == .infinity && above[cell]?.hidden == true)
        let below = EnglandRemainders.bounds(Self.values(england: 3 + 120 + 240 - 6).values)
        #expect(below[cell]?.lower == -6, "rounded ICB counts can add up to more than England's own")
    }

    /// England's own rows equal to the ICSs' sum: a reader who takes the remainder to be at least 0 bounds the
    /// suppressed count by England minus the other two, so the defender hides another count too. Far above it,
    /// the bound says nothing and no other count of events is hidden. (The populations' remainder is 0 in both
    /// worlds, so a population is hidden in both: what England's rows leave over may be people in no ICS.)
    @Test func theDefenderProtectsAgainstEnglandMinusTheOtherICSs() throws {
        let defence = ComplementarySuppression(rules: Self.rules, definitions: Self.definitions)
        func hiddenEvents(_ values: [String: ControlledValue]) -> [String] {
            values.filter { $0.value.numerator.action == .complementarySuppressed }.keys.sorted()
        }
        var tight = Self.values(england: 3 + 120 + 240)
        _ = try defence.apply(to: &tight)
        #expect(!hiddenEvents(tight).isEmpty, "England minus the others is the suppressed count")
        var loose = Self.values(england: 3 + 120 + 240 + 5_000)
        _ = try defence.apply(to: &loose)
        #expect(hiddenEvents(loose).isEmpty, "a remainder of thousands narrows no count of events")
        // Without the remainder's relation the first world would publish England beside two counts that give the
        // third away: the relation is what makes the defender act.
        let relations = AdditiveRelations.among(
            Self.values(england: 363).values.flatMap { defence.bounds(of: $0).map(\.0) }
                + EnglandRemainders.bounds(Self.values(england: 363).values).keys)
        #expect(relations.contains { $0.total.code == CountCell.englandAsPublished && $0.parts.count == 4 })
    }
}

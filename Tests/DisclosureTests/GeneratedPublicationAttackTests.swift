import PipelineCore
import Publication
import Statistics
import Testing

@testable import Disclosure

/// The defender against the attacker with a solver on a generated national publication: 42 systems by
/// quintile with England's totals, three indicators over two periods, half the quintile counts small —
/// several hundred suppressed counts (docs/DISCLOSURE.md, "Protection: the attacker with a solver").
struct GeneratedPublicationAttackTests {
    static let rules = DisclosureRules()
    static let definitions = Dictionary(
        uniqueKeysWithValues: ["A", "B", "C"].map { ($0, IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000)) })

    struct Truth: Hashable {
        var indicator: String, period: String, level: GeographyLevel, code: String, quintile: Int
    }

    /// The publication as disclosure control first shows it (primary suppression and rounding only), with
    /// the true counts behind each cell.
    static func publication(seed: UInt64) -> (values: [Truth: ControlledValue], events: [Truth: Int], population: [Truth: Int]) {
        // Seeded (the project's SplitMix64), so a failure can be rerun exactly.
        var random = SeededRandom(seed: seed)
        let control = DisclosureControl(rules: rules)
        var events: [Truth: Int] = [:], population: [Truth: Int] = [:]
        for indicator in definitions.keys.sorted() {
            for period in ["2024-03", "2025-03"] {
                for system in 0..<42 {
                    let code = "Q\(system + 10)"
                    for quintile in 1...5 {
                        let key = Truth(indicator: indicator, period: period, level: .icb, code: code, quintile: quintile)
                        let draw = Int.random(in: 0..<10, using: &random)
                        events[key] = draw == 0 ? 0 : draw <= 5 ? Int.random(in: 1...7, using: &random) : Int.random(in: 8...200, using: &random)
                        population[key] = Int.random(in: 20_000...60_000, using: &random)
                    }
                }
            }
        }
        // Totals: each system over its quintiles, England over its systems, by quintile and overall.
        for (key, count) in events where key.quintile > 0 {
            let people = population[key]!
            for total in [
                Truth(indicator: key.indicator, period: key.period, level: .icb, code: key.code, quintile: 0),
                Truth(indicator: key.indicator, period: key.period, level: .england, code: GeographyLevel.englandCode, quintile: key.quintile),
                Truth(indicator: key.indicator, period: key.period, level: .england, code: GeographyLevel.englandCode, quintile: 0),
            ] {
                events[total, default: 0] += count
                population[total, default: 0] += people
            }
        }
        var values: [Truth: ControlledValue] = [:]
        for (key, count) in events {
            let national = key.level == .england, people = population[key]!
            let numerator = control.count(Double(count), national: national), denominator = control.count(Double(people), national: national)
            let estimate = CrudeRate.estimate(events: Double(count), population: Double(people), multiplier: 1000)!
            let stored = StoredValue(
                value: estimate.value, lower95: estimate.lower95, upper95: estimate.upper95, lower998: estimate.lower998, upper998: estimate.upper998)
            values[key] = ControlledValue(
                indicator: key.indicator, period: key.period, level: key.level, code: key.code, name: key.code,
                breakdownType: key.quintile == 0 ? .all : .imdQuintile, breakdownIndex: key.quintile,
                numerator: numerator, denominator: denominator,
                estimate: control.derived(
                    method: CrudeRate(), multiplier: 1000, national: national, numerator: numerator, denominator: denominator, stored: stored),
                unit: "per 1,000", rawDenominator: Double(people))
        }
        return (values, events, population)
    }

    /// What the attacker finds in each indicator × period: counts pinned by intervals, and every suppressed
    /// count's range from the programs, checked to hold the true count.
    static func attack(_ values: [Truth: ControlledValue], events: [Truth: Int]) throws -> (pinned: Int, unprotected: Int, suppressed: Int, hidden: Int) {
        let defence = ComplementarySuppression(rules: rules, definitions: definitions)
        let solver = FeasibleRanges(rules: rules)
        var groups: [String: [CountCell: CountBounds]] = [:]
        var truth: [CountCell: Int] = [:]
        for (key, value) in values {
            for (cell, bounds) in defence.bounds(of: value) {
                groups["\(cell.indicator)|\(cell.period)", default: [:]][cell] = bounds
                if cell.component == .numerator { truth[cell] = events[key] }
            }
        }
        var result = (pinned: 0, unprotected: 0, suppressed: 0, hidden: 0)
        for (_, cells) in groups {
            let relations = AdditiveRelations.among(Array(cells.keys))
            var attack = DisclosureAttack(bounds: cells, relations: relations)
            result.pinned += attack.recoveredHiddenCells().count
            for (cell, range) in try solver.ranges(cells, relations: relations) {
                // A range solved for holds the truth; one only seen (whole solutions taking values far enough
                // apart) is an inner bound, which the truth may lie outside.
                if let count = truth[cell], range.exact {
                    #expect(range.lower <= Double(count) && Double(count) <= range.upper, "the true count lies in its range: \(cell) \(range)")
                }
                if !solver.protects(range) { result.unprotected += 1 }
            }
            result.suppressed += cells.values.filter(FeasibleRanges.isSuppressed).count
            result.hidden += cells.values.filter(\.hidden).count
        }
        return result
    }

    @Test func noSuppressedCountIsNarrowedOnceTheDefenderHasRun() throws {
        var (values, events, _) = Self.publication(seed: 20_261_206)
        // Primary suppression alone leaves counts an attacker can pin or narrow: the test can fail.
        let before = try Self.attack(values, events: events)
        #expect(before.suppressed >= 500, "\(before)")
        #expect(before.pinned + before.unprotected > 0, "\(before)")
        let defence = ComplementarySuppression(rules: Self.rules, definitions: Self.definitions)
        let added = try defence.apply(to: &values)
        let after = try Self.attack(values, events: events)
        #expect(added > 0)
        #expect(after.pinned == 0 && after.unprotected == 0, "\(after)")
        #expect(after.hidden >= before.hidden + added, "\(after)")
        // Whatever is hidden shows nothing: the value and limits of a hidden count are hidden with it.
        for value in values.values where value.numerator.action?.hidesValue == true {
            #expect(value.estimate.allSatisfy { $0.number == nil })
        }
    }

    /// Each indicator × period is protected as if it were published alone, which is what lets the defender
    /// protect them side by side: the whole publication at once hides exactly the cells that each group on its
    /// own hides, and a second run hides the same cells again.
    @Test func theWholePublicationIsProtectedAsEachGroupAlone() throws {
        let (published, _, _) = Self.publication(seed: 20_261_207)
        let defence = ComplementarySuppression(rules: Self.rules, definitions: Self.definitions)
        func actions(_ values: [Truth: ControlledValue]) -> [Truth: String] {
            values.mapValues { value in
                ([value.numerator, value.denominator] + value.estimate).map { $0.action?.rawValue ?? "shown" }.joined(separator: " ")
            }
        }
        var whole = published
        let hidden = try defence.apply(to: &whole)
        #expect(hidden > 0)
        var again = published
        #expect(try defence.apply(to: &again) == hidden)
        #expect(actions(again) == actions(whole))
        var alone: [Truth: ControlledValue] = [:]
        var hiddenAlone = 0
        for group in Set(published.keys.map { "\($0.indicator)|\($0.period)" }).sorted() {
            var part = published.filter { "\($0.key.indicator)|\($0.key.period)" == group }
            hiddenAlone += try defence.apply(to: &part)
            alone.merge(part) { first, _ in first }
        }
        #expect(hiddenAlone == hidden)
        #expect(actions(alone) == actions(whole))
        #expect(actions(whole) != actions(published), "the defender changed something, so the comparison can fail")
    }
}

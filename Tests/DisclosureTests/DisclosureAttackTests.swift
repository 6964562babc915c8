import PipelineCore
import Publication
import Statistics
import Testing

@testable import Disclosure

/// The attacker's arithmetic on published sums: what a total and its shown parts pin down, and what hiding
/// a further part protects (docs/DISCLOSURE.md, "Differencing").
struct DisclosureAttackTests {
    /// The attack on plain numbers: a total of 15 with parts 12 and 0 gives away a suppressed 3; a second,
    /// complementary, hidden part stops it.
    @Test func theAttackPinsALoneHiddenPart() {
        func cell(_ quintile: Int) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: quintile, component: .numerator)
        }
        let knowledge = CountKnowledge(rules: DisclosureRules())
        let relation = AdditiveRelation(total: cell(0), parts: (1...3).map(cell))
        var bounds: [CountCell: CountBounds] = [
            cell(0): .exact(15), cell(1): .exact(12), cell(2): knowledge.bounds(.suppressed, recovered: nil)!, cell(3): .exact(0),
        ]
        var attack = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(attack.recoveredHiddenCells() == [cell(2)])
        #expect(attack.bounds[cell(2)]?.lower == 3 && attack.bounds[cell(2)]?.upper == 3)
        // Hiding 12 as well leaves 3 between 1 and 7.
        bounds[cell(1)] = knowledge.bounds(.complementary, recovered: nil)!
        var protected = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(protected.recoveredHiddenCells().isEmpty)
        // Rounded parts are intervals: 15 = [10 ± 2.5] + hidden + 0 leaves a range, not a count.
        bounds[cell(1)] = knowledge.bounds(.number(10, exact: false), recovered: nil)!
        var rounded = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(rounded.recoveredHiddenCells().isEmpty)
    }

    /// Two indicators of one source and age range publish the same counts (a rate over residents and one over
    /// need): a count hidden in one and shown in the other is given away; a proportion's denominators are tied
    /// too, a rate's (its own population) are not, nor are counts of another source.
    @Test func theSameCountsInTwoIndicatorsAreTied() {
        func cell(_ indicator: String, _ component: CountComponent = .numerator) -> CountCell {
            CountCell(indicator: indicator, period: "p", level: .icb, code: "QAA", quintile: 0, component: component)
        }
        let definitions = [
            "RES": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000, counted: "referrals||"),
            "NEED": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000, counted: "referrals||"),
            "OTHER": IndicatorArithmetic(statistic: .crudeRate, multiplier: 1000, counted: "admissions||"),
        ]
        let cells = ["RES", "NEED", "OTHER"].flatMap { [cell($0), cell($0, .denominator)] }
        let relations = AdditiveRelations.sharedCounts(cells, definitions: definitions)
        #expect(relations.map { [$0.total] + $0.parts } == [[cell("NEED"), cell("RES")]])
        let suppressed = CountKnowledge(rules: DisclosureRules()).bounds(.suppressed, recovered: nil)!
        var attack = DisclosureAttack(bounds: [cell("NEED"): suppressed, cell("RES"): .exact(5)], relations: relations)
        #expect(attack.recoveredHiddenCells() == [cell("NEED")])
        let proportions = [
            "A": IndicatorArithmetic(statistic: .proportion, multiplier: 100, counted: "waits|18|"),
            "B": IndicatorArithmetic(statistic: .proportion, multiplier: 100, counted: "waits|18|"),
        ]
        #expect(AdditiveRelations.sharedCounts(["A", "B"].flatMap { [cell($0), cell($0, .denominator)] }, definitions: proportions).count == 2)
    }

    /// Denominators recovered from rates are fractional, and published figures agree only to within
    /// their rounding: a sum that contradicts what is known of its cells must not count as narrowing them
    /// (the attack once chased such a contradiction for five million steps on the national run), while
    /// the hidden count beside them is still pinned.
    @Test func contradictorySumsSettleAndStillPin() {
        func cell(_ quintile: Int) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: quintile, component: .denominator)
        }
        let suppressed = CountKnowledge(rules: DisclosureRules()).bounds(.suppressed, recovered: nil)!
        // 239,240.8 + 98,306.8 + 4 is 337,551.6; the total as recovered is 337,551.5.
        var bounds: [CountCell: CountBounds] = [cell(0): .exact(337_551.5), cell(1): .exact(239_240.8), cell(2): .exact(98_306.8), cell(3): suppressed]
        let relation = AdditiveRelation(total: cell(0), parts: (1...3).map(cell))
        var attack = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(attack.propagate(maximumSteps: 1_000) < 10)
        #expect(attack.recoveredHiddenCells() == [cell(3)])
        // The same contradiction between shown counts alone.
        bounds[cell(3)] = .exact(4.1)
        var shown = DisclosureAttack(bounds: bounds, relations: [relation])
        #expect(shown.propagate(maximumSteps: 1_000) < 10)
        #expect(shown.bounds == bounds)
    }

    /// An ICS's count is the sum of its places' (docs/DISCLOSURE.md, "Differencing"): with the ICS's 43 and
    /// one place's 40 shown, the other place's suppressed 3 is pinned; only places of that ICS take part.
    @Test func placesSumToTheirSystem() {
        func place(_ code: String, parent: String) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .place, code: code, quintile: 0, component: .numerator, parent: parent)
        }
        let system = CountCell(indicator: "X", period: "p", level: .icb, code: "QBB", quintile: 0, component: .numerator)
        let other = CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: 0, component: .numerator)
        let cells = [system, other, place("02B", parent: "QBB"), place("02C", parent: "QBB"), place("01A", parent: "QAA")]
        let relations = AdditiveRelations.among(cells)
        let sums = relations.map { "\($0.total.code)=\($0.parts.map(\.code).joined(separator: "+"))" }.sorted()
        #expect(sums == ["QAA=01A", "QBB=02B+02C"])
        let suppressed = CountKnowledge(rules: DisclosureRules()).bounds(.suppressed, recovered: nil)!
        var attack = DisclosureAttack(
            bounds: [system: .exact(43), place("02B", parent: "QBB"): .exact(40), place("02C", parent: "QBB"): suppressed], relations: relations)
        #expect(attack.recoveredHiddenCells() == [place("02C", parent: "QBB")])
    }
}

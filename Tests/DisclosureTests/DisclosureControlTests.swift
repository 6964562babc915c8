import PipelineCore
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render

/// The NHS Digital rule cell by cell (docs/DISCLOSURE.md).
struct DisclosureControlTests {
    let control = DisclosureControl(rules: DisclosureRules())

    func shown(_ cell: PublishedCell) -> Int? { cell.number.map { Int($0) } }

    @Test func zeroStaysZeroAndIsNotLogged() {
        let cell = control.count(0, national: false)
        #expect(shown(cell) == 0)
        #expect(cell.action == nil)
    }

    @Test(arguments: 1...7)
    func oneToSevenAreSuppressed(_ count: Int) {
        let cell = control.count(Double(count), national: false)
        #expect(cell.value.isNull)
        #expect(cell.action == .suppressed)
        #expect(cell.reason == "count_1_to_7")
    }

    @Test func eightAndMoreAreRoundedToTheNearestFive() {
        let expected = [8: 10, 9: 10, 10: 10, 11: 10, 12: 10, 13: 15, 14: 15, 17: 15, 18: 20, 102: 100, 103: 105, 1_234_567: 1_234_565]
        for (raw, published) in expected {
            let cell = control.count(Double(raw), national: false)
            #expect(shown(cell) == published, "\(raw)")
            #expect(cell.action == .rounded, "every rounded cell is logged, changed or not")
        }
    }

    @Test func nationalCountsAreNotControlled() {
        #expect(shown(control.count(3, national: true)) == 3)
        #expect(control.count(3, national: true).action == nil)
        #expect(shown(control.count(12, national: true)) == 12)
        var rules = DisclosureRules()
        rules.controlNational = true
        #expect(DisclosureControl(rules: rules).count(3, national: true).action == .suppressed)
    }

    @Test func totalsAreRoundedFromUnroundedData() {
        // Quintiles 9, 9, 9, 9, 9 round to 10 each (50) but the total of 45 rounds to 45.
        let parts = [9.0, 9, 9, 9, 9].map { control.count($0, national: false) }
        #expect(parts.compactMap(shown).reduce(0, +) == 50)
        #expect(shown(control.count(45, national: false)) == 45)
    }

    @Test func fractionalPopulationsAreRoundedToWholeNumbersFirst() {
        #expect(control.count(7.4, national: false).action == .suppressed)
        #expect(shown(control.count(7.6, national: false)) == 10)
        #expect(shown(control.count(1234.4, national: true)) == 1234)
    }

    @Test func roundingNeverLandsInTheSuppressionRange() {
        var rules = DisclosureRules()
        rules.roundTo = 6
        let control = DisclosureControl(rules: rules)
        #expect(shown(control.count(8, national: false)) == 12)
        #expect(control.count(7, national: false).action == .suppressed)
    }

    @Test func otherRegimes() {
        var rules = DisclosureRules()
        rules.suppressTo = 4
        rules.roundTo = 1
        let control = DisclosureControl(rules: rules)
        #expect(control.count(4, national: false).action == .suppressed)
        #expect(shown(control.count(5, national: false)) == 5)
        #expect(control.count(5, national: false).action == nil)
    }
}

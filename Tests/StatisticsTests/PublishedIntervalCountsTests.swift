import Foundation
import Testing

@testable import Statistics

/// A value published without counts, with its limits, is checked for the small count it could give away
/// before it is published again (docs/DISCLOSURE.md, "Values without counts").
struct PublishedIntervalCountsTests {
    static func rate(_ events: Double, population: Double) -> (Double, Double, Double) {
        let estimate = CrudeRate.estimate(events: events, population: population, multiplier: 1000)!
        return (estimate.value!, estimate.lower95!, estimate.upper95!)
    }

    static func proportion(_ x: Double, _ n: Double) -> (Double, Double, Double) {
        let estimate = Proportion.estimate(numerator: x, denominator: n, multiplier: 100)!
        return (estimate.value!, estimate.lower95!, estimate.upper95!)
    }

    @Test(arguments: [(1.0, true), (5, true), (7, true), (8, false), (9, false), (10, false), (250, false)])
    func eventsUpToTheSuppressionRangeAreTold(events: Double, small: Bool) {
        let (value, lower, upper) = Self.rate(events, population: 4321)
        #expect(PublishedIntervalCounts.couldBeSmall(value: value, lower: lower, upper: upper, multiplier: 1000, counts: .events, atMost: 7) == small)
    }

    /// Rounded as publishers print them (two decimals), 5 events still read as few and 20 as many.
    @Test func roundedLimitsStillTell() {
        func rounded(_ triple: (Double, Double, Double)) -> (Double, Double, Double) {
            ((triple.0 * 100).rounded() / 100, (triple.1 * 100).rounded() / 100, (triple.2 * 100).rounded() / 100)
        }
        let few = rounded(Self.rate(5, population: 2000)), many = rounded(Self.rate(20, population: 2000))
        #expect(PublishedIntervalCounts.couldBeSmall(value: few.0, lower: few.1, upper: few.2, multiplier: 1000, counts: .events, atMost: 7))
        #expect(!PublishedIntervalCounts.couldBeSmall(value: many.0, lower: many.1, upper: many.2, multiplier: 1000, counts: .events, atMost: 7))
    }

    @Test(arguments: [(3.0, 10.0, true), (6, 7, true), (30, 100, false), (50, 100, false), (1, 500, true), (40, 80, false), (4, 8, true)])
    func aProportionsNumeratorOrDenominatorIsTold(x: Double, n: Double, small: Bool) {
        let (value, lower, upper) = Self.proportion(x, n)
        #expect(
            PublishedIntervalCounts.couldBeSmall(value: value, lower: lower, upper: upper, multiplier: 100, counts: .numeratorAndDenominator, atMost: 7)
                == small)
    }

    @Test func nothingIsToldWithoutAWidth() {
        #expect(!PublishedIntervalCounts.couldBeSmall(value: 0, lower: 0, upper: 3.1, multiplier: 1000, counts: .events, atMost: 7))
        #expect(!PublishedIntervalCounts.couldBeSmall(value: 5, lower: 5, upper: 5, multiplier: 1000, counts: .events, atMost: 7))
        #expect(!PublishedIntervalCounts.couldBeSmall(value: 5, lower: 6, upper: 7, multiplier: 1000, counts: .events, atMost: 7))
    }
}

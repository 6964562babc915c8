import Testing

@testable import Statistics

struct EdgeCaseTests {
    @Test func criticalValues() {
        #expect(abs(Distribution.z(confidence: 0.95) - 1.959963984540054) < 1e-12)
        #expect(abs(Distribution.z(confidence: 0.998) - 3.090232306167813) < 1e-12)
    }

    @Test func zeroEventsRate() throws {
        let estimate = try #require(CrudeRate.estimate(events: 0, population: 1000, multiplier: 1000))
        #expect(estimate.value == 0)
        #expect(estimate.lower95 == 0)
        #expect(estimate.method == .exact)
        // Exact upper limit for 0 events at 95%: χ²(0.975, 2)/2 = -ln(0.025) = 3.6889, per 1000 people × 1000.
        #expect(abs(estimate.upper95! - 3.6888794541139363) < 1e-9)
    }

    @Test func nineEventsAreExactTenAreByars() throws {
        #expect(try #require(CrudeRate.estimate(events: 9, population: 100)).method == .exact)
        #expect(try #require(CrudeRate.estimate(events: 10, population: 100)).method == .byars)
        #expect(PoissonLimits.method(for: 9.999) == .exact)
    }

    @Test func dsrWithheldBelowTenEventsWithItsReason() {
        let nine = (0..<9).map { _ in DirectlyStandardisedRate.Band(events: 1, population: 100, standardWeight: 5000) }
        let withheld = DirectlyStandardisedRate.estimate(nine)
        #expect(withheld.value == nil && withheld.lower95 == nil && withheld.upper998 == nil)
        #expect(withheld.withheld == .fewerThanTenEvents)
        let ten = nine + [DirectlyStandardisedRate.Band(events: 1, population: 100, standardWeight: 5000)]
        #expect(DirectlyStandardisedRate.estimate(ten).value != nil)
    }

    @Test func dsrOverMissingBandsUsesTheWeightsPresent() {
        // With one band, the DSR is that band's crude rate whatever its weight.
        let single = DirectlyStandardisedRate.estimate([.init(events: 20, population: 1000, standardWeight: 7000)], multiplier: 1000)
        #expect(abs(single.value! - 20) < 1e-12)
        // Two equal-rate bands: the DSR equals the common rate whatever the weights.
        let two = DirectlyStandardisedRate.estimate(
            [
                .init(events: 10, population: 500, standardWeight: 1000),
                .init(events: 40, population: 2000, standardWeight: 6000),
            ], multiplier: 1000)
        #expect(abs(two.value! - 20) < 1e-12)
    }

    @Test func proportionAtTheBounds() throws {
        let all = try #require(Proportion.estimate(numerator: 50, denominator: 50, multiplier: 100))
        #expect(all.value == 100)
        #expect(abs(all.upper95! - 100) < 1e-9)
        #expect(abs(all.upper998! - 100) < 1e-9)
        let none = try #require(Proportion.estimate(numerator: 0, denominator: 50, multiplier: 100))
        #expect(none.lower95 == 0 && none.lower998 == 0)
    }

    @Test func isrWithZeroObserved() {
        let bands = [IndirectStandardisation.Band(events: 0, population: 100, referenceEvents: 10, referencePopulation: 1000)]
        let estimate = IndirectlyStandardisedRatio.ratio(bands)
        #expect(estimate.value == 0)
        #expect(estimate.lower95 == 0)
        #expect(estimate.method == .exact)
        #expect(estimate.upper95! > 0)
    }

    /// Value inside its 95% interval, and the 95% interval inside the 99.8% one, over a grid of inputs.
    @Test(arguments: [0.0, 1, 3, 9, 10, 11, 57, 400, 12_345])
    func intervalsNest(events: Double) throws {
        for population in [events + 1, events * 3 + 7, 1e6] {
            for estimate in [
                CrudeRate.estimate(events: events, population: population),
                Proportion.estimate(numerator: events, denominator: population, multiplier: 100),
            ] {
                let e = try #require(estimate)
                let value = try #require(e.value)
                #expect((e.lower95 ?? 0) <= value && value <= e.upper95!)
                #expect((e.lower998 ?? 0) <= (e.lower95 ?? 0) && e.upper95! <= e.upper998!)
            }
        }
    }
    /// A DSR with events in a band with no population is withheld, and still stores the whole range's
    /// counts: bands 5/100, 3/0, 7/200 store 15 events over 300 people, not 8 over 100.
    @Test func aWithheldDSRStoresEveryBandsCounts() {
        var events = [Double](repeating: 0, count: 19), people = [Double](repeating: 0, count: 19)
        (events[0], people[0]) = (5, 100)
        (events[1], people[1]) = (3, 0)
        (events[2], people[2]) = (7, 200)
        var shares = [Double](repeating: 0, count: 19)
        for band in 0..<3 { shares[band] = 1 }
        let counts = AgeBandedCounts(
            events: events, unknownAgeEvents: 0, denominators: [Double](repeating: 0, count: 19), unknownAgeDenominators: 0,
            population: people, shares: shares, countsUnknownAge: false, standardWeights: [Double](repeating: 100_000.0 / 19, count: 19),
            reference: nil, multiplier: 100_000)
        let result = DirectlyStandardisedRate().compute(counts)
        #expect(result.withheld == .eventsWithoutPopulation)
        #expect(result.numerator == 15 && result.denominator == 300)
    }
}

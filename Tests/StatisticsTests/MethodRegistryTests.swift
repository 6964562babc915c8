import Testing

@testable import Statistics

/// Every method in the registry is complete and self-consistent: it answers to its own name, says how it
/// is labelled, explained, plotted and published, computes from age-banded counts, and recomputes its own
/// 95% limits from a stored value (so gap tests at 83.4% use the same construction).
struct MethodRegistryTests {
    /// Twenty events in each of three bands, 1,000 people in every band; England's counts for indirect
    /// standardisation.
    static func counts(multiplier: Double) -> AgeBandedCounts {
        var events = [Double](repeating: 0, count: 19), people = [Double](repeating: 1000, count: 19)
        var denominators = [Double](repeating: 0, count: 19)
        for band in 5..<8 {
            events[band] = 20
            denominators[band] = 50
        }
        return AgeBandedCounts(
            events: events, unknownAgeEvents: 0, denominators: denominators, unknownAgeDenominators: 0,
            population: people, shares: [Double](repeating: 1, count: 19), countsUnknownAge: true,
            standardWeights: [Double](repeating: 100_000.0 / 19, count: 19),
            reference: (events.map { $0 * 3 }, people.map { $0 * 2 }), multiplier: multiplier)
    }

    @Test(arguments: Statistic.allCases)
    func methodIsComplete(statistic: Statistic) throws {
        let method = statistic.method
        #expect(method.statistic == statistic, "the registry line points at the method's own file")
        #expect(!method.label.isEmpty)
        #expect(method.formula(multiplier: "1234").contains("1234"), "the formula names the multiplier")
        switch method.funnel {
        case .proportion: #expect(method.counts == .numeratorAndDenominator)
        case .poissonRate(let minimum, _): #expect(minimum >= 0 && method.counts == .events)
        case .none: break
        }
        switch method.publication.source {
        case .roundedCounts: #expect(method.counts == .numeratorAndDenominator, "only counted fractions are recomputed from rounded counts")
        case .computed: break
        }
        if let when = method.publication.withheldWhen { #expect(!when.isEmpty) }

        let multiplier = method.counts == .numeratorAndDenominator ? 100.0 : 1000
        let result = method.compute(Self.counts(multiplier: multiplier))
        let estimate = try #require(result.estimate, "\(statistic.rawValue) gives a value for 60 events")
        let value = try #require(estimate.value)
        let lower = try #require(estimate.lower95), upper = try #require(estimate.upper95)
        #expect(lower < value && value < upper)
        #expect(result.withheld == nil)
        let stored = StoredEstimate(
            numerator: result.numerator, denominator: result.denominator, value: value, upper95: upper,
            multiplier: multiplier)
        let again = try #require(method.limits(of: stored, confidence: ConfidenceLevel.ninetyFive))
        #expect(abs(again.lower - lower) <= 1e-9 * abs(lower), "\(statistic.rawValue): limits at 95% recomputed from the stored value")
        #expect(abs(again.upper - upper) <= 1e-9 * abs(upper))
        let narrower = try #require(method.limits(of: stored, confidence: 0.834))
        #expect(lower < narrower.lower && narrower.upper < upper, "83.4% limits sit inside the 95% ones")
    }

    @Test func namesAndLabelsAreDistinct() {
        #expect(Set(Statistic.allCases.map(\.method.label)).count == Statistic.allCases.count)
        #expect(Set(WithheldReason.allCases.map(\.text)).count == WithheldReason.allCases.count)
    }

    /// A method with nothing to divide by withholds its value with a reason, never a zero or a crash.
    @Test(arguments: Statistic.allCases)
    func emptyCountsAreWithheld(statistic: Statistic) {
        var empty = Self.counts(multiplier: 100)
        empty.population = empty.population.map { _ in 0 }
        empty.denominators = empty.denominators.map { _ in 0 }
        empty.events = empty.events.map { _ in 0 }
        empty.reference = nil
        let result = statistic.method.compute(empty)
        #expect(result.estimate == nil)
        #expect(result.withheld != nil)
    }
}

extension MethodRegistryTests {
    /// What a reader recovers from a published value and its limits is the method's own count: Poisson
    /// limits name the count (and a crude rate its population); Dobson limits name the count.
    @Test(arguments: [1.0, 3, 7, 9, 10, 11, 57, 400, 12_345])
    func publishedLimitsGiveTheCountAway(events: Double) throws {
        for statistic in [Statistic.crudeRate, .isRatio] {
            var counts = Self.counts(multiplier: 1000)
            counts.events = counts.events.map { $0 > 0 ? events / 3 : 0 }
            let result = statistic.method.compute(counts)
            let estimate = try #require(result.estimate)
            let found = statistic.method.recoverCounts(
                value: estimate.value!, lower95: estimate.lower95!, upper95: estimate.upper95!,
                multiplier: 1000)
            #expect(abs((found.numerator ?? -1) - result.numerator) < 1e-6, "\(statistic.rawValue) \(events)")
            #expect(abs((found.denominator ?? -1) - result.denominator) < 1e-6 * result.denominator)
        }
        let dsr = DirectlyStandardisedRate.estimate(
            [.init(events: events, population: 5000, standardWeight: 60_000), .init(events: 0, population: 3000, standardWeight: 40_000)])
        if events >= 10 {
            let found = DirectlyStandardisedRate().recoverCounts(value: dsr.value!, lower95: dsr.lower95!, upper95: dsr.upper95!, multiplier: 100_000)
            #expect(found.numerator == events)
        }
        #expect(Proportion().recoverCounts(value: 50, lower95: 40, upper95: 60, multiplier: 100) == .nothing)
    }
}

extension MethodRegistryTests {
    /// Somewhere past half a million events the limits of neighbouring counts are too alike to tell apart: the
    /// published figures then name no count (the national run once "recovered" 3,491,092 for a
    /// published 3,491,093), while 500,000 is still told from its neighbours.
    @Test(arguments: [(500_000.0, true), (3_491_093, false), (25_000_000, false)])
    func countsTooLargeToTellApartAreNotRecovered(events: Double, recovered: Bool) {
        let confidence = ConfidenceLevel.ninetyFive
        let found = CountRecovery.count(
            value: events, lower: PoissonLimits.byarsLower(events, confidence: confidence)!,
            upper: PoissonLimits.byarsUpper(events, confidence: confidence), byarsOnly: true)
        #expect(found == (recovered ? events : nil))
    }
}

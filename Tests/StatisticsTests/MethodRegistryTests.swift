import Testing

@testable import Statistics

/// Every method in the registry is complete and self-consistent: it answers to its own name, says how it
/// is labelled, explained, plotted and published, computes from age-banded counts, and recomputes its own
/// 95% limits from a stored value (so gap tests at 83.4% use the same construction).
struct MethodRegistryTests {
    /// Twenty events in each of three bands of 1,000 people; England twice that, for indirect standardisation.
    static func counts(multiplier: Double) -> AgeBandedCounts {
        var events = [Double](repeating: 0, count: 19), people = [Double](repeating: 0, count: 19)
        var denominators = [Double](repeating: 0, count: 19)
        for band in 5..<8 {
            events[band] = 20
            people[band] = 1000
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

import Testing

@testable import Statistics

/// Every Byar's, Wilson, rate, proportion, DSR and ISR case of PHEindicatormethods' test data, to ≤ 1e-9 relative.
struct ReferenceCaseTests {
    @Test(arguments: ReferenceCases.shared.byars.indices)
    func byars(index: Int) {
        let c = ReferenceCases.shared.byars[index]
        #expect(agrees(PoissonLimits.byarsLower(c.x, confidence: c.confidence), c.lower), "lower x=\(c.x) c=\(c.confidence)")
        #expect(agrees(PoissonLimits.byarsUpper(c.x, confidence: c.confidence), c.upper), "upper x=\(c.x) c=\(c.confidence)")
    }

    @Test(arguments: ReferenceCases.shared.wilson.indices)
    func wilson(index: Int) {
        let c = ReferenceCases.shared.wilson[index]
        #expect(agrees(WilsonLimits.lower(c.x, c.n!, confidence: c.confidence), c.lower))
        #expect(agrees(WilsonLimits.upper(c.x, c.n!, confidence: c.confidence), c.upper))
    }

    @Test(arguments: ReferenceCases.shared.rate.indices)
    func crudeRate(index: Int) {
        let c = ReferenceCases.shared.rate[index]
        let estimate = CrudeRate.estimate(events: c.x, population: c.n, multiplier: c.multiplier)
        #expect(agrees(estimate?.value, c.value), "\(c.label)")
        #expect(agrees(estimate?.lower95, c.lower95), "\(c.label)")
        #expect(agrees(estimate?.upper95, c.upper95), "\(c.label)")
        if c.lower998 != nil || c.upper998 != nil {
            #expect(agrees(estimate?.lower998, c.lower998), "\(c.label)")
            #expect(agrees(estimate?.upper998, c.upper998), "\(c.label)")
        }
        if let value = estimate {
            #expect(value.method.rawValue == c.method)
        }
    }

    @Test(arguments: ReferenceCases.shared.proportion.indices)
    func proportion(index: Int) {
        let c = ReferenceCases.shared.proportion[index]
        let estimate = Proportion.estimate(numerator: c.x, denominator: c.n, multiplier: c.multiplier)
        #expect(agrees(estimate?.value, c.value), "\(c.label)")
        #expect(agrees(estimate?.lower95, c.lower95), "\(c.label)")
        #expect(agrees(estimate?.upper95, c.upper95), "\(c.label)")
        if c.lower998 != nil {
            #expect(agrees(estimate?.lower998, c.lower998), "\(c.label)")
            #expect(agrees(estimate?.upper998, c.upper998), "\(c.label)")
        }
    }

    @Test(arguments: ReferenceCases.shared.dsr.indices)
    func directlyStandardisedRate(index: Int) {
        let c = ReferenceCases.shared.dsr[index]
        let bands = c.n.indices.map { DirectlyStandardisedRate.Band(events: c.x[$0] ?? 0, population: c.n[$0], standardWeight: c.stdpop[$0]) }
        let estimate = DirectlyStandardisedRate.estimate(bands, multiplier: c.multiplier)
        #expect(agrees(estimate.value, c.value), "\(c.label)")
        #expect(agrees(estimate.lower95, c.lower95), "\(c.label)")
        #expect(agrees(estimate.upper95, c.upper95), "\(c.label)")
        if c.lower998 != nil || c.value == nil {
            #expect(agrees(estimate.lower998, c.lower998), "\(c.label)")
            #expect(agrees(estimate.upper998, c.upper998), "\(c.label)")
        }
        if c.value == nil {
            #expect(estimate.withheld == .fewerThanTenEvents)
        }
    }

    @Test(arguments: ReferenceCases.shared.isratio.indices)
    func indirectlyStandardisedRatio(index: Int) {
        let c = ReferenceCases.shared.isratio[index]
        let bands = Self.bands(c)
        #expect(agrees(IndirectStandardisation.expected(bands), c.expected), "\(c.label)")
        let estimate = IndirectlyStandardisedRatio.ratio(bands, observedTotal: c.observed, referenceValue: c.refvalue ?? 1)
        Self.check(estimate, c)
    }

    @Test(arguments: ReferenceCases.shared.israte.indices)
    func indirectlyStandardisedRate(index: Int) {
        let c = ReferenceCases.shared.israte[index]
        let estimate = IndirectlyStandardisedRate.rate(Self.bands(c), observedTotal: c.observed, multiplier: c.multiplier ?? 100_000)
        Self.check(estimate, c)
    }

    static func bands(_ c: ReferenceCases.ISR) -> [IndirectStandardisation.Band] {
        c.n_ref.indices.map {
            IndirectStandardisation.Band(events: c.x[$0], population: c.n[$0], referenceEvents: c.x_ref[$0], referencePopulation: c.n_ref[$0])
        }
    }

    static func check(_ estimate: IntervalEstimate, _ c: ReferenceCases.ISR) {
        #expect(agrees(estimate.value, c.value), "\(c.label)")
        #expect(agrees(estimate.lower95, c.lower95), "\(c.label)")
        #expect(agrees(estimate.upper95, c.upper95), "\(c.label)")
        if c.lower998 != nil {
            #expect(agrees(estimate.lower998, c.lower998), "\(c.label)")
            #expect(agrees(estimate.upper998, c.upper998), "\(c.label)")
        }
        #expect(estimate.method.rawValue == c.method)
    }
}

import PipelineCore

/// Computes one indicator value for one geography × breakdown from the cubes.
struct IndicatorCalculator {
    let indicator: IndicatorConfig
    let standardWeights: [Double]
    /// Population by ICB × decile × sex × age (numerator slot of a cube).
    let population: IndicatorCube

    /// Age-band shares inside the indicator's age range (1 for all bands when there is none).
    var bandShares: [Double] {
        AgeBand.all.map { indicator.ageRange?.share(of: $0) ?? 1 }
    }

    /// Result for one cell of the long table.
    struct Output {
        var numerator: Double
        var denominator: Double
        var estimate: IntervalEstimate?
        var withheldReason: String?
        var suppressedRecords: Double
    }

    func compute(_ cube: IndicatorCube, england: IndicatorCube?, icbs: [Int], slice: BreakdownSlice) -> Output {
        let shares = bandShares
        let events = IndicatorCube.byAge(cube.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
        let suppressed = IndicatorCube.byAge(cube.suppressedRecords, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
            .reduce(0, +)
        // Unknown age counts only when the indicator covers all ages.
        let includeUnknownAge = indicator.ageRange == nil
        func inRange(_ values: [Double], weighted: Bool) -> Double {
            var total = 0.0
            for band in 0..<AgeBand.count where shares[band] > 0 { total += values[band] * (weighted ? shares[band] : 1) }
            if includeUnknownAge { total += values[IndicatorCube.unknownAge] }
            return total
        }

        switch indicator.method {
        case .proportion:
            let denominators = IndicatorCube.byAge(cube.denominator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
            let x = inRange(events, weighted: false), n = inRange(denominators, weighted: false)
            guard n > 0 else { return Output(numerator: x, denominator: n, estimate: nil, withheldReason: "no denominator", suppressedRecords: suppressed) }
            return Output(numerator: x, denominator: n, estimate: Proportion.estimate(numerator: x, denominator: n, multiplier: indicator.multiplier),
                          withheldReason: nil, suppressedRecords: suppressed)

        case .crudeRate:
            let people = IndicatorCube.byAge(population.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
            let x = inRange(events, weighted: false)
            var n = 0.0
            for band in 0..<AgeBand.count where shares[band] > 0 { n += people[band] * shares[band] }
            guard n > 0 else { return Output(numerator: x, denominator: n, estimate: nil, withheldReason: "no population", suppressedRecords: suppressed) }
            return Output(numerator: x, denominator: n, estimate: CrudeRate.estimate(events: x, population: n, multiplier: indicator.multiplier),
                          withheldReason: nil, suppressedRecords: suppressed)

        case .dsr:
            let people = IndicatorCube.byAge(population.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
            var bands: [DirectlyStandardisedRate.Band] = []
            var x = 0.0, n = 0.0
            for band in 0..<AgeBand.count where shares[band] > 0 {
                let pop = people[band] * shares[band]
                x += events[band]
                n += pop
                if pop > 0 {
                    bands.append(.init(events: events[band], population: pop, standardWeight: standardWeights[band]))
                } else if events[band] > 0 {
                    return Output(numerator: x, denominator: n, estimate: nil,
                                  withheldReason: "events in age band \(AgeBand(index: band).label) with no population", suppressedRecords: suppressed)
                }
            }
            guard !bands.isEmpty else { return Output(numerator: x, denominator: n, estimate: nil, withheldReason: "no population", suppressedRecords: suppressed) }
            let estimate = DirectlyStandardisedRate.estimate(bands, multiplier: indicator.multiplier)
            return Output(numerator: x, denominator: n, estimate: estimate, withheldReason: estimate.withheldReason, suppressedRecords: suppressed)

        case .isRatio, .isRate:
            guard let england else { return Output(numerator: 0, denominator: 0, estimate: nil, withheldReason: "no reference", suppressedRecords: suppressed) }
            let everyone = Array(0..<england.icbCount)
            let referenceEvents = IndicatorCube.byAge(england.numerator, icbs: everyone, deciles: 1...10, sexes: [0, 1, 2])
            let referencePeople = IndicatorCube.byAge(population.numerator, icbs: everyone, deciles: 1...10, sexes: [0, 1, 2])
            let people = IndicatorCube.byAge(population.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
            var bands: [IndirectlyStandardisedRatio.Band] = []
            var x = 0.0, n = 0.0
            for band in 0..<AgeBand.count where shares[band] > 0 && referencePeople[band] > 0 {
                bands.append(.init(events: events[band], population: people[band] * shares[band],
                                   referenceEvents: referenceEvents[band], referencePopulation: referencePeople[band] * shares[band]))
                x += events[band]
                n += people[band] * shares[band]
            }
            let expected = IndirectlyStandardisedRatio.expected(bands)
            guard expected > 0 else { return Output(numerator: x, denominator: n, estimate: nil, withheldReason: "no expected events", suppressedRecords: suppressed) }
            let estimate = indicator.method == .isRatio
                ? IndirectlyStandardisedRatio.ratio(bands, referenceValue: indicator.multiplier)
                : IndirectlyStandardisedRatio.rate(bands, multiplier: indicator.multiplier)
            return Output(numerator: x, denominator: expected, estimate: estimate, withheldReason: nil, suppressedRecords: suppressed)
        }
    }
}

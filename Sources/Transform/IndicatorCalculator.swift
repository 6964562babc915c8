import PipelineCore
import Statistics

/// Gathers one cell's counts by age band from the cubes and hands them to the indicator's method.
struct IndicatorCalculator {
    let indicator: IndicatorConfig
    let method: any IndicatorMethod
    let standardWeights: [Double]
    /// Population by ICB × decile × sex × age (numerator slot of a cube).
    let population: IndicatorCube
    /// Share of each age band inside the indicator's age range (1 for all bands when there is none).
    let shares: [Double]

    init(indicator: IndicatorConfig, standardWeights: [Double], population: IndicatorCube) {
        self.indicator = indicator
        method = indicator.method.method
        self.standardWeights = standardWeights
        self.population = population
        shares = AgeBand.all.map { indicator.ageRange?.share(of: $0) ?? 1 }
    }

    /// Result for one cell of the long table.
    struct Output {
        var result: MethodResult
        var suppressedRecords: Double
    }

    func compute(_ cube: IndicatorCube, england: IndicatorCube, icbs: [Int], slice: BreakdownSlice) -> Output {
        let events = IndicatorCube.byAge(cube.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
        let denominators = IndicatorCube.byAge(cube.denominator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
        let people = IndicatorCube.byAge(population.numerator, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes)
        let suppressed = IndicatorCube.byAge(cube.suppressedRecords, icbs: icbs, deciles: slice.deciles, sexes: slice.sexes).reduce(0, +)
        var reference: (events: [Double], population: [Double])?
        if method.needsEnglandReference {
            let everyone = Array(0..<england.icbCount)
            reference = (
                IndicatorCube.byAge(england.numerator, icbs: everyone, deciles: 1...10, sexes: [0, 1, 2]),
                IndicatorCube.byAge(population.numerator, icbs: everyone, deciles: 1...10, sexes: [0, 1, 2])
            )
        }
        let bands = AgeBand.count
        let counts = AgeBandedCounts(
            events: Array(events.prefix(bands)), unknownAgeEvents: events[IndicatorCube.unknownAge],
            denominators: Array(denominators.prefix(bands)), unknownAgeDenominators: denominators[IndicatorCube.unknownAge],
            population: Array(people.prefix(bands)), shares: shares, countsUnknownAge: indicator.ageRange == nil,
            standardWeights: standardWeights, reference: reference, multiplier: indicator.multiplier)
        return Output(result: method.compute(counts), suppressedRecords: suppressed)
    }
}

import PipelineCore
import Statistics

/// Gathers one cell's counts by age band from the cubes and hands them to the indicator's method.
struct IndicatorCalculator {
    let indicator: IndicatorConfig
    let method: any IndicatorMethod
    let standardWeights: [Double]
    /// Population by unit × decile × sex × age (numerator slot of a cube).
    let population: IndicatorCube
    /// Share of each age band inside the indicator's age range (1 for all bands when there is none).
    let shares: [Double]

    /// Whether 85-89 and 90+ are taken as one band (the source or the population stops at 85+;
    /// docs/DATA.md, "Ages").
    let mergesTopBands: Bool
    /// What a rate is over: the population's residents, or the denominator the source's rows carry (a
    /// practice's registered list; docs/DATA.md, "Denominators").
    let denominator: RateDenominator

    init(
        indicator: IndicatorConfig, standardWeights: [Double], population: IndicatorCube, mergesTopBands: Bool = false,
        denominator: RateDenominator = .residents
    ) {
        self.indicator = indicator
        self.denominator = denominator
        method = indicator.method.method
        self.mergesTopBands = mergesTopBands
        var shares = AgeBand.all.map { indicator.ageRange?.share(of: $0) ?? 1 }
        var weights = standardWeights
        if mergesTopBands {
            // One 85+ band: its weight is both bands'; it is in the range as far as 85-89 is.
            let last = AgeBand.count - 1
            weights[last - 1] += weights[last]
            weights[last] = 0
            shares[last] = 0
        }
        self.standardWeights = weights
        self.population = population
        self.shares = shares
    }

    /// Folds the 90+ band into 85-89 when the bands are merged.
    private func merged(_ values: [Double]) -> [Double] {
        guard mergesTopBands else { return values }
        var values = values
        let last = AgeBand.count - 1
        values[last - 1] += values[last]
        values[last] = 0
        return values
    }

    /// Result for one cell of the long table.
    struct Output {
        var result: MethodResult
        var suppressedRecords: Double
        /// Whether the slice has records and every one arrived suppressed: its counts are unknown, not 0.
        var onlySuppressedRecords = false
    }

    /// Keeps only the ages of a slice by age (every age otherwise).
    private func aged(_ values: [Double], _ slice: BreakdownSlice) -> [Double] {
        guard let ages = slice.ages else { return values }
        return values.indices.map { ages.contains($0) ? values[$0] : 0 }
    }

    func compute(_ cube: IndicatorCube, england: IndicatorCube, units: [Int], slice: BreakdownSlice) -> Output {
        let splits = cube.splits
        let events = merged(aged(IndicatorCube.byAge(cube.numerator, units: units, deciles: slice.deciles, sexes: slice.sexes, splits: splits), slice))
        let denominators = merged(
            aged(IndicatorCube.byAge(cube.denominator, units: units, deciles: slice.deciles, sexes: slice.sexes, splits: splits), slice))
        // The population is split as the counts are: by decile, or for a rate by ethnic group by group (the
        // census's usual residents; docs/DATA.md, "Rates by ethnic group").
        let people =
            denominator == .sourceRows
            ? denominators
            : population.splits == splits
                ? merged(
                    aged(
                        IndicatorCube.byAge(population.numerator, units: units, deciles: slice.deciles, sexes: slice.sexes, splits: population.splits),
                        slice))
                : [Double](repeating: 0, count: IndicatorCube.ages)
        let suppressed = IndicatorCube.byAge(cube.suppressedRecords, units: units, deciles: slice.deciles, sexes: slice.sexes, splits: splits).reduce(0, +)
        var reference: (events: [Double], population: [Double])?
        if method.needsEnglandReference {
            let everyone = Array(0..<england.unitCount)
            reference = (
                merged(IndicatorCube.byAge(england.numerator, units: everyone, deciles: 0...10, sexes: [0, 1, 2])),
                merged(IndicatorCube.byAge(population.numerator, units: everyone, deciles: 0...10, sexes: [0, 1, 2]))
            )
        }
        let bands = AgeBand.count
        var population = Array(people.prefix(bands))
        // A list recorded for all ages (or of unknown age), or a need-weighted population, is the whole denominator
        // of a rate over all ages, as its events are.
        if denominator != .residents, indicator.ageRange == nil { population[0] += people[IndicatorCube.unknownAge] }
        let counts = AgeBandedCounts(
            events: Array(events.prefix(bands)), unknownAgeEvents: events[IndicatorCube.unknownAge],
            denominators: Array(denominators.prefix(bands)), unknownAgeDenominators: denominators[IndicatorCube.unknownAge],
            population: population, shares: shares, countsUnknownAge: indicator.ageRange == nil,
            standardWeights: standardWeights, reference: reference, multiplier: indicator.multiplier)
        let records =
            cube.recordsKnown
            ? IndicatorCube.byAge(cube.records, units: units, deciles: slice.deciles, sexes: slice.sexes, splits: splits).reduce(0, +) : 0
        return Output(
            result: method.compute(counts), suppressedRecords: suppressed, onlySuppressedRecords: cube.recordsKnown && suppressed > 0 && records <= suppressed)
    }
}

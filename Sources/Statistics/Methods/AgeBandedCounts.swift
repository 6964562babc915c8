/// The counts behind one indicator value — one geography × breakdown × period — by ESP2013 age band,
/// gathered by the transform stage and handed to an ``IndicatorMethod``.
public struct AgeBandedCounts: Sendable {
    /// Events (or numerators) per age band.
    public var events: [Double]
    /// Events (or numerators) of unknown age.
    public var unknownAgeEvents: Double
    /// Proportion denominators per age band (zeros for event counts).
    public var denominators: [Double]
    public var unknownAgeDenominators: Double
    /// Resident population per age band, whole bands.
    public var population: [Double]
    /// Share of each band inside the indicator's age range (1 inside, 0 outside, a fraction for a band
    /// the range cuts): the population counts pro rata.
    public var shares: [Double]
    /// Whether records of unknown age count (only when the indicator covers all ages).
    public var countsUnknownAge: Bool
    /// ESP2013 weights per band.
    public var standardWeights: [Double]
    /// England's events and population per band, the reference for indirect standardisation.
    public var reference: (events: [Double], population: [Double])?
    public var multiplier: Double

    public init(
        events: [Double], unknownAgeEvents: Double, denominators: [Double], unknownAgeDenominators: Double,
        population: [Double], shares: [Double], countsUnknownAge: Bool, standardWeights: [Double],
        reference: (events: [Double], population: [Double])?, multiplier: Double
    ) {
        self.events = events
        self.unknownAgeEvents = unknownAgeEvents
        self.denominators = denominators
        self.unknownAgeDenominators = unknownAgeDenominators
        self.population = population
        self.shares = shares
        self.countsUnknownAge = countsUnknownAge
        self.standardWeights = standardWeights
        self.reference = reference
        self.multiplier = multiplier
    }

    /// Bands inside the age range, in band order.
    public var bandsInRange: [Int] { shares.indices.filter { shares[$0] > 0 } }

    /// Sum over the bands in range (whole bands, not pro rata), plus unknown age where it counts.
    public func totalInRange(_ values: [Double], unknownAge: Double) -> Double {
        var total = 0.0
        for band in bandsInRange { total += values[band] }
        if countsUnknownAge { total += unknownAge }
        return total
    }

    /// The population inside the age range, pro rata for a band the range cuts.
    public var populationInRange: Double {
        var total = 0.0
        for band in bandsInRange { total += population[band] * shares[band] }
        return total
    }
}

/// One indicator of the catalogue (domain.md §4): what to compute from which dataset.
public struct IndicatorConfig: Decodable, Sendable, Equatable {
    /// The statistic and its confidence-interval method (methods.md).
    public enum Method: String, Decodable, Sendable, CaseIterable {
        /// Directly standardised rate, ESP2013, Dobson limits; withheld below 10 events.
        case dsr
        /// Crude rate, exact Poisson limits below 10 events, Byar's at 10 or more.
        case crudeRate = "crude_rate"
        /// Proportion with Wilson score limits.
        case proportion
        /// Indirectly standardised ratio against England's age-specific rates.
        case isRatio = "isr_ratio"
        /// Indirectly standardised rate (ratio × England's crude rate).
        case isRate = "isr_rate"

        /// Which source kind the method needs.
        public var sourceKind: SourceConfig.Kind {
            self == .proportion ? .proportion : .events
        }
    }

    /// Which direction is good; decides better/worse and the SII sign.
    public enum Polarity: String, Decodable, Sendable, CaseIterable {
        case higherIsBetter = "higher_is_better"
        case lowerIsBetter = "lower_is_better"
        case none
    }

    /// Ways to break a value down.
    public enum Breakdown: String, Decodable, Sendable, CaseIterable {
        case imdQuintile = "imd_quintile"
        case imdDecile = "imd_decile"
        case sex
    }

    public var id: String
    public var title: String
    /// The `sources[].name` it is computed from.
    public var source: String
    public var method: Method
    public var multiplier: Double
    /// e.g. `per 100,000`, `%`.
    public var unit: String
    /// Inclusive age range in years; `nil` means all ages.
    public var ageRange: AgeRange?
    public var polarity: Polarity
    public var breakdowns: [Breakdown]
    public var definition: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, source, method, multiplier, unit, ageRange, polarity, breakdowns, definition
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        source = try container.decode(String.self, forKey: .source)
        method = try container.decode(Method.self, forKey: .method)
        multiplier = try container.decode(Double.self, forKey: .multiplier)
        unit = try container.decode(String.self, forKey: .unit)
        ageRange = try container.decodeIfPresent(AgeRange.self, forKey: .ageRange)
        polarity = try container.decode(Polarity.self, forKey: .polarity)
        breakdowns = try container.decodeIfPresent([Breakdown].self, forKey: .breakdowns) ?? Breakdown.allCases
        definition = try container.decodeIfPresent(String.self, forKey: .definition)
        guard multiplier > 0, multiplier.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: .multiplier, in: container, debugDescription: "must be a positive number")
        }
    }
}

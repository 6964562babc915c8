public import Statistics

/// One indicator of the catalogue (docs/TABLES.md): what to compute from which dataset, and by which
/// method of the ``Statistic`` registry.
public struct IndicatorConfig: Codable, Sendable, Equatable {
    /// Ways to break a value down.
    public enum Breakdown: String, Codable, Sendable, CaseIterable {
        case imdQuintile = "imd_quintile"
        case imdDecile = "imd_decile"
        case sex
        /// The broad ethnic groups and not stated, and the detailed categories, of a source by ethnic group.
        case ethnicGroup = "ethnic_group"
        case ethnicCategory = "ethnic_category"

        /// The stored breakdown type.
        public var type: BreakdownType {
            switch self {
            case .imdQuintile: .imdQuintile
            case .imdDecile: .imdDecile
            case .sex: .sex
            case .ethnicGroup: .ethnicGroup
            case .ethnicCategory: .ethnicCategory
            }
        }
    }

    public var id: String
    public var title: String
    /// The `sources[].name` it is computed from.
    public var source: String
    public var method: Statistic
    public var multiplier: Double
    /// e.g. `per 100,000`, `%`.
    public var unit: String
    /// Inclusive age range in years; `nil` means all ages.
    public var ageRange: AgeRange?
    public var polarity: Polarity
    public var breakdowns: [Breakdown]
    /// Whether `breakdowns` was written in the config (rather than the default, every breakdown the data
    /// supports): a breakdown asked for and impossible is an error, a default one is left out.
    public var breakdownsGiven: Bool = false
    public var definition: String?
    /// How the indicator reads inside a headline sentence, e.g. `waits of 18 weeks or less`; without it the
    /// title is used with its first letter lower-cased (unless it begins with an acronym or a name).
    public var phrase: String?
    /// Which test gives the one verdict against England (docs/METHODS.md §10); two-level by default.
    public var comparison: ComparisonPolicy = .twoLevel
    /// A component of `reference.needWeights` (e.g. `mental_health`): the crude rate is then over that
    /// need-weighted population, summed over each ICB's practices, instead of residents (docs/DATA.md,
    /// "Access against need"). Such a population has no deprivation split, sex or age.
    public var needWeighted: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, source, method, multiplier, unit, ageRange, polarity, breakdowns, definition, phrase, comparison, needWeighted
    }

    /// Indicator ids: `^[A-Za-z][A-Za-z0-9_-]{0,31}$` (as `pipeline.schema.json` says).
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter, id.count <= 32 else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        source = try container.decode(String.self, forKey: .source)
        method = try container.decode(Statistic.self, forKey: .method)
        multiplier = try container.decode(Double.self, forKey: .multiplier)
        unit = try container.decode(String.self, forKey: .unit)
        ageRange = try container.decodeIfPresent(AgeRange.self, forKey: .ageRange)
        polarity = try container.decode(Polarity.self, forKey: .polarity)
        breakdowns = try container.decodeIfPresent([Breakdown].self, forKey: .breakdowns) ?? Breakdown.allCases
        breakdownsGiven = container.contains(.breakdowns)
        definition = try container.decodeIfPresent(String.self, forKey: .definition)
        phrase = try container.decodeIfPresent(String.self, forKey: .phrase)
        comparison = try container.decodeIfPresent(ComparisonPolicy.self, forKey: .comparison) ?? .twoLevel
        needWeighted = try container.decodeIfPresent(String.self, forKey: .needWeighted)
        guard Self.isValidID(id) else {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: container,
                debugDescription: "must be a letter then up to 31 letters, digits, '_' or '-' (it names files, sheets and page anchors)")
        }
        guard multiplier > 0, multiplier.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: .multiplier, in: container, debugDescription: "must be a positive number")
        }
    }
}

extension Statistic {
    /// The kind of dataset the method reads.
    public var sourceKind: SourceConfig.Kind {
        switch method.counts {
        case .events: .events
        case .numeratorAndDenominator: .proportion
        }
    }
}

/// Fingertips' two-level comparison: the outcome at 99.8% where it is significant there, else at 95%
/// (docs/METHODS.md §10). Stored as e.g. `worse_998`, `better_95`, `similar`.
public enum TwoLevelComparison: String, Sendable, CaseIterable, Codable {
    case better998 = "better_998", worse998 = "worse_998", higher998 = "higher_998", lower998 = "lower_998"
    case better95 = "better_95", worse95 = "worse_95", higher95 = "higher_95", lower95 = "lower_95"
    case similar
    case notCompared = "not_compared"

    public init(at95: ComparisonOutcome, at998: ComparisonOutcome) {
        switch at998 {
        case .better: self = .better998
        case .worse: self = .worse998
        case .higher: self = .higher998
        case .lower: self = .lower998
        case .similar, .notCompared:
            switch at95 {
            case .better: self = .better95
            case .worse: self = .worse95
            case .higher: self = .higher95
            case .lower: self = .lower95
            case .similar: self = .similar
            case .notCompared: self = .notCompared
            }
        }
    }

    /// A funnel band read in the same words, by polarity: above the 99.8% line `better_998` (higher is
    /// better), `worse_998` (lower is better) or `higher_998` (no polarity), and so on; within is `similar`.
    public init(_ band: FunnelBand, polarity: Polarity) {
        switch band {
        case .high998: self.init(at95: polarity.judge(.higher), at998: polarity.judge(.higher))
        case .high95: self.init(at95: polarity.judge(.higher), at998: .similar)
        case .low998: self.init(at95: polarity.judge(.lower), at998: polarity.judge(.lower))
        case .low95: self.init(at95: polarity.judge(.lower), at998: .similar)
        case .within: self = .similar
        case .notApplicable: self = .notCompared
        }
    }

    /// The outcome without its level: `better_998` and `better_95` are both `better`.
    public var outcome: ComparisonOutcome {
        switch self {
        case .better998, .better95: .better
        case .worse998, .worse95: .worse
        case .higher998, .higher95: .higher
        case .lower998, .lower95: .lower
        case .similar: .similar
        case .notCompared: .notCompared
        }
    }
}

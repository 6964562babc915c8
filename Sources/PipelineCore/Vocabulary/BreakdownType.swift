/// How a geography's value is broken down in `indicator_value` (docs/TABLES.md).
public enum BreakdownType: String, Sendable, CaseIterable, Codable {
    case all
    case imdQuintile = "imd_quintile"
    case imdDecile = "imd_decile"
    case sex

    /// The quantile type of an IMD breakdown, `nil` for the others.
    public var quantileType: QuantileType? {
        switch self {
        case .imdQuintile: .imdQuintile
        case .imdDecile: .imdDecile
        case .all, .sex: nil
        }
    }
}

/// National deprivation quantiles the inequality indices are fitted over.
public enum QuantileType: String, Sendable, CaseIterable, Codable {
    case imdQuintile = "imd_quintile"
    case imdDecile = "imd_decile"

    /// Number of quantiles, 1 (most deprived) … count (least deprived).
    public var count: Int {
        switch self {
        case .imdQuintile: 5
        case .imdDecile: 10
        }
    }

    /// The breakdown rows of this quantile type.
    public var breakdownType: BreakdownType {
        switch self {
        case .imdQuintile: .imdQuintile
        case .imdDecile: .imdDecile
        }
    }
}

/// The geographies every indicator is computed for (docs/ARCHITECTURE.md, "Modules").
public enum GeographyLevel: String, Sendable, CaseIterable, Codable {
    case england, region, icb

    /// England's ONS code, the national row of every table.
    public static let englandCode = "E92000001"

    /// Sort order of the levels in tables: England, then regions, then ICBs.
    public var order: Int {
        switch self {
        case .england: 0
        case .region: 1
        case .icb: 2
        }
    }
}

/// The geographies every indicator is computed for (docs/ARCHITECTURE.md, "Modules"): England, NHS
/// regions, ICBs (the systems) and their sub-ICB locations ("places", docs/DATA.md, "Places").
public enum GeographyLevel: String, Sendable, CaseIterable, Codable {
    case england, region, icb, place

    /// England's ONS code, the national row of every table.
    public static let englandCode = "E92000001"

    /// Sort order of the levels in tables: England, then regions, then ICBs, then places.
    public var order: Int {
        switch self {
        case .england: 0
        case .region: 1
        case .icb: 2
        case .place: 3
        }
    }
}

/// Whether a source's counts are whole numbers (people, events: the default) or fractional by definition
/// (units of dental activity, need-weighted populations), as the source declares with `"counts"`
/// (docs/DATA.md, "Fractional counts").
public enum CountPrecision: String, Codable, Sendable, CaseIterable {
    case whole
    case fractional

    /// Fractional counts are read as whole ten-thousandths (four decimal places, the fifth rounding half up),
    /// so that their sums are exact and the same on every run whatever the order of the rows.
    public static let fractionalScale: Int64 = 10_000

    /// What one unit of the parsed count is worth: 1 for whole counts, 1/10,000 for fractional ones.
    public var scale: Int64 {
        switch self {
        case .whole: 1
        case .fractional: Self.fractionalScale
        }
    }
}

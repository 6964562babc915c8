/// Where a value falls on its funnel plot against England (docs/METHODS.md §10).
public enum FunnelBand: String, Sendable, CaseIterable, Codable {
    case within
    case high95 = "high_95"
    case high998 = "high_998"
    case low95 = "low_95"
    case low998 = "low_998"
    /// The method draws no funnel, or this value cannot be placed on it.
    case notApplicable = "not_applicable"

    /// Where a value falls against its 95% and 99.8% limits (lower, upper): above the 99.8% upper limit
    /// `high_998`, else above the 95% one `high_95`, then `low_998`, `low_95`, else `within`.
    public static func of(_ value: Double, limits95: (Double, Double), limits998: (Double, Double)) -> FunnelBand {
        value > limits998.1 ? .high998 : value > limits95.1 ? .high95 : value < limits998.0 ? .low998 : value < limits95.0 ? .low95 : .within
    }
}

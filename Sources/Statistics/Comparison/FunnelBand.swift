/// Where a value falls on its funnel plot against England (docs/METHODS.md §10).
public enum FunnelBand: String, Sendable, CaseIterable, Codable {
    case within
    case high95 = "high_95"
    case high998 = "high_998"
    case low95 = "low_95"
    case low998 = "low_998"
    /// The method draws no funnel, or this value cannot be placed on it.
    case notApplicable = "not_applicable"
}

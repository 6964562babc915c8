/// A predecessor → successor lookup for merged providers (docs/DATA.md, "Merged providers"): activity
/// published under a code the attribution weights no longer hold is shared out by its successor's weights.
/// NHS England's Organisation Data Service publishes such a file (`succ.csv`, no header row: predecessor,
/// successor, reason, effective date, indicator); `"headerless": true` reads it as published.
public struct ProviderSuccessors: Codable, Sendable, Equatable {
    public var file: String
    public var predecessorColumn: String
    public var successorColumn: String
    /// The file has no header row: the predecessor is its first column and the successor its second, as ODS
    /// publishes `succ.csv`.
    public var headerless: Bool
    /// A label for the lookup (recorded as the vintage of the reference file).
    public var vintage: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case file, predecessorColumn, successorColumn, headerless, vintage }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        headerless = try container.decodeIfPresent(Bool.self, forKey: .headerless) ?? false
        predecessorColumn = try container.decodeIfPresent(String.self, forKey: .predecessorColumn) ?? "predecessor_code"
        successorColumn = try container.decodeIfPresent(String.self, forKey: .successorColumn) ?? "successor_code"
        vintage = try container.decodeIfPresent(String.self, forKey: .vintage)
    }
}

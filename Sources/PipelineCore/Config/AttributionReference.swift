/// How a source counted by provider (NHS trust, GP practice) is shared out to ICBs: a weights file of
/// provider, ICB and the share of the provider's activity from that ICB (docs/DATA.md, "Counts by
/// provider"). Column names default to common ones and can be set as the file has them.
public struct AttributionReference: Codable, Sendable, Equatable {
    public var file: String
    public var providerColumn: String
    public var icbColumn: String
    public var shareColumn: String
    /// A label for the weights (recorded as the vintage of the reference file).
    public var vintage: String?
    /// Merged providers: codes the weights no longer hold, read through their successors' weights.
    public var successors: ProviderSuccessors?
    /// For a source by GP practice: the column giving each practice's sub-ICB location (e.g. `LOC22` in NHS
    /// England's allocation files), so the source has values for places (docs/DATA.md, "Places of GP practices").
    public var placeColumn: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case file, providerColumn, icbColumn, shareColumn, vintage, successors, placeColumn }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        providerColumn = try container.decodeIfPresent(String.self, forKey: .providerColumn) ?? "provider_code"
        icbColumn = try container.decodeIfPresent(String.self, forKey: .icbColumn) ?? "icb_code"
        shareColumn = try container.decodeIfPresent(String.self, forKey: .shareColumn) ?? "share"
        vintage = try container.decodeIfPresent(String.self, forKey: .vintage)
        successors = try container.decodeIfPresent(ProviderSuccessors.self, forKey: .successors)
        placeColumn = try container.decodeIfPresent(String.self, forKey: .placeColumn)
    }
}

/// Settings of the ingest stage.
public struct IngestSettings: Codable, Sendable, Equatable {
    /// Share of a source's rows that may be quarantined before ingest fails (default 0.01 = 1%).
    public var rejectThreshold: Double = 0.01
    /// Also store every validated row in `ingest_row` for analysts (slower).
    public var keepRows: Bool = false
    /// Whether every event and proportion dataset must cover every ICB in every period.
    public var requireFullCoverage: Bool = true
    /// Most periods one source may hold (each costs a few megabytes while it is read); 240 = 20 years of
    /// months. More fails ingest with a message naming the window to set (`periods`).
    public var maxPeriods: Int = 240

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case rejectThreshold, keepRows, requireFullCoverage, maxPeriods }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rejectThreshold = try container.decodeIfPresent(Double.self, forKey: .rejectThreshold) ?? 0.01
        keepRows = try container.decodeIfPresent(Bool.self, forKey: .keepRows) ?? false
        requireFullCoverage = try container.decodeIfPresent(Bool.self, forKey: .requireFullCoverage) ?? true
        maxPeriods = try container.decodeIfPresent(Int.self, forKey: .maxPeriods) ?? 240
        guard (1...10_000).contains(maxPeriods) else {
            throw DecodingError.dataCorruptedError(forKey: .maxPeriods, in: container, debugDescription: "must be from 1 to 10000")
        }
        guard (0...1).contains(rejectThreshold) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rejectThreshold, in: container, debugDescription: "must be a share between 0 and 1 (0.01 = 1%)")
        }
    }
}

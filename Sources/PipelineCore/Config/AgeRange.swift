/// Inclusive range of ages in whole years, e.g. 0–17.
public struct AgeRange: Codable, Sendable, Equatable {
    public var from: Int
    /// `nil` for "and over".
    public var to: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

    public init(from: Int, to: Int?) {
        self.from = from
        self.to = to
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(Int.self, forKey: .from)
        to = try container.decodeIfPresent(Int.self, forKey: .to)
        guard from >= 0, from <= 120 else {
            throw DecodingError.dataCorruptedError(forKey: .from, in: container, debugDescription: "must be an age from 0 to 120")
        }
        if let to, to < from || to > 120 {
            throw DecodingError.dataCorruptedError(
                forKey: .to, in: container, debugDescription: "must be an age from \(from) to 120 (not below 'from')")
        }
    }

    /// Share of a five-year band's years that fall inside the range (0…1).
    ///
    /// A band partly inside the range contributes pro rata: for 0–17 the 15–19 band counts
    /// 3/5 of its population, assuming an even spread of ages within the band. Events in a
    /// band are taken as they come (an extract restricted to the range has none outside it).
    public func share(of band: AgeBand) -> Double {
        let bandLow = band.lowerAge
        let bandHigh = band.upperAge ?? 120
        let low = max(from, bandLow)
        let high = min(to ?? 120, bandHigh)
        guard high >= low else { return 0 }
        if band.upperAge == nil { return 1 }  // 90+: all or nothing
        return Double(high - low + 1) / Double(bandHigh - bandLow + 1)
    }
}

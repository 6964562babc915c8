/// Usual residents by ethnic group, the denominator of a rate by ethnic group (`reference.ethnicGroupPopulation`;
/// docs/DATA.md, "Rates by ethnic group"): Census 2021 table TS021 by LSOA as ONS publishes it — one row per LSOA,
/// a column per ethnic group in ONS's words — read onto the NHS's categories (``CensusEthnicGroup``) and added up
/// by ICB through the LSOA lookup.
public struct EthnicGroupPopulationReference: Codable, Sendable, Equatable {
    /// The CSV (e.g. ONS's `census2021-ts021-lsoa.csv`).
    public var file: String
    /// The column holding each row's LSOA code (ONS: `geography code`).
    public var areaColumn: String
    /// A label recorded as the file's vintage, e.g. `Census 2021 (TS021)`.
    public var vintage: String

    enum CodingKeys: String, CodingKey, CaseIterable { case file, areaColumn, vintage }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        areaColumn = try container.decodeIfPresent(String.self, forKey: .areaColumn) ?? "geography code"
        vintage = try container.decode(String.self, forKey: .vintage)
    }
}

/// NHS England's need-weighted populations by GP practice (`reference.needWeights`; docs/DATA.md, "Access
/// against need"): one row per practice with its ICB and a column per weighted component (mental health,
/// health inequalities, the final core weight, the registered list). Each component summed over an ICB's
/// practices is a denominator an indicator may name (`needWeighted`), so a rate can be read against need
/// rather than head count.
public struct NeedWeightsReference: Codable, Sendable, Equatable {
    /// The CSV, or with `{year}` in its name one CSV per allocation year (the four digits are the first year
    /// of its financial year): each period is over its own financial year's weights, or the nearest year's.
    public var file: String
    public var practiceColumn: String
    public var icbColumn: String
    /// Component name (as indicators name it) → the file's column, e.g. `{"mental_health": "wp_mental_health"}`.
    public var components: [String: String]
    /// A label for the weights (recorded as the vintage of the reference file), e.g. `NHS England allocations 2023/24`.
    public var vintage: String

    enum CodingKeys: String, CodingKey, CaseIterable { case file, practiceColumn, icbColumn, components, vintage }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        practiceColumn = try container.decodeIfPresent(String.self, forKey: .practiceColumn) ?? "practice_code"
        icbColumn = try container.decodeIfPresent(String.self, forKey: .icbColumn) ?? "icb_ods_code"
        components = try container.decode([String: String].self, forKey: .components)
        vintage = try container.decode(String.self, forKey: .vintage)
        if components.isEmpty || components.keys.contains(where: { !IndicatorConfig.isValidID($0) }) {
            throw DecodingError.dataCorruptedError(
                forKey: .components, in: container,
                debugDescription: "name each component (letters, digits, '_' or '-') and its column, e.g. {\"mental_health\": \"wp_mental_health\"}")
        }
    }
}

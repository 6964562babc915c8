/// Settings of the report stage: disclosure control, formats and what the HTML report features.
public struct ReportSettings: Codable, Sendable, Equatable {
    /// A published file format.
    public enum Format: String, Codable, Sendable, CaseIterable {
        case csv, json, md, xlsx, html
    }

    public var disclosure = DisclosureRules()
    /// Formats published on every run (all by default).
    public var formats: [Format] = Format.allCases
    /// ODS code of the ICS shown beside England in the HTML quintile charts; default: the first ICS.
    public var focusIcs: String?
    /// Published run folders kept under the output directory (older ones are removed after a publish).
    public var keepRuns = 10
    /// Title of the workbook and HTML report.
    public var title = "State of Care: equity in access to health and care"
    /// Who publishes the tables, shown on the workbook's cover and in its document properties.
    public var publisher: String?
    /// Whom readers contact about the tables (an e-mail address or team), shown on the workbook's cover.
    public var contact: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case disclosure, formats, focusIcs, keepRuns, title, publisher, contact
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ReportSettings()
        disclosure = try container.decodeIfPresent(DisclosureRules.self, forKey: .disclosure) ?? defaults.disclosure
        formats = try container.decodeIfPresent([Format].self, forKey: .formats) ?? defaults.formats
        focusIcs = try container.decodeIfPresent(String.self, forKey: .focusIcs)
        keepRuns = try container.decodeIfPresent(Int.self, forKey: .keepRuns) ?? defaults.keepRuns
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        contact = try container.decodeIfPresent(String.self, forKey: .contact)
        guard !formats.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .formats, in: container, debugDescription: "name at least one format")
        }
        guard keepRuns >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .keepRuns, in: container, debugDescription: "must be at least 1")
        }
    }
}

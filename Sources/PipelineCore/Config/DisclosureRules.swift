/// The disclosure-control regime applied to every count before it leaves the database.
///
/// The defaults are the NHS Digital HES/ECDS method of September 2018 (docs/DISCLOSURE.md): 0 stays 0,
/// 1–7 become the suppressed symbol, 8 or more are rounded to the nearest 5, totals are rounded from
/// unrounded data, national counts are not controlled. Other regimes change the numbers here.
public struct DisclosureRules: Codable, Sendable, Equatable {
    /// Name of the regime, printed on the cover sheet and in `soc_metadata`.
    public var name = "NHS Digital HES/ECDS disclosure control (September 2018)"
    /// Sub-national counts in this range (inclusive) are suppressed.
    public var suppressFrom = 1
    public var suppressTo = 7
    /// Other sub-national counts are rounded to the nearest multiple of this (1 = no rounding).
    public var roundTo = 5
    /// Whether England-level counts are controlled too (the HES method leaves them unrounded).
    public var controlNational = false
    /// A percentage is shown to one decimal place only when its rounded denominator reaches this.
    public var percentOneDecimalMinDenominator: Double = 4_000
    /// What a suppressed count shows in CSV, JSON, Markdown and HTML (XLSX uses `[c]`).
    public var suppressedSymbol = "*"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, suppressFrom, suppressTo, roundTo, controlNational, percentOneDecimalMinDenominator, suppressedSymbol
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DisclosureRules()
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? defaults.name
        suppressFrom = try container.decodeIfPresent(Int.self, forKey: .suppressFrom) ?? defaults.suppressFrom
        suppressTo = try container.decodeIfPresent(Int.self, forKey: .suppressTo) ?? defaults.suppressTo
        roundTo = try container.decodeIfPresent(Int.self, forKey: .roundTo) ?? defaults.roundTo
        controlNational = try container.decodeIfPresent(Bool.self, forKey: .controlNational) ?? defaults.controlNational
        percentOneDecimalMinDenominator =
            try container.decodeIfPresent(Double.self, forKey: .percentOneDecimalMinDenominator)
            ?? defaults.percentOneDecimalMinDenominator
        suppressedSymbol = try container.decodeIfPresent(String.self, forKey: .suppressedSymbol) ?? defaults.suppressedSymbol
        guard suppressFrom >= 1, suppressTo >= suppressFrom - 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .suppressTo, in: container,
                debugDescription: "suppressFrom must be at least 1 and suppressTo at least suppressFrom - 1 (an empty range)")
        }
        guard roundTo >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .roundTo, in: container, debugDescription: "must be at least 1 (1 = no rounding)")
        }
        guard !suppressedSymbol.isEmpty, suppressedSymbol.allSatisfy({ !$0.isNumber }) else {
            throw DecodingError.dataCorruptedError(forKey: .suppressedSymbol, in: container, debugDescription: "must be non-empty and contain no digits")
        }
    }

    /// The rules as one line, for the cover sheet, metadata and the stage fingerprint.
    public var summary: String {
        let suppressed = suppressTo >= suppressFrom ? "\(suppressFrom)–\(suppressTo) shown as \(suppressedSymbol)" : "no suppression"
        let rounding = roundTo > 1 ? "other counts rounded to the nearest \(roundTo)" : "no rounding"
        let national = controlNational ? "England counts controlled too" : "England counts not controlled"
        return
            "\(name): sub-national counts of 0 stay 0, \(suppressed), \(rounding); totals rounded from unrounded data; \(national); percentages from rounded counts, one decimal place only where the rounded denominator is at least \(Int(percentOneDecimalMinDenominator))"
    }
}

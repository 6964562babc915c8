/// The disclosure-control regime applied to every count before it leaves the database.
///
/// The defaults are the NHS Digital HES/ECDS method of September 2018 (docs/DISCLOSURE.md): 0 stays 0,
/// 1–7 become the suppressed symbol, 8 or more are rounded to the nearest 5, totals are rounded from
/// unrounded data, national counts are not controlled. Other regimes change the numbers here.
public struct DisclosureRules: Codable, Sendable, Equatable {
    /// Name of the regime, printed on the cover sheet and in `soc_metadata` (as ``publishedName``).
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
    /// Must be true for a regime weaker than the default to load: weakening disclosure control is a
    /// decision someone takes on purpose, not a typo.
    public var acknowledgeWeakerThanDefault = false

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, suppressFrom, suppressTo, roundTo, controlNational, percentOneDecimalMinDenominator, suppressedSymbol
        case acknowledgeWeakerThanDefault
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
        acknowledgeWeakerThanDefault = try container.decodeIfPresent(Bool.self, forKey: .acknowledgeWeakerThanDefault) ?? false
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
        guard weakenings.isEmpty || acknowledgeWeakerThanDefault else {
            throw DecodingError.dataCorruptedError(
                forKey: .acknowledgeWeakerThanDefault, in: container,
                debugDescription: "this regime is weaker than the NHS Digital default (\(weakenings.joined(separator: "; "))); "
                    + "set acknowledgeWeakerThanDefault to true if that is intended — published counts will be less protected")
        }
    }

    /// How this regime is weaker than the default (empty when it is not).
    public var weakenings: [String] {
        let standard = DisclosureRules()
        var found: [String] = []
        if suppressTo < suppressFrom {
            found.append("no counts are suppressed")
        } else if suppressFrom > standard.suppressFrom || suppressTo < standard.suppressTo {
            found.append("suppresses \(suppressFrom)–\(suppressTo) instead of \(standard.suppressFrom)–\(standard.suppressTo)")
        }
        if roundTo < standard.roundTo { found.append("rounds to \(roundTo) instead of \(standard.roundTo)") }
        if percentOneDecimalMinDenominator < standard.percentOneDecimalMinDenominator {
            found.append(
                "one-decimal percentages from a denominator of \(Int(percentOneDecimalMinDenominator)) instead of \(Int(standard.percentOneDecimalMinDenominator))"
            )
        }
        return found
    }

    /// The name published: `custom` for a regime weaker than the default, or one that differs from it
    /// but still carries its name — never the default's name on other rules.
    public var publishedName: String {
        var standard = DisclosureRules()
        standard.suppressedSymbol = suppressedSymbol
        standard.name = name
        standard.acknowledgeWeakerThanDefault = acknowledgeWeakerThanDefault
        if !weakenings.isEmpty { return "custom (weaker than the NHS Digital HES/ECDS default: \(weakenings.joined(separator: "; ")))" }
        if self != standard && name == DisclosureRules().name { return "custom" }
        return name
    }

    /// The rules as one line, for the cover sheet, metadata and the stage fingerprint.
    public var summary: String {
        let suppressed = suppressTo >= suppressFrom ? "\(suppressFrom)–\(suppressTo) shown as \(suppressedSymbol)" : "no suppression"
        let rounding = roundTo > 1 ? "other counts rounded to the nearest \(roundTo)" : "no rounding"
        let national = controlNational ? "England counts controlled too" : "England counts not controlled"
        return
            "\(publishedName): sub-national counts of 0 stay 0, \(suppressed), \(rounding); totals rounded from unrounded data; \(national); percentages from rounded counts, one decimal place only where the rounded denominator is at least \(Int(percentOneDecimalMinDenominator))"
    }
}

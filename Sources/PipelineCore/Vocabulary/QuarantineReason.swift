/// Why ingest set a row aside (`ingest_quarantine.reason`; stable codes, documented in docs/TABLES.md).
public enum QuarantineReason: String, Sendable, CaseIterable {
    case fieldCount = "field_count"
    case invalidUTF8 = "invalid_utf8"
    case unknownLsoa = "unknown_lsoa"
    case unknownIcb = "unknown_icb"
    case unknownSubIcb = "unknown_sub_icb"
    case invalidDecile = "invalid_imd_decile"
    case invalidPeriod = "invalid_period"
    case invalidSex = "invalid_sex"
    case invalidAgeBand = "invalid_age_band"
    case missingValue = "missing_value"
    case notACount = "not_a_count"
    case negativeCount = "negative_count"
    case numeratorExceedsDenominator = "numerator_exceeds_denominator"
    case duplicateKey = "duplicate_key"
    case countTooLarge = "count_too_large"
    case futurePeriod = "future_period"
    case outsidePeriodWindow = "outside_period_window"
    case outsideDeliveredIcs = "outside_delivered_ics"
    case mixedPeriodKinds = "mixed_period_kinds"
    case mixedTopAgeBands = "mixed_top_age_bands"
    case mixedAllAges = "mixed_all_ages"
    case personsRow = "persons_row"
    case monthFirstDate = "month_first_date"
    case icbNameNotCode = "icb_name_not_code"
    case subIcbCodeInIcbColumn = "sub_icb_code_in_icb_column"
    case unknownEthnicGroup = "unknown_ethnic_group"
    /// A practice the practice list does not name (closed or merged since): counted in England, in no ICS.
    case unknownPractice = "unknown_practice"
    /// A practice with no deprivation score: counted in its ICS and England, in no quintile.
    case unrankedPractice = "unranked_practice"
    /// A value published without counts (`kind: value`) that is not a number or a suppression marker.
    case notAValue = "not_a_value"
    /// Published limits that are not a pair around their value (lower ≤ value ≤ upper, both or neither).
    case limitsNotAroundValue = "limits_not_around_value"

    /// The largest count a row may hold: sums of such counts stay exact in a Double.
    public static let maximumCount: Int64 = 1_000_000_000

    /// One line of a summary by reason (threshold and coverage errors, `validate`, `quarantine`): how many
    /// rows, the reason, where the first is and why — never a value.
    public func summary(count: Int, first: InputLocation?) -> String {
        "\(count) \(rawValue)\(first.map { " — first: \($0)" } ?? ""): \(explanation)"
    }

    /// A sentence for logs and messages (never includes the cell value).
    public var explanation: String {
        switch self {
        case .fieldCount: "wrong number of fields"
        case .notAValue: "a published value must be a number (e.g. 762.59, -1.5e-3) or a suppression marker (*, c, [c], .., [x]) with empty limits"
        case .limitsNotAroundValue:
            "the limits published with a value must be numbers around it, lower ≤ value ≤ upper, both of a pair or neither (a limit alone, or one on the wrong side, is not what the publisher meant: map the columns the right way round)"
        case .unknownPractice:
            "GP practice code not in the source's practice list (a practice closed or merged since the list): its counts are in England's total and its deprivation group, in no ICS"
        case .unrankedPractice:
            "GP practice has no score in the practice deprivation file: its counts are in its ICS's and England's totals, in no quintile"
        case .invalidUTF8: "not valid UTF-8"
        case .unknownLsoa: "LSOA code not in the configured lookup vintage"
        case .unknownIcb: "ICB code not in the configured vintage (ODS or ONS)"
        case .unknownSubIcb: "sub-ICB location code not in the configured ICB lookup (ODS or ONS)"
        case .invalidDecile: "IMD decile must be a whole number from 1 to 10"
        case .unknownEthnicGroup:
            "ethnic group must be one of the NHS's five broad groups (White, Mixed, Asian or Asian British, Black or Black British, Other ethnic groups) or Not stated, with a category within it (A-S as the NHS Data Dictionary codes and names them) or All; map the file's columns as \"ethnicGroup\" and \"ethnicCategory\""
        case .invalidPeriod:
            "period must be a month (2025-03, 2025-03-01, 01/03/2025, Mar-25), a quarter (2024-Q4, 2024-25 Q3), a financial year (2024-25) or a year (2024), of the source's periodType if it declares one"
        case .invalidSex: "sex must be male/female/unknown (or M/F/U, 1/2/0/9)"
        case .invalidAgeBand: "age band must be one of the 19 ESP2013 bands, a single year of age, or 'unknown'"
        case .missingValue: "required value is empty"
        case .notACount:
            "count must be a whole number (e.g. 1234 or \"1,234\") or a suppression marker (*, c, .., -); a source whose counts are fractional by definition (units of activity, weighted populations) at ICB grain declares \"counts\": \"fractional\""
        case .negativeCount: "count must not be negative"
        case .numeratorExceedsDenominator: "numerator exceeds denominator"
        case .duplicateKey:
            "another row has the same area, period, sex and age band (if the file writes dates month first, 03/01/2025 for 1 March, reading them day first folds months together: rewrite them as YYYY-MM-DD)"
        case .countTooLarge: "count is larger than \(QuarantineReason.maximumCount) (no area has that many people or events)"
        case .futurePeriod: "period is after the current month"
        case .outsidePeriodWindow: "period is outside the configured window ('periods' in pipeline.json)"
        case .outsideDeliveredIcs: "the row's area belongs to another ICS than the folder the file was delivered in"
        case .mixedAllAges: "the source gives both all-ages rows and rows by age: the all-ages total would count people twice"
        case .icbNameNotCode:
            "an organisation's name where an ICB code is expected: map the column that holds ICB ODS codes (e.g. QE1) or ONS codes (E54…) as 'icb'"
        case .subIcbCodeInIcbColumn:
            "a sub-ICB location code (e.g. 00Q) where an ICB code is expected: declare \"grain\": \"sub-icb\" and map the column as 'subIcb', or map the ICB code column"
        case .monthFirstDate:
            "a date valid only month first (US order, e.g. 03/15/2025): dates with '/' are read day first as UK publishers write them, so this file's other dates are in the wrong months; rewrite the dates as YYYY-MM-DD"
        case .personsRow:
            "a persons (both sexes) row, which beside male and female rows would count people twice: keep the persons rows only (a 'where' filter on the sex column with [\"Persons\"] and \"sex\": [] in columns) or the male and female rows only (a 'where' filter with [\"Male\", \"Female\"])"
        case .mixedTopAgeBands: "the source gives ages over 85 both as 85+ and as 85-89/90+: one top band per source"
        case .mixedPeriodKinds: "the source's periods are of another kind (month, quarter, year): trends only join periods of one kind"
        }
    }
}

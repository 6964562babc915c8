/// A logical column an extract can carry.
public enum SourceField: String, CaseIterable, Sendable, Hashable, Codable, CodingKeyRepresentable {
    case lsoa, icb, subIcb, imdDecile, provider, period, sex, ageBand, events, numerator, denominator, population
    /// A source with `measures` (one row per measure): the column naming the measure, and its value.
    case measure, value
    /// A source by ICB × ethnic group: the group, and the detailed category within it where the file has
    /// that column (docs/DATA.md, "Ethnic groups").
    case ethnicGroup, ethnicCategory
    /// A value published without counts (`kind: value`): the 95% and 99.8% limits published with it, each
    /// pair read when present (docs/DATA.md, "Values without counts").
    case lower95, upper95, lower998, upper998

    /// The limits a source of values without counts may publish, in pairs.
    public static let publishedLimits: [SourceField] = [.lower95, .upper95, .lower998, .upper998]

    /// Header names recognised when the config gives none.
    public var defaultHeaders: [String] {
        switch self {
        case .lsoa: ["lsoa_code", "lsoa11cd", "lsoa11_code", "lsoa"]
        case .icb: ["icb_code", "icb_ods_code", "icb_ons_code", "icb"]
        case .subIcb: ["sub_icb_code", "sub_icb_ods_code", "sub_icb_ons_code", "sicbl_code", "sub_icb"]
        case .imdDecile: ["imd_decile", "imd19_decile", "decile"]
        case .provider: ["provider_code", "provider_ods_code", "org_code", "trust_code"]
        case .period: ["period", "month"]
        case .sex: ["sex", "gender"]
        case .ageBand: ["age_band", "ageband", "age_group", "age"]
        case .events: ["events", "count", "activity"]
        case .numerator: ["numerator"]
        case .denominator: ["denominator"]
        case .population: ["population", "persons"]
        case .measure: ["measure_name", "measure"]
        case .value: ["value"]
        case .ethnicGroup: ["ethnic_group", "ethnicity", "ethnic_category_group"]
        case .ethnicCategory: ["ethnic_category", "ethnic_category_code", "ethnicity_detail"]
        // OHID Fingertips exports name them `Lower CI 95.0 limit` … `Upper CI 99.8 limit`.
        case .lower95: ["lower_ci_95.0_limit", "lcl95", "lower95", "lower_95", "lower_ci_95"]
        case .upper95: ["upper_ci_95.0_limit", "ucl95", "upper95", "upper_95", "upper_ci_95"]
        case .lower998: ["lower_ci_99.8_limit", "lcl998", "lower998", "lower_99_8", "lower_ci_99.8"]
        case .upper998: ["upper_ci_99.8_limit", "ucl998", "upper998", "upper_99_8", "upper_ci_99.8"]
        }
    }

}

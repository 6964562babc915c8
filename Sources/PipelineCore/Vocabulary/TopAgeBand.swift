/// The oldest ages a source gives (`ingest_source.top_age_band`; docs/DATA.md, "Ages"): the ESP2013 bands
/// up to 90+, an 85+ band (age-standardised rates then merge 85-89 and 90+), or no ages at all.
public enum TopAgeBand: String, Sendable, CaseIterable, Codable {
    case ninetyPlus = "90+"
    case eightyFivePlus = "85+"
    /// Every row is all ages: crude rates and proportions only.
    case allAges = "all ages"
}

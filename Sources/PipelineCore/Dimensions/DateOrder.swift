/// The order of day and month in a source's slash dates (`03/01/2025`), which the digits alone cannot
/// say for days 1–12 (docs/DATA.md, "Periods").
public enum DateOrder: String, Codable, Sendable, CaseIterable {
    /// `01/03/2025` is 1 March 2025, as UK publishers write dates (the reading when none is declared).
    case dayFirst = "day-first"
    /// `03/01/2025` is 1 March 2025 (US order, e.g. a file saved by US-locale software).
    case monthFirst = "month-first"
}

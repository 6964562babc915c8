/// What span a period covers (docs/DATA.md, "Periods"). A source's periods are all of one kind, so
/// trends and comparisons only ever join periods of the same kind and length.
public enum PeriodKind: String, Codable, Sendable, CaseIterable {
    case month
    /// Three calendar months (`2024-Q4` is October to December 2024, `2024-25 Q3` in NHS financial terms).
    case quarter
    /// April to March (`2024-25`).
    case financialYear = "financial-year"
    /// January to December (`2024`).
    case calendarYear = "calendar-year"
    /// Twelve months ending the month given (`12m-to-2025-03`), as NHS dental and other activity is published.
    case rolling12Months = "rolling-12-months"

    /// Months covered.
    public var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .financialYear, .calendarYear, .rolling12Months: 12
        }
    }

    /// Months between one period of the series and the next (rolling periods move a month at a time).
    public var step: Int {
        switch self {
        case .rolling12Months: 1
        case .month, .quarter, .financialYear, .calendarYear: months
        }
    }

    var index: Int {
        switch self {
        case .month: 0
        case .quarter: 1
        case .financialYear: 2
        case .calendarYear: 3
        case .rolling12Months: 4
        }
    }
}

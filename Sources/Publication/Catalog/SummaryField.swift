/// One column of a table's Markdown summary (docs/PUBLISHED_TABLES.md, "Markdown"): a published column,
/// or an interval written `lower to upper`. The summary is narrow enough to paste into a draft; every
/// column is in the CSV.
public enum SummaryField: Sendable, Equatable {
    case column(String, heading: String)
    case interval(lower: String, upper: String, heading: String)

    public var heading: String {
        switch self {
        case .column(_, let heading), .interval(_, _, let heading): heading
        }
    }

    /// The published columns it shows.
    public var names: [String] {
        switch self {
        case .column(let name, _): [name]
        case .interval(let lower, let upper, _): [lower, upper]
        }
    }
}

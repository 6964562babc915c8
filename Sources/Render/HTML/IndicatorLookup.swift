import PipelineCore
import Publication

/// An indicator's rows found by key rather than by scanning (docs/REPORT.md, "Pages"): the pages ask for
/// each ICS in each period, and a history of many periods made those scans the page's main cost.
struct IndicatorLookup {
    /// ICS league rows by ODS code then period start.
    private var league: [String: [String: Int]] = [:]
    /// England's `all` row by period start.
    private var england: [String: Int] = [:]
    /// England's quintile inequality row by period start.
    private var inequality: [String: Int] = [:]
    /// The league rows of the latest period, in published order.
    private(set) var current: [LeagueRow] = []

    init() {}

    init(_ indicator: PublicationView.Indicator) {
        for (index, row) in indicator.league.enumerated() where league[row.ods]?[row.row.periodStart] == nil {
            league[row.ods, default: [:]][row.row.periodStart] = index
        }
        for (index, row) in indicator.national.enumerated() where row.breakdown == .all && england[row.row.periodStart] == nil {
            england[row.row.periodStart] = index
        }
        for (index, row) in indicator.inequality.enumerated() where row[.nQuantiles].number == 5 && inequality[row.periodStart] == nil {
            inequality[row.periodStart] = index
        }
        let latest = indicator.latest
        current = indicator.league.filter { $0.row.periodStart == latest }
    }

    func ics(_ ods: String, period: String) -> Int? { league[ods]?[period] }
    func england(_ period: String) -> Int? { england[period] }
    func inequality(_ period: String) -> Int? { inequality[period] }
}

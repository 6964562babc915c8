import Publication
import Statistics

/// A place's row of `soc_place` with its words decoded (docs/REPORT.md, "Profiles").
struct PlaceRow {
    let row: PublishedRow<PlaceColumn>
    /// The two-level comparison with its ICS; `not compared` where it is hidden with the value.
    let comparison: TwoLevelComparison
    /// The position in the funnel around the ICS; `not applicable` where it is hidden.
    let funnelBand: FunnelBand

    init(_ row: PublishedRow<PlaceColumn>) throws {
        self.row = row
        comparison = try row.outcome(.compareIcs2level, whenEmpty: .notCompared)
        funnelBand = try row.outcome(.funnelBand, whenEmpty: .notApplicable)
    }
}

import PipelineCore
import Publication
import Statistics

/// An ICS's row of `soc_ics_league` with its words decoded (docs/REPORT.md, "Pages").
struct LeagueRow {
    let row: PublishedRow<IcsLeagueColumn>
    /// The two-level comparison with England; `not compared` where it is hidden with the value.
    let comparison: TwoLevelComparison
    /// The funnel position; `not applicable` where it is hidden with the value.
    let funnelBand: FunnelBand
    /// The ICS's SII against England's; nil where it is hidden, not compared, or the indicator has no
    /// deprivation split.
    let siiVersusEngland: IntervalSide?

    init(_ row: PublishedRow<IcsLeagueColumn>) throws {
        self.row = row
        comparison = try row.outcome(.compareEngland2level, whenEmpty: .notCompared)
        funnelBand = try row.outcome(.funnelBand, whenEmpty: .notApplicable)
        siiVersusEngland = row.text(.siiVsEngland) == Self.noSplit ? nil : try row.word(.siiVsEngland)
    }

    /// What `sii_vs_england` says for an indicator with no deprivation split.
    static let noSplit = "not_available_no_deprivation_split"

    var ods: String { row.text(.icsOdsCode) }
    var name: String { row.text(.icsName) }
    var siiUnstableReason: String? { row[.siiUnstableReason].text }
}

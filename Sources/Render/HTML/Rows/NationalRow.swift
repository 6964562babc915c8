import PipelineCore
import Publication

/// A row of `soc_national_by_group`: England overall or in one group (docs/REPORT.md, "Pages").
struct NationalRow {
    let row: PublishedRow<NationalByGroupColumn>
    let breakdown: BreakdownType

    init(_ row: PublishedRow<NationalByGroupColumn>) throws {
        self.row = row
        guard let breakdown: BreakdownType = try row.word(.breakdownType) else {
            throw PipelineError(.internal, "soc_national_by_group has a row with no breakdown_type")
        }
        self.breakdown = breakdown
    }
}

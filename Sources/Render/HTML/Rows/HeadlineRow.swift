import PipelineCore
import Publication

/// A statement of `soc_headlines` with its kind decoded (docs/REPORT.md, "Pages").
struct HeadlineRow {
    let row: PublishedRow<HeadlinesColumn>
    let kind: HeadlineKind

    init(_ row: PublishedRow<HeadlinesColumn>) throws {
        self.row = row
        guard let kind: HeadlineKind = try row.word(.statementType) else {
            throw PipelineError(.internal, "soc_headlines has a row with no statement_type")
        }
        self.kind = kind
    }

    var text: String { row.text(.text) }
}

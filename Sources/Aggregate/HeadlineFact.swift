import PipelineCore

/// A fact of the kind State of Care headlines (docs/PUBLISHED_TABLES.md, `soc_headlines`): its figure and
/// the table and row it comes from. The report stage words it.
struct HeadlineFact {
    var indicator: String
    var period: String
    var kind: HeadlineKind
    var rank: Int
    var value: Double?
    var lower: Double?
    var upper: Double?
    var sourceTable: String
    var sourceKey: String
}

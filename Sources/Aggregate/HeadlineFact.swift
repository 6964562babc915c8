import PipelineCore

/// A statement of the kind State of Care prints (domain.md §1.3), with the figure it rests on and
/// the table and row it came from, so report text can be generated and checked.
struct HeadlineFact {
    var indicator: String
    var period: String
    var statementType: String
    var rank: Int
    var value: Double?
    var lower: Double?
    var upper: Double?
    var text: String
    var sourceTable: String
    var sourceKey: String

    /// A figure for prose: fixed decimals, thousands separated with commas (`1,075.1`).
    static func figure(_ value: Double, decimals: Int = 1) -> String { FigureText.figure(value, decimals: decimals) }

    /// Value with its unit, e.g. `57.1%` or `752.6 per 100,000`.
    static func withUnit(_ value: Double, unit: String) -> String { FigureText.withUnit(value, unit: unit) }
}

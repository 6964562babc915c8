import PipelineCore

/// Where a row whose ICS or decile is unknown can still be counted: its period, its ICB when known (the
/// decile is not), its decile when known (the ICB is not), sex and age. England's all the same, so counted
/// into England's value and its ICS's total (docs/DATA.md, "Unknown places in the totals"); what each place
/// holds is a ``SetAsideTally``.
struct UnplacedCounts {
    /// The `icb` of a key holding the publisher's own England rows (docs/DATA.md, "England as published").
    static let englandRow = -2

    struct Key: Hashable {
        var period: Period
        /// ICB index, -1 when the ICS is unknown, or ``englandRow`` for the publisher's own England rows.
        var icb: Int
        /// National decile 1–10, or 0 when unknown (or the grain has none); for a source by ethnic group, its
        /// group's slot + 1 (``SourceTotals``).
        var decile: Int
        var sex: Int
        var age: Int
        /// Sub-ICB index of its place when known though the decile is not (a GP practice with no score), else -1.
        var place: Int = -1
    }
}

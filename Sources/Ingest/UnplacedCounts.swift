import PipelineCore

/// Where a row whose ICS or decile is unknown can still be counted: its period, its ICB when known (the
/// decile is not), its decile when known (the ICB is not), sex and age. England's all the same, so counted
/// into England's value and its ICS's total (docs/DATA.md, "Unknown places in the totals"); what each place
/// holds is a ``SetAsideTally``.
struct UnplacedCounts {
    struct Key: Hashable {
        var period: Period
        /// ICB index, or -1 when the ICS is unknown.
        var icb: Int
        /// National decile 1–10, or 0 when unknown (or the grain has none).
        var decile: Int
        var sex: Int
        var age: Int
    }
}

import PipelineCore

/// What a row whose ICS or decile is unknown counts, by where it can still be placed: its period, its ICB
/// when known (the decile is not), its decile when known (the ICB is not), sex and age. England's all the
/// same, so counted into England's value and its ICS's total (docs/DATA.md, "Unknown places in the totals").
struct UnplacedCounts: Equatable {
    struct Key: Hashable {
        var period: Period
        /// ICB index, or -1 when the ICS is unknown.
        var icb: Int
        /// National decile 1–10, or 0 when unknown (or the grain has none).
        var decile: Int
        var sex: Int
        var age: Int
    }

    var records = 0
    var suppressedRecords = 0
    /// Events or a proportion's numerator, in the source's count units (ten-thousandths for fractional counts).
    var first: Int64 = 0
    /// A proportion's denominator, in the same units.
    var second: Int64 = 0

    mutating func add(_ other: UnplacedCounts) {
        records += other.records
        suppressedRecords += other.suppressedRecords
        first += other.first
        second += other.second
    }
}

extension Dictionary where Key == UnplacedCounts.Key, Value == UnplacedCounts {
    /// Adds another file's or chunk's counts.
    mutating func absorb(_ other: [UnplacedCounts.Key: UnplacedCounts]) {
        for (key, counts) in other { self[key, default: UnplacedCounts()].add(counts) }
    }
}

import PipelineCore

/// The counts carried by rows set aside because where they belong is unknown — an ICB or LSOA code the
/// reference does not hold, or a deprivation decile given as `Not stated` — by period and reason
/// (docs/DATA.md, "Rows set aside"). They are in no value, and the publication says how much they carry.
struct SetAsideTally: Equatable {
    struct Key: Hashable {
        var period: String
        var reason: QuarantineReason
    }

    /// The reasons whose rows are counted: the row's counts are readable, only its place is not.
    static let countedReasons: Set<QuarantineReason> = [.unknownIcb, .unknownLsoa, .invalidDecile]

    var rows = 0
    /// Rows whose count was suppressed at source: in `rows`, not in the counts.
    var suppressedRows = 0
    /// Events, or a proportion's numerator, in the source's count units (ten-thousandths for fractional counts).
    var first: Int64 = 0
    /// A proportion's denominator, in the same units.
    var second: Int64 = 0

    mutating func add(_ other: SetAsideTally) {
        rows += other.rows
        suppressedRows += other.suppressedRows
        first += other.first
        second += other.second
    }
}

extension Dictionary where Value == SetAsideTally {
    /// Adds another file's or chunk's tallies.
    mutating func absorb(_ other: [Key: SetAsideTally]) {
        for (key, tally) in other { self[key, default: SetAsideTally()].add(tally) }
    }
}

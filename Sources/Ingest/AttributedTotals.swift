import PipelineCore

/// A provider-grain source's counts before they are shared out among ICBs (docs/DATA.md, "Counts by
/// provider"): by period, provider, sex and age band; and, by provider code, the rows and events of
/// providers the weights do not name — reported, never dropped silently.
final class AttributedTotals {
    struct Key: Hashable {
        var period: Period
        var provider: String
        var sex: Int
        var age: Int
    }

    struct Counts {
        var events: Int64 = 0
        var records: Int32 = 0
        var suppressed: Int32 = 0
    }

    var cells: [Key: Counts] = [:]
    var unattributed: [String: (rows: Int, events: Int64)] = [:]
}

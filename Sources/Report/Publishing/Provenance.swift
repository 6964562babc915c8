import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Render

/// The provenance columns shared by every row of a run's published tables.
struct Provenance: Sendable {
    var runID: String
    var manifestSHA256: String
    var imdVintage: String
    var icbVintage: String
    var populationSource: String

    /// First and last day of a period (any kind; docs/DATA.md, "Periods"), as ISO dates.
    static func bounds(of label: String) -> (start: String, end: String)? {
        guard let period = Period(label: label) else { return nil }
        let first = Period(ordinal: period.firstOrdinal), last = Period(ordinal: period.ordinal)
        let days = [
            31, last.year % 4 == 0 && (last.year % 100 != 0 || last.year % 400 == 0) ? 29 : 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ][last.month - 1]
        return ("\(first.label)-01", "\(last.label)-\(days)")
    }
}

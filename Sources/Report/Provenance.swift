import PipelineCore

/// The provenance columns shared by every row of a run's published tables.
struct Provenance: Sendable {
    var runID: String
    var manifestSHA256: String
    var imdVintage: String
    var icbVintage: String
    var populationSource: String

    /// First and last day of a `YYYY-MM` period, as ISO dates.
    static func bounds(of label: String) -> (start: String, end: String)? {
        guard let period = Period(label: label) else { return nil }
        let days = [
            31, period.year % 4 == 0 && (period.year % 100 != 0 || period.year % 400 == 0) ? 29 : 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ][period.month - 1]
        return ("\(label)-01", "\(label)-\(days)")
    }
}

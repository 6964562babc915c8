import Foundation

/// A source's parts stored by the last run, handed to its ingest (docs/ARCHITECTURE.md, "Incremental
/// ingest"): by path, the content hash each was parsed with, its bytes, and whether the last run read the
/// file in order instead. `periodsOnly` says the source's rows in the tables are what these parts (and
/// those flags) gave, so a run need rewrite only the periods whose contribution changed.
struct SourceParts: Sendable {
    struct Stored: Sendable {
        var sha256: String
        var part: Data
        var readInOrder: Bool
    }

    var byPath: [String: Stored] = [:]
    var periodsOnly = false
    /// How many periods the source held after the last run: its totals make room for them and one more at once.
    var periodsLastRun = 0
}

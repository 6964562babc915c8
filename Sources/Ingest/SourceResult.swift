import Foundation
import PipelineCore

/// Everything ingest learned from one source's files.
final class SourceResult {
    struct FileStats {
        var file: DiscoveredFile
        var deliveredIcb: String?
        var sha256: String
        var rowsRead: Int
        var rowsLoaded: Int
        var rowsQuarantined: Int
        var suppressed: Int
        var quarantine: [QuarantineEntry]
        /// Windows of the file parsed on several threads (``ChunkedFileParser``).
        var parallelWindows = 0
        /// Rows left out by the source's `where` filter.
        var rowsFiltered = 0
        /// Quarantined rows by reason (all of them, not only those kept), and the first row of each.
        var byReason: [QuarantineReason: Int] = [:]
        var firstByReason: [QuarantineReason: QuarantineEntry] = [:]
        /// What the rows set aside for an unknown place count (``SetAsideTally``).
        var setAside: [SetAsideTally.Key: SetAsideTally] = [:]
        /// The same rows' counts where they can still be placed (``UnplacedCounts``).
        var unplaced: [UnplacedCounts.Key: SetAsideTally] = [:]
        /// The file's slash dates when the source declares no date order.
        var slashDates = SlashDateEvidence()
        /// The period column (1-based), for a refusal of the file's dates.
        var periodColumn: Int?
    }

    let source: SourceConfig
    let totals: SourceTotals
    var files: [FileStats] = []
    /// Events (numerators) of the whole source, and those shared out from areas split between LSOA
    /// vintages — kept when the totals are written, for the ingest notes.
    var events: Int64 = 0
    var eventsApportioned: Int64 = 0

    /// Files whose stored part was added instead of parsing them (unchanged since it was stored).
    var reusedFiles = 0
    /// The part of every file parsed this time, to store: path, content hash, encoded part, and whether
    /// the file was read in order instead of adding it.
    var newParts: [(path: String, sha256: String, part: Data, readInOrder: Bool)] = []
    /// Stored parts whose file was read in order this run and not the last, or the reverse.
    var readInOrderChanged: [(path: String, readInOrder: Bool)] = []
    /// The periods whose rows must be written again, or nil for all of them (docs/ARCHITECTURE.md,
    /// "Incremental ingest"): those of files new, changed, gone or read in order, this run or the last.
    var periodsToWrite: Set<Period>?
    /// Each period's digest of what its counts were made from (``IngestPeriodDigest``).
    var periodDigests: [(period: String, digest: String)] = []

    /// Files of which some part was parsed on several threads.
    var chunkedFiles: Int { files.filter { $0.parallelWindows > 0 }.count }
    let rawRows: RawRowSink?
    /// A provider-grain source's counts, before they are shared out among ICBs.
    let attributed = AttributedTotals()

    init(source: SourceConfig, totals: SourceTotals, rawRows: RawRowSink?) {
        self.source = source
        self.totals = totals
        self.rawRows = rawRows
    }

    var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    var rowsLoaded: Int { files.reduce(0) { $0 + $1.rowsLoaded } }
    var rowsQuarantined: Int { files.reduce(0) { $0 + $1.rowsQuarantined } }
    var rowsFiltered: Int { files.reduce(0) { $0 + $1.rowsFiltered } }

    /// Every file's quarantined rows by reason, most frequent first, with the first row of each.
    var problemsByReason: [(reason: QuarantineReason, count: Int, first: (file: String, entry: QuarantineEntry))] { Self.problems(in: files) }

    /// `files`' quarantined rows by reason, most frequent first, with the first row of each.
    static func problems(in files: [FileStats]) -> [(reason: QuarantineReason, count: Int, first: (file: String, entry: QuarantineEntry))] {
        var counts: [QuarantineReason: Int] = [:]
        var first: [QuarantineReason: (file: String, entry: QuarantineEntry)] = [:]
        for file in files {
            counts.merge(file.byReason, uniquingKeysWith: +)
            for (reason, entry) in file.firstByReason where first[reason] == nil { first[reason] = (file.file.displayPath, entry) }
        }
        return counts.compactMap { reason, count in first[reason].map { (reason, count, $0) } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason.rawValue < $1.reason.rawValue }
    }
}

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
    }

    let source: SourceConfig
    let totals: SourceTotals
    var files: [FileStats] = []
    /// Events (numerators) of the whole source, and those shared out from areas split between LSOA
    /// vintages — kept when the totals are written, for the ingest notes.
    var events: Int64 = 0
    var eventsApportioned: Int64 = 0

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
}

import PipelineCore

/// What a format needs before a table's first row: the table, its columns, how many rows follow, and the
/// run and manifest every row comes from. Lets each format write a table page by page
/// (docs/ARCHITECTURE.md, "Report memory").
public struct TableHeading: Sendable {
    public let table: PublishedTable
    public let columns: [PublishedColumn]
    public let rowCount: Int
    public let runID: String?
    public let manifestSHA256: String?

    public init(table: PublishedTable, columns: [PublishedColumn], rowCount: Int, runID: String?, manifestSHA256: String?) {
        self.table = table
        self.columns = columns
        self.rowCount = rowCount
        self.runID = runID
        self.manifestSHA256 = manifestSHA256
    }

    /// The heading of a table held whole.
    public init(_ data: PublishedTableData) {
        self.init(table: data.table, columns: data.columns, rowCount: data.rows.count, runID: data.runID, manifestSHA256: data.manifestSHA256)
    }
}

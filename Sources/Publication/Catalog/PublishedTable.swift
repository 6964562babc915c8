/// A published State of Care table: the same definition fills the checkpoint table (created by
/// ``ReportSchema``, checked against this by a test), orders the columns of every file format, validates
/// `tables show --columns/--where`, and generates the table reference in `docs/PUBLISHED_TABLES.md`.
public struct PublishedTable: Sendable, Equatable {
    public let name: String
    /// Short title for a sheet or section.
    public let title: String
    public let description: String
    /// Columns that identify a row (also the `row_key` of `soc_suppressed_cells`).
    public let keyColumns: [String]
    /// Every column in published order, provenance included.
    public let columns: [PublishedColumn]
    /// The columns of the table's Markdown summary, one summary per indicator and period.
    public let summary: [SummaryField]
    /// Cells disclosure control may hide or change, each group with its status column in CSV and JSON.
    public let statusGroups: [StatusGroup]
    /// Where its count cells sit in the sums a reader can form; nil for a table that publishes no counts.
    public let counts: CountLayout?

    public init(
        name: String, title: String, description: String, keyColumns: [String], summary: [SummaryField], body: [PublishedColumn],
        statusGroups: [StatusGroup] = [], counts: CountLayout? = nil, indicatorScoped: Bool = true
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.keyColumns = keyColumns
        self.summary = summary
        self.columns = PublishedColumns.leading(indicatorScoped: indicatorScoped) + body + PublishedColumns.trailing
        self.statusGroups = statusGroups
        self.counts = counts
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// The columns of the data files (CSV, JSON): every column, each status column after its group.
    public var dataFileColumns: [PublishedColumn] {
        columns.flatMap { column in [column] + statusGroups.filter { $0.after == column.name }.map(\.column) }
    }

    /// The status group a column belongs to, if disclosure control may act on it.
    public func statusGroup(of column: String) -> StatusGroup? { statusGroups.first { $0.members.contains(column) } }

    public func column(_ name: String) -> PublishedColumn? { columns.first { $0.name == name } }
}

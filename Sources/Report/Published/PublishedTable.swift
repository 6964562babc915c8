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

    init(
        name: String, title: String, description: String, keyColumns: [String], body: [PublishedColumn],
        indicatorScoped: Bool = true
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.keyColumns = keyColumns
        self.columns = PublishedColumns.leading(indicatorScoped: indicatorScoped) + body + PublishedColumns.trailing
    }

    public var columnNames: [String] { columns.map(\.name) }

    public func column(_ name: String) -> PublishedColumn? { columns.first { $0.name == name } }
}

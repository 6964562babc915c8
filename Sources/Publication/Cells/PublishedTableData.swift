/// A published table as every format reads it: cells typed, and hidden cells marked as suppressed or
/// withheld (from `soc_suppressed_cells`). The report stage reads it from the checkpoint database; the
/// formats see only this.
public struct PublishedTableData: Sendable {
    /// A cell as every format renders it.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        case number(Double)
        /// A small count, or a figure that would reveal one.
        case suppressed
        /// A figure the method does not give.
        case withheld
        /// Not applicable.
        case empty
    }

    public let table: PublishedTable
    public let columns: [PublishedColumn]
    public let rows: [[Cell]]
    /// Each row's status per ``PublishedTable/statusGroups``: the strongest disclosure action on the
    /// group's cells, nil when they are shown as computed.
    public let statuses: [[PublishedCell.Action?]]
    /// The run and manifest the rows come from (nil for an empty table).
    public let runID: String?
    public let manifestSHA256: String?

    public init(
        table: PublishedTable, columns: [PublishedColumn], rows: [[Cell]], statuses: [[PublishedCell.Action?]], runID: String?,
        manifestSHA256: String?
    ) {
        self.table = table
        self.columns = columns
        self.rows = rows
        self.statuses = statuses
        self.runID = runID
        self.manifestSHA256 = manifestSHA256
    }

    /// Index of a column among the selected ones.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

/// A page of a published table's rows as the formats receive it: the cells, and each row's statuses.
public struct PublishedPage: Sendable {
    public var rows: [[PublishedTableData.Cell]] = []
    /// Per row, one status per ``PublishedTable/statusGroups``.
    public var statuses: [[PublishedCell.Action?]] = []

    public init(rows: [[PublishedTableData.Cell]] = [], statuses: [[PublishedCell.Action?]] = []) {
        self.rows = rows
        self.statuses = statuses
    }
}

extension PublishedTableData {
    /// The table as one page.
    public var page: PublishedPage { PublishedPage(rows: rows, statuses: statuses) }

    /// Rows as column-name → cell dictionaries (the disclosure audit reads cells by name).
    public var records: [[String: Cell]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), $0)) }
    }
}

extension PublishedTableData.Cell {
    /// The cell's number, if it shows one.
    public var number: Double? {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        case .text, .suppressed, .withheld, .empty: nil
        }
    }

    /// The cell as a row key writes it (`soc_suppressed_cells.row_key`): integers without decimals.
    public var keyText: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .suppressed, .withheld, .empty: ""
        }
    }

    /// The cell's text, if it is text.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

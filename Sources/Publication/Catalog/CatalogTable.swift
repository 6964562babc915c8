/// The body columns of one published table, in published order: a `String` enum whose raw values are the
/// column names, so a misspelt column fails to compile wherever a table is written or read
/// (docs/ARCHITECTURE.md, "Published tables").
public protocol TableColumns: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String, AllCases == [Self] {}

/// A published table with its columns typed: its definition (``PublishedTable``), built from an exhaustive
/// description of every column, so a column cannot be added without being described, documented and
/// ordered. Everything a ``PublishedTable`` says is readable on it directly.
@dynamicMemberLookup
public struct CatalogTable<Column: TableColumns>: Sendable {
    /// Which provenance columns lead the table's key.
    public enum KeyPrefix: Sendable {
        /// `indicator_id`, `period_start`: a table of one row per indicator, period and more.
        case indicatorAndPeriod
        /// `indicator_id` only (rows about an indicator, or the publication, as a whole).
        case indicator
        /// The key is the table's own columns.
        case none

        var columns: [String] {
            switch self {
            case .indicatorAndPeriod: ["indicator_id", "period_start"]
            case .indicator: ["indicator_id"]
            case .none: []
            }
        }
    }

    /// One column of the Markdown summary.
    public enum SummaryItem: Sendable {
        case column(Column, heading: String)
        case interval(lower: Column, upper: Column, heading: String)

        var field: SummaryField {
            switch self {
            case .column(let column, let heading): .column(column.rawValue, heading: heading)
            case .interval(let lower, let upper, let heading): .interval(lower: lower.rawValue, upper: upper.rawValue, heading: heading)
            }
        }
    }

    /// A group of columns disclosure control treats together, with its status column (``StatusGroup``).
    public struct Status: Sendable {
        let group: StatusGroup

        /// A group placed after its last member unless `after` says otherwise.
        public static func group(_ name: String, _ members: [Column], after: Column? = nil) -> Status {
            Status(group: StatusGroup(name, members.map(\.rawValue), after: after?.rawValue))
        }
    }

    public let table: PublishedTable

    /// The precision a column's numbers are published at (docs/PUBLISHED_TABLES.md, "Headers and precision").
    public func precision(of column: Column) -> PublishedColumn.Precision {
        table.columns.first { $0.name == column.rawValue }!.precision
    }

    public init(
        name: String, title: String, description: String, key prefix: KeyPrefix, _ key: [Column], summary: [SummaryItem],
        statusGroups: [Status] = [], counts: TableCounts<Column>? = nil, indicatorScoped: Bool = true,
        describe: (Column) -> ColumnSpec
    ) {
        table = PublishedTable(
            name: name, title: title, description: description, keyColumns: prefix.columns + key.map(\.rawValue), summary: summary.map(\.field),
            body: Column.allCases.map { describe($0).column(named: $0.rawValue) }, statusGroups: statusGroups.map(\.group), counts: counts?.layout,
            indicatorScoped: indicatorScoped)
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<PublishedTable, Value>) -> Value { table[keyPath: keyPath] }
}

/// How one column is described in the catalogue: its kind, meaning and presentation.
public struct ColumnSpec: Sendable {
    let kind: PublishedColumn.Kind
    let description: String
    let nullable: Bool
    let label: String?
    let precision: PublishedColumn.Precision?

    public static func text(_ description: String, nullable: Bool = true, label: String? = nil) -> ColumnSpec {
        ColumnSpec(kind: .text, description: description, nullable: nullable, label: label, precision: nil)
    }

    public static func integer(_ description: String, nullable: Bool = true) -> ColumnSpec {
        ColumnSpec(kind: .integer, description: description, nullable: nullable, label: nil, precision: nil)
    }

    public static func number(_ description: String, label: String? = nil, precision: PublishedColumn.Precision? = nil) -> ColumnSpec {
        ColumnSpec(kind: .number, description: description, nullable: true, label: label, precision: precision)
    }

    public static func count(_ description: String) -> ColumnSpec {
        ColumnSpec(kind: .count, description: description, nullable: true, label: nil, precision: nil)
    }

    func column(named name: String) -> PublishedColumn {
        PublishedColumn(name, kind, description, nullable: nullable, label: label, precision: precision)
    }
}

/// Where a typed table's counts sit (``CountLayout``), named by its columns.
public struct TableCounts<Column: TableColumns>: Sendable {
    public enum Geography: Sendable {
        case england(countedFrom: Column?)
        case ics(Column)
        case place(Column, ics: Column)
    }

    public enum Slice: Sendable {
        case everyone
        case quintile(Column)
        case breakdown(type: Column, label: Column)
        case ethnicGroup(label: Column)
    }

    let geography: Geography
    let slice: Slice
    let counts: [Column: CountComponent]
    let estimate: (value: Column, lower95: Column, upper95: Column)?

    public init(
        geography: Geography, slice: Slice, counts: [Column: CountComponent], estimate: (value: Column, lower95: Column, upper95: Column)?
    ) {
        self.geography = geography
        self.slice = slice
        self.counts = counts
        self.estimate = estimate
    }

    var layout: CountLayout {
        let place: CountLayout.Geography
        switch geography {
        case .england(let countedFrom): place = .england(countedFrom: countedFrom?.rawValue)
        case .ics(let code): place = .ics(code: code.rawValue)
        case .place(let code, let ics): place = .place(code: code.rawValue, ics: ics.rawValue)
        }
        let part: CountLayout.Slice
        switch slice {
        case .everyone: part = .everyone
        case .quintile(let column): part = .quintile(column: column.rawValue)
        case .breakdown(let type, let label): part = .breakdown(type: type.rawValue, label: label.rawValue)
        case .ethnicGroup(let label): part = .ethnicGroup(label: label.rawValue)
        }
        return CountLayout(
            geography: place, slice: part, counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            estimate: estimate.map { CountLayout.Estimate(value: $0.value.rawValue, lower95: $0.lower95.rawValue, upper95: $0.upper95.rawValue) })
    }
}

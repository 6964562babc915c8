/// Cells that disclosure control treats together, and the status column that says what it did to them
/// in CSV and JSON (docs/PUBLISHED_TABLES.md, "Status columns"): a number column there holds a number or
/// is empty, and `<name>` says why it is empty or how it was changed.
public struct StatusGroup: Sendable, Equatable {
    /// The status column's name (e.g. `value_status`).
    public let name: String
    /// The columns whose cells it describes; they are hidden or changed together.
    public let members: [String]
    /// The column the status column follows in the files.
    public let after: String

    /// A group placed after its last member.
    public init(_ name: String, _ members: [String], after: String? = nil) {
        self.name = name
        self.members = members
        self.after = after ?? members[members.count - 1]
    }

    /// The status column's contract.
    public var column: PublishedColumn {
        let list = members.map { "`\($0)`" }.joined(separator: ", ")
        return PublishedColumn(
            name, .text,
            "What disclosure control did to \(list): `suppressed`, `complementary_suppressed`, `secondary_suppressed` or `withheld` (the cells are empty), `rounded`, `from_rounded_counts` or `reduced_precision` (shown, changed); empty when shown as computed. Reasons are in `suppression_reason` and soc_suppressed_cells.",
            label: "Status of " + (members.count == 1 ? ColumnPresentation.label(members[0]) : "\(ColumnPresentation.label(members[0])) and related"))
    }

    /// The strongest of the actions on the group's cells (hiding before changing).
    public static func strongest(_ actions: [PublishedCell.Action]) -> PublishedCell.Action? {
        actions.max { $0.severity < $1.severity }
    }
}

extension PublishedCell.Action {
    /// Order of strength: hiding a cell outranks changing it.
    public var severity: Int {
        switch self {
        case .rounded: 0
        case .reducedPrecision: 1
        case .fromRoundedCounts: 2
        case .withheld: 3
        case .secondarySuppressed: 4
        case .complementarySuppressed: 5
        case .suppressed: 6
        }
    }
}

package import Publication

/// The fields of a data file's row (CSV, JSON): the table's columns, each status column after its group
/// (docs/PUBLISHED_TABLES.md, "Status columns"), and how each field's value is written — numbers rounded
/// to their column's precision, and nothing where a cell is hidden (the status column says why).
package struct DataFileLayout: Sendable {
    package enum Field: Sendable {
        /// A column of the table, by its index among the selected columns.
        case cell(Int)
        /// A status column, by its group's index in the table's status groups.
        case status(Int)
    }

    /// The header: every field's column, status columns included.
    package let columns: [PublishedColumn]
    package let fields: [Field]
    /// The table's selected columns, which `.cell` fields index.
    package let selected: [PublishedColumn]

    /// The layout of `selected` columns of `table`: a group's status column follows its placing column,
    /// or its last selected member when that is not selected; a group with no selected member is left out.
    package init(table: PublishedTable, selected: [PublishedColumn]) {
        var columns: [PublishedColumn] = []
        var fields: [Field] = []
        let names = selected.map(\.name)
        for (index, column) in selected.enumerated() {
            columns.append(column)
            fields.append(.cell(index))
            for (groupIndex, group) in table.statusGroups.enumerated() {
                let placing = names.contains(group.after) ? group.after : group.members.last(where: names.contains)
                if placing == column.name {
                    columns.append(group.column)
                    fields.append(.status(groupIndex))
                }
            }
        }
        self.columns = columns
        self.fields = fields
        self.selected = selected
    }

    package init(_ heading: TableHeading) { self.init(table: heading.table, selected: heading.columns) }

    /// A cell as a data file holds it: text as it is, a number rounded to its column's precision, and
    /// nothing for a hidden or empty cell.
    package static func value(_ cell: PublishedTableData.Cell, _ column: PublishedColumn) -> Value {
        switch cell {
        case .text(let text): .text(text)
        case .integer(let number): .integer(number)
        case .number(let number): number.isFinite ? .number(column.precision.round(number)) : .none
        case .suppressed, .withheld, .empty: .none
        }
    }

    /// A field's value, before a format writes it.
    package enum Value: Equatable {
        case text(String)
        case integer(Int64)
        case number(Double)
        case none
    }

    /// The value of one field of a row (formats writing long tables ask field by field, building no array).
    package func value(of field: Int, _ row: [PublishedTableData.Cell], statuses: [PublishedCell.Action?]) -> Value {
        switch fields[field] {
        case .cell(let index): Self.value(row[index], selected[index])
        case .status(let group): statuses[group].map { .text($0.rawValue) } ?? .none
        }
    }
}

import Checkpoints
import GRDB
import Publication

/// Turns stored rows of one published table into cells and status columns (docs/ARCHITECTURE.md, "Report
/// memory"). Columns are read by position from an explicit `SELECT`, and each row's disclosure actions are
/// found with one lookup of its key, so a table of any length reads at the cost of its cells.
struct PublishedRowReader {
    let table: PublishedTable
    let selected: [PublishedColumn]
    /// The query's columns: the selected ones, then the key and provenance columns they lack.
    let select: String
    let order: String
    /// Positions in the query of the key columns, in key order, and of the run's provenance.
    let keyPositions: [Int]
    let runIDPosition: Int
    let manifestPosition: Int
    /// Per status group, its members' names.
    private let groupMembers: [[String]]
    private var controlled: [String: [String: PublishedCell.Action]]

    init(table: PublishedTable, selected: [PublishedColumn], actions: [String: [String: PublishedCell.Action]]) {
        self.table = table
        self.selected = selected
        var names = selected.map(\.name)
        func position(_ name: String) -> Int {
            if let index = names.firstIndex(of: name) { return index }
            names.append(name)
            return names.count - 1
        }
        keyPositions = table.keyColumns.map(position)
        runIDPosition = position(ProvenanceColumn.runID.rawValue)
        manifestPosition = position(ProvenanceColumn.manifestSHA256.rawValue)
        select = "SELECT \(names.joined(separator: ", ")) FROM \(table.name)"
        order = table.keyColumns.joined(separator: ", ")
        groupMembers = table.statusGroups.map(\.members)
        controlled = actions
    }

    /// Replaces the actions looked up (those of the next indicator and period).
    mutating func use(_ actions: [String: [String: PublishedCell.Action]]) { controlled = actions }

    /// The row's disclosure actions by column, if any of its cells was controlled.
    func actions(of row: BulkReader) -> [String: PublishedCell.Action]? {
        guard !controlled.isEmpty else { return nil }
        // The key as `soc_suppressed_cells` records it (PublishedTableWriter).
        let key = keyPositions.map { position in
            switch row.value(at: position) {
            case .int(let number): PublishedTableWriter.text(.integer(number))
            case .double(let number): PublishedTableWriter.text(.number(number))
            case .text(let text): text
            case .null: ""
            }
        }
        return controlled[key.joined(separator: "|")]
    }

    /// A stored row as the cells of `selected`, hidden ones marked by their action.
    func cells(_ row: BulkReader, actions: [String: PublishedCell.Action]?) -> [PublishedTableData.Cell] {
        var cells: [PublishedTableData.Cell] = []
        cells.reserveCapacity(selected.count)
        for (index, column) in selected.enumerated() {
            switch row.value(at: index) {
            case .null:
                switch actions?[column.name] {
                case .suppressed?, .complementarySuppressed?, .secondarySuppressed?: cells.append(.suppressed)
                case .withheld?: cells.append(.withheld)
                case .rounded?, .fromRoundedCounts?, .reducedPrecision?, nil: cells.append(.empty)
                }
            case .int(let number): cells.append(.integer(number))
            case .double(let number): cells.append(.number(number))
            case .text(let text): cells.append(.text(text))
            }
        }
        return cells
    }

    /// The row's status per status group.
    func statuses(_ actions: [String: PublishedCell.Action]?) -> [PublishedCell.Action?] {
        guard let actions else { return [PublishedCell.Action?](repeating: nil, count: groupMembers.count) }
        return groupMembers.map { members in StatusGroup.strongest(members.compactMap { actions[$0] }) }
    }
}

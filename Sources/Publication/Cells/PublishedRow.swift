import PipelineCore

/// A published row as the formats read it, its cells named by its table's columns, so a column that
/// does not exist fails to compile (docs/ARCHITECTURE.md, "Published tables").
public struct PublishedRow<Column: TableColumns>: Sendable {
    let table: String
    /// Where each column's cell and status group are, shared by every row of the table.
    let layout: PublishedRowLayout
    let cells: [PublishedTableData.Cell]
    /// The row's action per status group.
    let statuses: [PublishedCell.Action?]

    public subscript(column: Column) -> PublishedTableData.Cell { cell(column.rawValue) }

    /// A provenance cell (indicator, period, vintages).
    public subscript(provenance provenance: ProvenanceColumn) -> PublishedTableData.Cell { cell(provenance.rawValue) }

    private func cell(_ name: String) -> PublishedTableData.Cell { layout.position[name].map { cells[$0] } ?? .empty }

    /// What disclosure control did to a column's cell, as its status column says (nil: shown as computed).
    public func status(_ column: Column) -> PublishedCell.Action? {
        layout.group[column.rawValue].flatMap { $0 < statuses.count ? statuses[$0] : nil }
    }

    /// The decimals a value column is published with: none where disclosure control shows a percentage
    /// whole (docs/PUBLISHED_TABLES.md, "Status columns"), else `otherwise`. The status is the group's, and a
    /// group may hold figures that keep their decimals (funnel limits), so only a whole number counts.
    public func decimals(_ column: Column, otherwise: Int = 1) -> Int {
        guard status(column) == .reducedPrecision, let number = self[column].number, number == number.rounded() else { return otherwise }
        return 0
    }

    /// The text of a column that always holds text (empty if it does not).
    public func text(_ column: Column) -> String { self[column].text ?? "" }

    public var indicator: String { self[provenance: .indicatorID].text ?? "" }
    public var periodStart: String { self[provenance: .periodStart].text ?? "" }
    public var periodEnd: String { self[provenance: .periodEnd].text ?? "" }

    /// A word of the publication's vocabulary, nil when the cell is empty or hidden. A word this program does
    /// not know is an error naming the table and column, never taken for another.
    public func word<Word: RawRepresentable>(_ column: Column, as type: Word.Type = Word.self) throws -> Word? where Word.RawValue == String {
        guard let text = self[column].text else { return nil }
        guard let word = Word(rawValue: text) else {
            throw PipelineError(
                .internal, "published table \(table) column \(column.rawValue) holds a word this program does not know as a \(Word.self)",
                hint: "publish again with this version of soc-pipeline (`soc-pipeline run --stage report --force`)")
        }
        return word
    }

    /// A published outcome, or `whenEmpty` where the cell is empty — hidden with the value it describes, or
    /// not applicable. An unknown word is still an error.
    public func outcome<Word: RawRepresentable>(_ column: Column, whenEmpty: Word) throws -> Word where Word.RawValue == String {
        guard let word: Word = try word(column) else { return whenEmpty }
        return word
    }
}

extension PublishedTableData {
    /// The rows, typed by their table's columns. Reading a table through another table's columns is a
    /// programming error.
    public func rows<Column>(_ typed: CatalogTable<Column>) -> [PublishedRow<Column>] {
        precondition(typed.name == table.name, "\(table.name) read as \(typed.name)")
        let layout = PublishedRowLayout(table: table, columns: columns)
        return rows.enumerated().map { index, cells in
            PublishedRow(table: table.name, layout: layout, cells: cells, statuses: index < statuses.count ? statuses[index] : [])
        }
    }
}

/// Where a table's columns sit in its rows as read (the selected columns), and each column's status group.
final class PublishedRowLayout: Sendable {
    let position: [String: Int]
    let group: [String: Int]

    init(table: PublishedTable, columns: [PublishedColumn]) {
        position = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var group: [String: Int] = [:]
        for (index, statusGroup) in table.statusGroups.enumerated() {
            for member in statusGroup.members where group[member] == nil { group[member] = index }
        }
        self.group = group
    }
}

/// The provenance columns every published table shares (docs/PUBLISHED_TABLES.md).
public enum ProvenanceColumn: String, CaseIterable, Sendable {
    case indicatorID = "indicator_id"
    case periodStart = "period_start"
    case periodEnd = "period_end"
    case suppressionFlag = "suppression_flag"
    case suppressionReason = "suppression_reason"
    case imdVintage = "imd_vintage"
    case icbVintage = "icb_vintage"
    case populationSource = "population_source"
    case runID = "run_id"
    case manifestSHA256 = "manifest_sha256"
}

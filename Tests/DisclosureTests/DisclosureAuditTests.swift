import PipelineCore
import Testing

@testable import Disclosure
@testable import Publication

/// The audit attacks what the catalogue says is published (docs/DISCLOSURE.md, "The last check"): every
/// count column of every table is placed in the additive structure, and a table added to the catalogue is
/// read by the attacker with no change to the audit.
struct DisclosureAuditTests {
    @Test func everyCountColumnIsPlacedInTheSums() {
        for table in PublishedCatalog.tables {
            let countColumns = Set(table.columns.filter { $0.kind == .count }.map(\.name))
            let layout = table.counts
            #expect(countColumns.isEmpty == (layout == nil), "\(table.name): count columns \(countColumns) without a layout, or a layout without counts")
            guard let layout else { continue }
            #expect(Set(layout.counts.keys) == countColumns, "\(table.name): the layout names \(layout.counts.keys.sorted()), the table counts \(countColumns)")
            var named: [String] = []
            switch layout.geography {
            case .england(let countedFrom): named += [countedFrom].compactMap { $0 }
            case .ics(let code): named.append(code)
            case .place(let code, let ics): named += [code, ics]
            }
            switch layout.slice {
            case .everyone: break
            case .quintile(let column): named.append(column)
            case .breakdown(let type, let label): named += [type, label]
            case .ethnicGroup(let label): named.append(label)
            }
            for column in named { #expect(table.column(column) != nil, "\(table.name): the layout names \(column), which it does not have") }
        }
    }

    /// A table the catalogue gains that publishes an ICS's count exactly, beside a quintile table that hides
    /// one quintile and a league that hides the total: the attacker reads the new table because it declares
    /// a layout, and pins the hidden quintile; without the table nothing is recoverable.
    @Test func aNewTableIsAttackedByConstruction() throws {
        var rules = DisclosureRules()
        rules.roundTo = 1
        let extra = PublishedTable(
            name: "soc_test_ics_counts", title: "Test", description: "An ICS's events, shown exactly.",
            keyColumns: ["indicator_id", "period_start", "ics_ods_code"], summary: [],
            body: [PublishedColumn("ics_ods_code", .text, "ICB.", nullable: false), PublishedColumn("events", .count, "Events.")],
            counts: CountLayout(geography: .ics(code: "ics_ods_code"), slice: .everyone, counts: ["events": .numerator], estimate: nil))
        let period = "2025-03-01"
        func row(_ cells: [String: PublishedTableData.Cell]) -> [String: PublishedTableData.Cell] {
            cells.merging(["indicator_id": .text("X"), "period_start": .text(period)]) { $1 }
        }
        let quintiles =
            [row(["ics_ods_code": .text("QAA"), "quintile": .integer(1), "numerator": .suppressed])]
            + (2...5).map { row(["ics_ods_code": .text("QAA"), "quintile": .integer(Int64($0)), "numerator": .integer(10)]) }
        let tables: [String: PublishedTableData] = [
            PublishedCatalog.icsQuintileGap.name: Self.data(PublishedCatalog.icsQuintileGap.table, quintiles),
            PublishedCatalog.icsLeague.name: Self.data(PublishedCatalog.icsLeague.table, [row(["ics_ods_code": .text("QAA"), "numerator": .suppressed])]),
            extra.name: Self.data(extra, [row(["ics_ods_code": .text("QAA"), "events": .integer(43)])]),
            PublishedCatalog.suppressedCells.name: Self.data(
                PublishedCatalog.suppressedCells.table,
                [
                    Self.logged(PublishedCatalog.icsQuintileGap.table, "X|\(period)|QAA|1", "numerator", .suppressed),
                    Self.logged(PublishedCatalog.icsLeague.table, "X|\(period)|QAA", "numerator", .complementarySuppressed),
                ]),
        ]
        func load(_ table: PublishedTable, _: String) -> PublishedTableData { tables[table.name] ?? Self.data(table, []) }
        let audit = DisclosureAudit(rules: rules)
        let without = try audit.verify(periods: [period], definitions: [:], load: load)
        #expect(without.recovered.isEmpty && without.hiddenCells == 2)
        #expect(DisclosureAudit.attackedTables(of: PublishedCatalog.tables + [extra]).contains { $0.name == extra.name })
        do {
            try audit.verify(periods: [period], definitions: [:], catalogue: PublishedCatalog.tables + [extra], load: load)
            Issue.record("the audit missed the count the new table gives away")
        } catch let error as PipelineError {
            #expect(error.message.contains("1 suppressed counts could be recovered") && error.message.contains("X 2025-03-01 icb QAA quintile 1"), "\(error)")
            // It names where the count is published and what narrowed it, never the count.
            #expect(
                error.message.contains("soc_ics_quintile_gap row X|2025-03-01|QAA|1 column numerator, narrowed through ICS = its quintiles"),
                "\(error)")
            #expect(!error.message.contains(" 3 ") && !error.message.contains("[3"), "\(error)")
        }
    }

    static func data(_ table: PublishedTable, _ rows: [[String: PublishedTableData.Cell]]) -> PublishedTableData {
        PublishedTableData(
            table: table, columns: table.columns, rows: rows.map { row in table.columns.map { row[$0.name] ?? .empty } },
            statuses: rows.map { _ in table.statusGroups.map { _ in nil } }, runID: "test", manifestSHA256: "test")
    }

    static func logged(_ table: PublishedTable, _ key: String, _ column: String, _ action: PublishedCell.Action) -> [String: PublishedTableData.Cell] {
        [
            "indicator_id": .text("X"), "table_name": .text(table.name), "row_key": .text(key), "column_name": .text(column),
            "action": .text(action.rawValue), "reason_code": .text(action.rawValue),
        ]
    }
}

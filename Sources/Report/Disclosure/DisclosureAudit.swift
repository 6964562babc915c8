import Checkpoints
import GRDB
import PipelineCore

/// A last check before anything is published (docs/DISCLOSURE.md, "The last check"): no sub-national
/// count cell in the suppression range, and no suppressed count recoverable from the published tables —
/// from a rate and its limits, or by differencing totals and parts. Disclosure control should make both
/// impossible; if either ever fires, publishing stops (nothing reaches `latest`) rather than release a
/// small count.
struct DisclosureAudit {
    let rules: DisclosureRules
    /// Tables whose rows are England-level (their counts are not controlled unless the regime says so).
    static let nationalTables: Set<String> = [PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name]

    /// Tables the attacker reads: the count cells, and the log saying which hidden cell is which.
    static let attackedTables = [
        PublishedCatalog.icsLeague, PublishedCatalog.icsQuintileGap, PublishedCatalog.nationalByGroup, PublishedCatalog.suppressedCells,
    ]

    /// Checks the published tables in `db`; returns what the attacker tried. Every published sum is
    /// within one indicator and period, so the attack runs one period at a time and its memory does not
    /// grow with the periods published (docs/ARCHITECTURE.md, "Report memory").
    @discardableResult
    func verify(_ db: Database, definitions: [ReportDefinition]) throws -> PublishedCountAudit.Findings {
        try verifyNoSmallCount(db)
        let attacker = PublishedCountAudit(rules: rules, definitions: definitions)
        let periods = try String.fetchAll(
            db,
            sql: Self.attackedTables.dropLast().map { "SELECT DISTINCT period_start FROM \($0.name) WHERE period_start IS NOT NULL" }
                .joined(separator: " UNION ") + " ORDER BY 1")
        var findings = PublishedCountAudit.Findings()
        for period in periods {
            let tables = try Self.attackedTables.map { try PublishedTableData.load(db, table: $0, filters: [("period_start", period)]) }
            let found = attacker.attack(tables)
            findings.cellsChecked += found.cellsChecked
            findings.hiddenCells += found.hiddenCells
            findings.relationsUsed += found.relationsUsed
            findings.recovered += found.recovered
        }
        if let first = findings.recovered.first {
            throw PipelineError(
                .internal,
                "disclosure audit: \(findings.recovered.count) suppressed counts could be recovered from the published tables (first: \(first.indicator) \(first.period) \(first.level.rawValue) \(first.code) quintile \(first.quintile) \(first.component)); nothing was published",
                hint: "this is a bug in disclosure control; report it")
        }
        return findings
    }

    /// No count column of a controlled table holds a value in the suppression range (asked of SQLite,
    /// which names the first offending row by its key).
    private func verifyNoSmallCount(_ db: Database) throws {
        guard rules.suppressTo >= rules.suppressFrom else { return }
        for table in PublishedCatalog.tables where rules.controlNational || !Self.nationalTables.contains(table.name) {
            for column in table.columns where column.kind == .count {
                let key = table.keyColumns.map { "coalesce(\($0), '')" }.joined(separator: " || '|' || ")
                if let row = try String.fetchOne(
                    db, sql: "SELECT \(key) FROM \(table.name) WHERE \(column.name) BETWEEN ? AND ? LIMIT 1",
                    arguments: [rules.suppressFrom, rules.suppressTo])
                {
                    throw PipelineError(
                        .internal,
                        "disclosure audit: \(table.name) row \(row) column \(column.name) holds a count in the suppression range; nothing was published",
                        hint: "this is a bug in disclosure control; report it")
                }
            }
        }
    }
}

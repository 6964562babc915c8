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

    /// Checks the tables; returns what the attacker tried.
    @discardableResult
    func verify(_ tables: [PublishedTableData], definitions: [ReportDefinition]) throws -> PublishedCountAudit.Findings {
        try verifyNoSmallCount(tables)
        let findings = PublishedCountAudit(rules: rules, definitions: definitions).attack(tables)
        if let first = findings.recovered.first {
            throw PipelineError(
                .internal,
                "disclosure audit: \(findings.recovered.count) suppressed counts could be recovered from the published tables (first: \(first.indicator) \(first.period) \(first.level.rawValue) \(first.code) quintile \(first.quintile) \(first.component)); nothing was published",
                hint: "this is a bug in disclosure control; report it")
        }
        return findings
    }

    private func verifyNoSmallCount(_ tables: [PublishedTableData]) throws {
        guard rules.suppressTo >= rules.suppressFrom else { return }
        let range = Int64(rules.suppressFrom)...Int64(rules.suppressTo)
        for data in tables where rules.controlNational || !Self.nationalTables.contains(data.table.name) {
            for (index, column) in data.columns.enumerated() where column.kind == .count {
                if let row = data.rows.firstIndex(where: { if case .integer(let value) = $0[index] { range.contains(value) } else { false } }) {
                    throw PipelineError(
                        .internal,
                        "disclosure audit: \(data.table.name) row \(row + 1) column \(column.name) holds a count in the suppression range; nothing was published",
                        hint: "this is a bug in disclosure control; report it")
                }
            }
        }
    }
}

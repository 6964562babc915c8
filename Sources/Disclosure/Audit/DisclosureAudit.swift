package import PipelineCore
package import Publication

/// A last check before anything is published (docs/DISCLOSURE.md, "The last check"): no sub-national
/// count cell in the suppression range, and no suppressed count recoverable from the published tables —
/// from a rate and its limits, or by differencing totals and parts. Disclosure control should make both
/// impossible; if either ever fires, publishing stops (nothing reaches `latest`) rather than release a
/// small count.
package struct DisclosureAudit {
    package init(rules: DisclosureRules) {
        self.rules = rules
    }

    package let rules: DisclosureRules
    /// Tables whose rows are England-level (their counts are not controlled unless the regime says so).
    package static let nationalTables: Set<String> = [PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name]

    /// Tables the attacker reads: every table of `catalogue` that declares where its counts sit, and the
    /// log saying which hidden cell is which (docs/DISCLOSURE.md, "The last check").
    package static func attackedTables(of catalogue: [PublishedTable] = PublishedCatalog.tables) -> [PublishedTable] {
        catalogue.filter { $0.counts != nil } + [PublishedCatalog.suppressedCells.table]
    }

    /// Every table ``verify(periods:definitions:catalogue:load:)`` reads for a period: the controlled tables
    /// with counts and the attacked ones, each once.
    package func tablesRead(of catalogue: [PublishedTable] = PublishedCatalog.tables) -> [PublishedTable] {
        var names: Set<String> = []
        return (countedTables(of: catalogue) + Self.attackedTables(of: catalogue)).filter { names.insert($0.name).inserted }
    }

    private func countedTables(of catalogue: [PublishedTable]) -> [PublishedTable] {
        catalogue.filter { table in
            table.columns.contains { $0.kind == .count } && (rules.controlNational || !Self.nationalTables.contains(table.name))
        }
    }

    /// Checks the published tables, loaded a period at a time by `load` (a table's rows of one
    /// `period_start`); returns what the attacker tried. Every published sum is within one indicator and
    /// period, so its memory does not grow with the periods published (docs/ARCHITECTURE.md, "Report memory").
    @discardableResult
    package func verify(
        periods: [String], definitions: [String: IndicatorArithmetic], catalogue: [PublishedTable] = PublishedCatalog.tables,
        englandRemainders: [CountCell: CountBounds] = [:], load: (PublishedTable, String) throws -> PublishedTableData
    ) throws -> PublishedCountAudit.Findings {
        let attacker = PublishedCountAudit(rules: rules, definitions: definitions)
        var findings = PublishedCountAudit.Findings()
        let counted = countedTables(of: catalogue)
        for period in periods {
            for table in counted { try verifyNoSmallCount(try load(table, period)) }
            let found: PublishedCountAudit.Findings
            do {
                found = try attacker.attack(
                    try Self.attackedTables(of: catalogue).map { try load($0, period) }, englandRemainders: englandRemainders.filter { $0.key.period == period }
                )
            } catch let contradiction as FeasibleRanges.Contradiction {
                throw PipelineError(
                    .internal,
                    "disclosure audit: the published figures of \(contradiction.indicator) \(contradiction.period) contradict the audit's model of them (GLPK code \(contradiction.code), status \(contradiction.status)); nothing was published",
                    hint: "this is a bug in disclosure control; report it")
            }
            findings.cellsChecked += found.cellsChecked
            findings.hiddenCells += found.hiddenCells
            findings.relationsUsed += found.relationsUsed
            findings.recovered += found.recovered
            findings.unprotected += found.unprotected
            findings.programs += found.programs
            findings.relationsByKind.merge(found.relationsByKind, uniquingKeysWith: +)
            findings.evidence.merge(found.evidence) { first, _ in first }
            if let narrow = found.narrowest, findings.narrowest.map({ narrow.range.width < $0.range.width }) ?? true { findings.narrowest = narrow }
        }
        if let first = findings.recovered.first {
            throw PipelineError(
                .internal,
                "disclosure audit: \(findings.recovered.count) suppressed counts could be recovered from the published tables (first: \(first.indicator) \(first.period) \(first.level.rawValue) \(first.code) quintile \(first.quintile) \(first.component); \(findings.evidence[first] ?? "")); nothing was published",
                hint: "this is a bug in disclosure control; report it")
        }
        // Names the count, never its range: the range is what must not leave the database.
        if let (cell, _) = findings.unprotected.first {
            throw PipelineError(
                .internal,
                "disclosure audit: \(findings.unprotected.count) hidden counts are narrowed by the published figures to fewer whole values than their protection (\(Int(FeasibleRanges(rules: rules).minimumWidth) + 1)) allows (first: \(cell.indicator) \(cell.period) \(cell.level.rawValue) \(cell.code) quintile \(cell.quintile) \(cell.component); \(findings.evidence[cell] ?? "")); nothing was published",
                hint: "this is a bug in disclosure control; report it")
        }
        return findings
    }

    /// No count column of a controlled table holds a value in the suppression range; the first offending
    /// row is named by its key.
    private func verifyNoSmallCount(_ data: PublishedTableData) throws {
        guard rules.suppressTo >= rules.suppressFrom else { return }
        let range = Double(rules.suppressFrom)...Double(rules.suppressTo)
        let counts = data.columns.indices.filter { data.columns[$0].kind == .count }
        let keys = data.table.keyColumns.compactMap(data.index(of:))
        for row in data.rows {
            for column in counts {
                guard let value = row[column].number, range.contains(value) else { continue }
                let key = keys.map { row[$0].keyText }.joined(separator: "|")
                throw PipelineError(
                    .internal,
                    "disclosure audit: \(data.table.name) row \(key) column \(data.columns[column].name) holds a count in the suppression range; nothing was published",
                    hint: "this is a bug in disclosure control; report it")
            }
        }
    }
}

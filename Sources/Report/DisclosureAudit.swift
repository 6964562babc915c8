import PipelineCore

/// A last check before anything is published: no sub-national count cell in the suppression range.
/// Disclosure control should make this impossible; if it ever fires, publishing stops (nothing is
/// written to `latest`) rather than release a small count.
struct DisclosureAudit {
    let rules: DisclosureRules
    /// Tables whose rows are England-level (their counts are not controlled unless the regime says so).
    static let nationalTables: Set<String> = [PublishedCatalog.nationalByGroup.name, PublishedCatalog.nationalInequality.name]

    func verify(_ tables: [PublishedTableData]) throws {
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

/// The State of Care tables (docs/PUBLISHED_TABLES.md), in publication order: the one definition that
/// fills, orders, validates and documents every published table.
public enum PublishedCatalog {
    /// Every published table, in publication order; each is defined, with its columns, in `Tables/`.
    public static let tables: [PublishedTable] = [
        nationalByGroup.table, nationalInequality.table, icsLeague.table, icsQuintileGap.table, icsByEthnicGroup.table, places.table, trendVsBaseline.table,
        headlines.table, metadata.table, suppressedCells.table,
    ]

    public static func table(named name: String) -> PublishedTable? { tables.first { $0.name == name } }
}

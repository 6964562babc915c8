/// The columns of `soc_metadata` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum MetadataColumn: String, TableColumns {
    case item
    case value
}

extension PublishedCatalog {
    public static let metadata = CatalogTable<MetadataColumn>(
        name: "soc_metadata", title: "Metadata",
        description:
            "What each indicator means and how it was made: definition, source, extract files, vintages, methods, standard population and the disclosure rules applied.",
        key: .indicator, [.item],
        summary: [.column(.item, heading: "Item"), .column(.value, heading: "Detail")],
        indicatorScoped: false,
        describe: { column in
            switch column {
            case .item: .text("What the row describes.", nullable: false)
            case .value: .text("Its value.", nullable: false, label: "Detail")
            }
        })
}

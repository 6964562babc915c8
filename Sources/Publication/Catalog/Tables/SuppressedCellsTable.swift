/// The columns of `soc_suppressed_cells` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum SuppressedCellsColumn: String, TableColumns {
    case tableName = "table_name"
    case rowKey = "row_key"
    case columnName = "column_name"
    case action
    case reasonCode = "reason_code"
}

extension PublishedCatalog {
    public static let suppressedCells = CatalogTable<SuppressedCellsColumn>(
        name: "soc_suppressed_cells", title: "Disclosure log",
        description:
            "Every cell of the published tables that disclosure control suppressed, rounded, withheld or recomputed, with the reason. Never the original value.",
        key: .none, [.tableName, .rowKey, .columnName],
        summary: [
            .column(.tableName, heading: "Table"), .column(.rowKey, heading: "Row"), .column(.columnName, heading: "Column"),
            .column(.action, heading: "Action"), .column(.reasonCode, heading: "Reason"),
        ],
        indicatorScoped: false,
        describe: { column in
            switch column {
            case .tableName: .text("Published table.", nullable: false)
            case .rowKey: .text("The row's key columns joined by `|`.", nullable: false)
            case .columnName: .text("The cell's column.", nullable: false)
            case .action: .text("`suppressed`, `secondary_suppressed`, `rounded`, `withheld`, `from_rounded_counts` or `reduced_precision`.", nullable: false)
            case .reasonCode: .text("Why (e.g. `count_1_to_7`, `reveals_suppressed_count`, `dsr_fewer_than_10_events`).", nullable: false)
            }
        })
}

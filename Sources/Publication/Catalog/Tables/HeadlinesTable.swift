/// The columns of `soc_headlines` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum HeadlinesColumn: String, TableColumns {
    case statementType = "statement_type"
    case rank
    case value
    case lcl95
    case ucl95
    case rangeLow = "range_low"
    case rangeHigh = "range_high"
    case text
    case sourceTable = "source_table"
    case sourceKey = "source_key"
}

extension PublishedCatalog {
    public static let headlines = CatalogTable<HeadlinesColumn>(
        name: "soc_headlines", title: "Headline statements",
        description:
            "Statements of the State of Care kind generated from the tables, each with its figure and the table row it comes from.",
        key: .indicatorAndPeriod, [.statementType, .rank],
        summary: [.column(.text, heading: "Statement")],
        describe: { column in
            switch column {
            case .statementType:
                .text(
                    "`ratio_most_vs_least`, `relative_index`, `top_n_ics_highest`, `top_n_ics_lowest`, `range_ics`, `range_regions`, `change_since_baseline`, `gap_widest_ics`, `gap_narrowest_ics`, `sii_change_england`, or for an indicator by ethnic group `ethnic_groups_vs_reference` (figure: the number of broad groups worse off than the White group, or lower without a polarity) and `ethnic_gap_widest` (figure: the widest such group's gap to the White group).",
                    nullable: false)
            case .rank: .integer("Order within the statement type.", nullable: false)
            case .value:
                .number("The statement's figure (for a range statement, the highest value minus the lowest).", label: "Figure", precision: .decimals(2))
            case .lcl95: .number("Lower 95% limit of the figure, where it has one.", label: "Figure lower 95% limit", precision: .decimals(2))
            case .ucl95: .number("Upper 95% limit of the figure, where it has one.", label: "Figure upper 95% limit", precision: .decimals(2))
            case .rangeLow:
                .number(
                    "For a range statement (`range_ics`, `range_regions`), its lowest value; empty for every other statement.",
                    label: "Lowest value in the range (in unit)", precision: .decimals(2))
            case .rangeHigh:
                .number(
                    "For a range statement, its highest value (the figure is the highest minus the lowest); empty for every other statement.",
                    label: "Highest value in the range (in unit)", precision: .decimals(2))
            case .text: .text("The statement.", nullable: false)
            case .sourceTable: .text("Checkpoint table the figure comes from.", nullable: false)
            case .sourceKey: .text("Key of the source row (`indicator|period|level|code|…`).", nullable: false)
            }
        })
}

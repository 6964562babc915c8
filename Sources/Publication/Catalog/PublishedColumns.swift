/// The provenance columns every published table shares (docs/PUBLISHED_TABLES.md).
public enum PublishedColumns {
    public static func leading(indicatorScoped: Bool) -> [PublishedColumn] {
        [
            PublishedColumn(
                "indicator_id", .text,
                indicatorScoped
                    ? "Indicator code from the catalogue in pipeline.json (e.g. EIA03)."
                    : "Indicator code, or `all` for a row about the whole publication.", nullable: false),
            PublishedColumn(
                "period_start", .text, "First day of the reporting period (ISO 8601 date); empty where a row is not about one period.",
                nullable: !indicatorScoped),
            PublishedColumn("period_end", .text, "Last day of the reporting period (ISO 8601 date).", nullable: !indicatorScoped),
        ]
    }

    public static let trailing: [PublishedColumn] = [
        PublishedColumn(
            "suppression_flag", .text,
            "Strongest disclosure action on the row: `none`, `rounded`, `withheld` or `suppressed` (cells listed in soc_suppressed_cells).",
            nullable: false),
        PublishedColumn("suppression_reason", .text, "Reason codes of the row's disclosure actions, `;`-separated; empty when none."),
        PublishedColumn("imd_vintage", .text, "Index of Multiple Deprivation vintage used for quintiles and deciles (e.g. 2019).", nullable: false),
        PublishedColumn("icb_vintage", .text, "ICB boundary vintage (e.g. 2022-07).", nullable: false),
        PublishedColumn("population_source", .text, "Population estimates used as denominators of rates.", nullable: false),
        PublishedColumn("run_id", .text, "The pipeline run that produced the table.", nullable: false),
        PublishedColumn(
            "manifest_sha256", .text,
            "SHA-256 of the input manifest: every input and reference file's path and content hash.", nullable: false),
    ]
}

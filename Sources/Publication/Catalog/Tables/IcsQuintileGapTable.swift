/// The columns of `soc_ics_quintile_gap` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum IcsQuintileGapColumn: String, TableColumns {
    case icsOdsCode = "ics_ods_code"
    case icsName = "ics_name"
    case quintile
    case population
    case numerator
    case denominator
    case value
    case lcl95
    case ucl95
    case q1MinusQ5 = "q1_minus_q5"
    case q1OverQ5 = "q1_over_q5"
    case gapSignificant834 = "gap_significant_834"
    case compareEnglandSameQuintile = "compare_england_same_quintile"
    case core20ValueVsEnglandCore20 = "core20_value_vs_england_core20"
}

extension PublishedCatalog {
    public static let icsQuintileGap = CatalogTable<IcsQuintileGapColumn>(
        name: "soc_ics_quintile_gap", title: "ICS by deprivation quintile",
        description:
            "Each ICS's value in each national deprivation quintile, the gap between its most and least deprived quintiles, and its most deprived quintile against England's most deprived quintile (the Core20 benchmark).",
        key: .indicatorAndPeriod, [.icsOdsCode, .quintile],
        summary: [
            .column(.icsName, heading: "ICS"), .column(.quintile, heading: "Quintile"), .column(.value, heading: "Value"),
            .interval(lower: .lcl95, upper: .ucl95, heading: "95% interval"), .column(.compareEnglandSameQuintile, heading: "Against England's quintile"),
        ],
        statusGroups: [
            .group("population_status", [.population]), .group("numerator_status", [.numerator]), .group("denominator_status", [.denominator]),
            .group("value_status", [.value, .lcl95, .ucl95, .compareEnglandSameQuintile], after: .ucl95),
            .group("gap_status", [.q1MinusQ5, .q1OverQ5, .gapSignificant834]), .group("core20_status", [.core20ValueVsEnglandCore20]),
        ],
        counts: TableCounts(
            geography: .ics(.icsOdsCode), slice: .quintile(.quintile),
            counts: [.numerator: .numerator, .denominator: .denominator, .population: .population], estimate: (.value, .lcl95, .ucl95)),
        describe: { column in
            switch column {
            case .icsOdsCode: .text("ICB ODS code.", nullable: false)
            case .icsName: .text("ICB name.", nullable: false)
            case .quintile: .integer("National IMD quintile: 1 = most deprived, 5 = least deprived.", nullable: false)
            case .population: .count("Resident population of the ICS in this quintile (rounded; suppressed if 1–7).")
            case .numerator: .count("Events or people counted (rounded; suppressed if 1–7).")
            case .denominator: .count("Population or people eligible (rounded; suppressed if 1–7).")
            case .value: .number("The indicator value in `unit`.")
            case .lcl95: .number("Lower 95% confidence limit.")
            case .ucl95: .number("Upper 95% confidence limit.")
            case .q1MinusQ5: .number("The ICS's most minus least deprived quintile value (same on each of its rows).")
            case .q1OverQ5: .number("The ICS's most over least deprived quintile value.")
            case .gapSignificant834: .text("`yes` when the ICS's quintile 1 and 5 83.4% intervals do not overlap.")
            case .compareEnglandSameQuintile: .text("This quintile against England's same quintile (`better`/`similar`/`worse`, or `higher`/`lower`).")
            case .core20ValueVsEnglandCore20: .text("The ICS's most deprived quintile against England's most deprived quintile (same on each of its rows).")
            }
        })
}

/// The columns of `soc_national_by_group` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum NationalByGroupColumn: String, TableColumns {
    case indicatorTitle = "indicator_title"
    case breakdownType = "breakdown_type"
    case breakdownValue = "breakdown_value"
    case numerator
    case denominator
    case value
    case lcl95
    case ucl95
    case lcl998
    case ucl998
    case unit
    case method
    case englandValue = "england_value"
    case compareEngland = "compare_england"
    case populationShare = "population_share"
    case referenceGroup = "reference_group"
    case referenceValue = "reference_value"
    case gapToReference = "gap_to_reference"
    case gapLcl95 = "gap_lcl95"
    case gapUcl95 = "gap_ucl95"
    case ratioToReference = "ratio_to_reference"
    case ratioLcl95 = "ratio_lcl95"
    case ratioUcl95 = "ratio_ucl95"
    case compareReference = "compare_reference"
    case countedFrom = "counted_from"
}

extension PublishedCatalog {
    public static let nationalByGroup = CatalogTable<NationalByGroupColumn>(
        name: "soc_national_by_group", title: "England by group",
        description:
            "England's value of each indicator for everyone and for each national deprivation quintile, decile and sex, or ethnic group and category, with intervals and a comparison with England as a whole. National counts are not rounded.",
        key: .indicatorAndPeriod, [.breakdownType, .breakdownValue],
        summary: [
            .column(.breakdownValue, heading: "Group"), .column(.numerator, heading: "Numerator"), .column(.denominator, heading: "Denominator"),
            .column(.value, heading: "Value"), .interval(lower: .lcl95, upper: .ucl95, heading: "95% interval"),
            .column(.compareEngland, heading: "Against England"),
        ],
        statusGroups: [
            .group("numerator_status", [.numerator]), .group("denominator_status", [.denominator]),
            .group("value_status", [.value, .lcl95, .ucl95, .lcl998, .ucl998]), .group("england_value_status", [.englandValue]),
            .group(
                "reference_status", [.referenceValue, .gapToReference, .gapLcl95, .gapUcl95, .ratioToReference, .ratioLcl95, .ratioUcl95, .compareReference]),
        ],
        counts: TableCounts(
            geography: .england(countedFrom: .countedFrom), slice: .breakdown(type: .breakdownType, label: .breakdownValue),
            counts: [.numerator: .numerator, .denominator: .denominator], estimate: (.value, .lcl95, .ucl95)),
        describe: { column in
            switch column {
            case .indicatorTitle: .text("Indicator title.", nullable: false)
            case .breakdownType:
                .text(
                    "`all`, `imd_quintile`, `imd_decile`, `sex`, `ethnic_group`, `ethnic_category`, or the counts of unknown places `imd_unknown` and `ics_unknown`.",
                    nullable: false)
            case .breakdownValue:
                .text(
                    "`England`, quintile `1 (most deprived)`…`5 (least deprived)`, decile `1`…`10`, `female`/`male`, an ethnic group (`White`, `Asian or Asian British`, …, `Not stated`) or category (`Asian or Asian British: Indian`, …), or the unknown place's label.",
                    nullable: false)
            case .numerator:
                .count(
                    "Events or people counted (England: not rounded; hidden only where a suppressed count of an ICS could otherwise be narrowed from it, docs/DISCLOSURE.md)."
                )
            case .denominator: .count("Population or people eligible (England: not rounded; hidden as `numerator` is).")
            case .value:
                .number("The indicator value in `unit`; empty and marked withheld where the method cannot give one (e.g. a DSR of fewer than 10 events).")
            case .lcl95: .number("Lower 95% confidence limit of `value`.")
            case .ucl95: .number("Upper 95% confidence limit of `value`.")
            case .lcl998: .number("Lower 99.8% confidence limit of `value`.")
            case .ucl998: .number("Upper 99.8% confidence limit of `value`.")
            case .unit: .text("Unit of `value` (e.g. `per 100,000`, `%`).", nullable: false)
            case .method: .text("Statistic and interval method (e.g. `DSR, Dobson`; `proportion, Wilson`).", nullable: false)
            case .englandValue: .number("England's value for everyone, for comparison.")
            case .compareEngland:
                .text(
                    "The group's 95% interval against England's value: `better`/`similar`/`worse` by the indicator's polarity, `higher`/`lower` when it has none, `not_compared` for England itself."
                )
            case .populationShare: .number("The group's share of England's denominator (0–1).")
            case .referenceGroup:
                .text(
                    "The group an ethnic group or category is compared with: `White` (docs/METHODS.md, \"Groups against a reference group\"); empty for other breakdowns."
                )
            case .referenceValue: .number("The reference group's value.")
            case .gapToReference: .number("The group's value minus the reference group's, in `unit` (from the published values).")
            case .gapLcl95: .number("Lower 95% limit of the gap, by MOVER from the two values' published limits (docs/METHODS.md).")
            case .gapUcl95: .number("Upper 95% limit of the gap.")
            case .ratioToReference: .number("The group's value over the reference group's.")
            case .ratioLcl95: .number("Lower 95% limit of the ratio, by MOVER-R from the two values' published limits.")
            case .ratioUcl95: .number("Upper 95% limit of the ratio.")
            case .compareReference:
                .text(
                    "The group against the reference group by their 83.4% intervals: `better`/`similar`/`worse` by the indicator's polarity, `higher`/`lower` when it has none; `not_compared` for the reference group itself, `Not stated` and other breakdowns."
                )
            case .countedFrom:
                .text(
                    "Where England's counts come from: `ics_rows`, the sum of the ICSs' counts and of England's counts in no ICS; `england_rows`, the publisher's own England rows, which need not equal that sum (publishers round and suppress counts by ICB, not England's; docs/DATA.md, \"England as published\").",
                    nullable: false)
            }
        })
}

/// The columns of `soc_ics_by_ethnic_group` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum IcsByEthnicGroupColumn: String, TableColumns {
    case icsOdsCode = "ics_ods_code"
    case icsName = "ics_name"
    case ethnicGroup = "ethnic_group"
    case groupOrder = "group_order"
    case numerator
    case denominator
    case value
    case lcl95
    case ucl95
    case unit
    case shareOfIcs = "share_of_ics"
    case englandGroupValue = "england_group_value"
    case compareEnglandSameGroup = "compare_england_same_group"
    case referenceGroup = "reference_group"
    case referenceValue = "reference_value"
    case gapToReference = "gap_to_reference"
    case gapLcl95 = "gap_lcl95"
    case gapUcl95 = "gap_ucl95"
    case ratioToReference = "ratio_to_reference"
    case ratioLcl95 = "ratio_lcl95"
    case ratioUcl95 = "ratio_ucl95"
    case compareReference = "compare_reference"
}

extension PublishedCatalog {
    public static let icsByEthnicGroup = CatalogTable<IcsByEthnicGroupColumn>(
        name: "soc_ics_by_ethnic_group", title: "ICS by ethnic group",
        description:
            "Each ICS's value for each of the five broad ethnic groups and for people whose ethnic group is not stated, against England's same group and against the ICS's White group (indicators from a source by ethnic group).",
        key: .indicatorAndPeriod, [.icsOdsCode, .groupOrder],
        summary: [
            .column(.icsName, heading: "ICS"), .column(.ethnicGroup, heading: "Ethnic group"), .column(.value, heading: "Value"),
            .interval(lower: .lcl95, upper: .ucl95, heading: "95% interval"), .column(.compareReference, heading: "Against White"),
        ],
        statusGroups: [
            .group("numerator_status", [.numerator]), .group("denominator_status", [.denominator, .shareOfIcs]),
            .group("value_status", [.value, .lcl95, .ucl95, .compareEnglandSameGroup], after: .ucl95),
            .group("england_group_value_status", [.englandGroupValue]),
            .group(
                "reference_status", [.referenceValue, .gapToReference, .gapLcl95, .gapUcl95, .ratioToReference, .ratioLcl95, .ratioUcl95, .compareReference]),
        ],
        counts: TableCounts(
            geography: .ics(.icsOdsCode), slice: .ethnicGroup(label: .ethnicGroup),
            counts: [.numerator: .numerator, .denominator: .denominator], estimate: (.value, .lcl95, .ucl95)),
        describe: { column in
            switch column {
            case .icsOdsCode: .text("ICB ODS code.", nullable: false)
            case .icsName: .text("ICB name.", nullable: false)
            case .ethnicGroup:
                .text(
                    "`White`, `Mixed`, `Asian or Asian British`, `Black or Black British`, `Other ethnic groups`, or `Not stated` (the NHS's broad groups; docs/DATA.md, \"Ethnic groups\").",
                    nullable: false)
            case .groupOrder: .integer("The group's place in that order, 1–6.", nullable: false)
            case .numerator: .count("Events or people counted (rounded; suppressed if 1–7).")
            case .denominator: .count("People eligible, or for a rate the group's usual residents (rounded; suppressed if 1–7).")
            case .value: .number("The indicator value in `unit` (from the rounded counts).")
            case .lcl95: .number("Lower 95% confidence limit.")
            case .ucl95: .number("Upper 95% confidence limit.")
            case .unit: .text("Unit of `value`.", nullable: false)
            case .shareOfIcs:
                .number("The group's share of the ICS's denominator (0–1): for `Not stated`, how much of the ICS's activity has no ethnic group recorded.")
            case .englandGroupValue: .number("England's value for the same group (withheld or hidden as England's own cell is).")
            case .compareEnglandSameGroup:
                .text(
                    "The group's 95% interval against England's same group (`better`/`similar`/`worse`, or `higher`/`lower`); `not_compared` for `Not stated`.")
            case .referenceGroup: .text("The group compared with: `White`.")
            case .referenceValue: .number("The ICS's White group's value.")
            case .gapToReference: .number("The group's value minus the White group's, in `unit` (from the published values).")
            case .gapLcl95: .number("Lower 95% limit of the gap, by MOVER from the two values' published limits (docs/METHODS.md).")
            case .gapUcl95: .number("Upper 95% limit of the gap.")
            case .ratioToReference: .number("The group's value over the White group's.")
            case .ratioLcl95: .number("Lower 95% limit of the ratio, by MOVER-R from the two values' published limits.")
            case .ratioUcl95: .number("Upper 95% limit of the ratio.")
            case .compareReference:
                .text(
                    "The group against the ICS's White group by their 83.4% intervals (`better`/`similar`/`worse`, or `higher`/`lower`); `not_compared` for the White group itself and `Not stated`."
                )
            }
        })
}

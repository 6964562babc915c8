/// The columns of `soc_trend_vs_baseline` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum TrendVsBaselineColumn: String, TableColumns {
    case geographyLevel = "geography_level"
    case geographyCode = "geography_code"
    case geographyName = "geography_name"
    case breakdownType = "breakdown_type"
    case breakdownValue = "breakdown_value"
    case baselinePeriod = "baseline_period"
    case baselineValue = "baseline_value"
    case latestValue = "latest_value"
    case absChange = "abs_change"
    case relChange = "rel_change"
    case changeLcl = "change_lcl"
    case changeUcl = "change_ucl"
    case direction
    case siiBaseline = "sii_baseline"
    case siiLatest = "sii_latest"
    case siiChange = "sii_change"
    case siiChangeLcl = "sii_change_lcl"
    case siiChangeUcl = "sii_change_ucl"
    case gapDirection = "gap_direction"
    case fingertipsTrendMarker = "fingertips_trend_marker"
}

extension PublishedCatalog {
    public static let trendVsBaseline = CatalogTable<TrendVsBaselineColumn>(
        name: "soc_trend_vs_baseline", title: "Change since baseline",
        description:
            "Change in each indicator between the baseline period and each later period, for England, regions and ICSs, overall, by deprivation quintile and (indicators by ethnic group) by broad ethnic group, with the change in the SII.",
        key: .indicatorAndPeriod, [.geographyCode, .breakdownType, .breakdownValue],
        summary: [
            .column(.geographyName, heading: "Geography"), .column(.breakdownValue, heading: "Group"), .column(.baselineValue, heading: "Baseline"),
            .column(.latestValue, heading: "Value"), .column(.absChange, heading: "Change"),
            .interval(lower: .changeLcl, upper: .changeUcl, heading: "95% interval"), .column(.direction, heading: "Direction"),
        ],
        statusGroups: [
            .group("baseline_value_status", [.baselineValue]), .group("latest_value_status", [.latestValue]),
            .group("change_status", [.absChange, .relChange, .changeLcl, .changeUcl]),
            .group("sii_change_status", [.siiBaseline, .siiLatest, .siiChange, .siiChangeLcl, .siiChangeUcl, .gapDirection]),
            .group("fingertips_trend_marker_status", [.fingertipsTrendMarker]),
        ],
        describe: { column in
            switch column {
            case .geographyLevel: .text("`england`, `region` or `icb`.", nullable: false)
            case .geographyCode: .text("England, region or ICB code.", nullable: false)
            case .geographyName: .text("Name of the geography.", nullable: false)
            case .breakdownType: .text("`all`, `imd_quintile`, or `ethnic_group` for an indicator by ethnic group.", nullable: false)
            case .breakdownValue:
                .text(
                    "`all`, quintile `1 (most deprived)`…`5 (least deprived)`, or the broad ethnic group (`White` … `Not stated`).", nullable: false)
            case .baselinePeriod: .text("The baseline period (YYYY-MM).", nullable: false)
            case .baselineValue: .number("Value in the baseline period.")
            case .latestValue: .number("Value in this row's period.")
            case .absChange: .number("`latest_value - baseline_value`.")
            case .relChange: .number("`abs_change / baseline_value`.")
            case .changeLcl: .number("Lower 95% limit of the change (MOVER).")
            case .changeUcl: .number("Upper 95% limit of the change (MOVER).")
            case .direction:
                .text(
                    "`improving`, `worsening` or `no_change` (by polarity; `increasing`/`decreasing` without one), or `not_compared` (a value missing).",
                    nullable: false)
            case .siiBaseline:
                .number(
                    "Quintile SII in the baseline period (rows for everyone only): an ICS's as soc_ics_league publishes it; a region's only where every ICS quintile count it rests on is published."
                )
            case .siiLatest: .number("Quintile SII in this period.")
            case .siiChange: .number("`sii_latest - sii_baseline`.")
            case .siiChangeLcl: .number("Lower 95% limit of the SII change.")
            case .siiChangeUcl: .number("Upper 95% limit of the SII change.")
            case .gapDirection: .text("`narrowing`, `widening` or `no_change` (the SII change's interval against 0).")
            case .fingertipsTrendMarker:
                .text(
                    "Fingertips recent-trend marker: `increasing`, `decreasing`, `no_significant_change`, or `cannot_be_calculated` (fewer than 5 periods); hidden where a value of its series is."
                )
            }
        })
}

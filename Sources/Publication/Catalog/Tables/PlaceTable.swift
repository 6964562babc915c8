/// The columns of `soc_place` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum PlaceColumn: String, TableColumns {
    case icsOdsCode = "ics_ods_code"
    case icsName = "ics_name"
    case placeCode = "place_code"
    case placeName = "place_name"
    case numerator
    case denominator
    case value
    case lcl95
    case ucl95
    case lcl998
    case ucl998
    case unit
    case icsValue = "ics_value"
    case compareIcs2level = "compare_ics_2level"
    case funnelBand = "funnel_band"
    case funnelLcl95 = "funnel_lcl95"
    case funnelUcl95 = "funnel_ucl95"
    case funnelLcl998 = "funnel_lcl998"
    case funnelUcl998 = "funnel_ucl998"
    case icsPlaces = "ics_places"
    case icsPlacesShown = "ics_places_shown"
    case icsPlaceLowest = "ics_place_lowest"
    case icsPlaceHighest = "ics_place_highest"
    case icsPlaceRange = "ics_place_range"
}

extension PublishedCatalog {
    public static let places = CatalogTable<PlaceColumn>(
        name: "soc_place", title: "Places within each ICS",
        description:
            "Each place (sub-ICB location) of each ICS: its value with intervals, against its own ICS's value (two-level and a funnel within the system), and the spread of the ICS's places. Indicators from sources by LSOA, and by GP practice placed by their practice list; disclosure control as for ICSs.",
        key: .indicatorAndPeriod, [.placeCode],
        summary: [
            .column(.icsName, heading: "ICS"), .column(.placeName, heading: "Place"), .column(.denominator, heading: "Denominator"),
            .column(.value, heading: "Value"), .interval(lower: .lcl95, upper: .ucl95, heading: "95% interval"), .column(.icsValue, heading: "ICS value"),
            .column(.compareIcs2level, heading: "Against its ICS"),
        ],
        statusGroups: [
            .group("numerator_status", [.numerator]), .group("denominator_status", [.denominator]),
            .group(
                "value_status",
                [.value, .lcl95, .ucl95, .lcl998, .ucl998, .compareIcs2level, .funnelBand, .funnelLcl95, .funnelUcl95, .funnelLcl998, .funnelUcl998],
                after: .ucl998), .group("ics_value_status", [.icsValue]),
        ],
        counts: TableCounts(
            geography: .place(.placeCode, ics: .icsOdsCode), slice: .everyone,
            counts: [.numerator: .numerator, .denominator: .denominator], estimate: (.value, .lcl95, .ucl95)),
        describe: { column in
            switch column {
            case .icsOdsCode: .text("ICB ODS code of the place's ICS.", nullable: false)
            case .icsName: .text("ICB name.", nullable: false)
            case .placeCode: .text("Sub-ICB location ODS code (e.g. 01F).", nullable: false)
            case .placeName:
                .text("The place: the local authorities holding most of the location's LSOAs (from `reference.icb.subIcbs`), else the code.", nullable: false)
            case .numerator: .count("Events or people counted (rounded; suppressed if 1–7).")
            case .denominator: .count("Population or people eligible (rounded; suppressed if 1–7).")
            case .value: .number("The indicator value in `unit` (percentages from the rounded counts).")
            case .lcl95: .number("Lower 95% confidence limit of `value`.")
            case .ucl95: .number("Upper 95% confidence limit of `value`.")
            case .lcl998: .number("Lower 99.8% confidence limit of `value`.")
            case .ucl998: .number("Upper 99.8% confidence limit of `value`.")
            case .unit: .text("Unit of `value`.", nullable: false)
            case .icsValue: .number("The ICS's own value, as published in soc_ics_league.")
            case .compareIcs2level:
                .text(
                    "Two-level comparison with the ICS's value: `better_998`, `better_95`, `similar`, `worse_95`, `worse_998` (or `higher_*`/`lower_*` without polarity), `not_compared`."
                )
            case .funnelBand:
                .text(
                    "Position in the funnel around the ICS's value (no overdispersion adjustment): `within`, `high_95`, `low_95`, `high_998`, `low_998`, `not_applicable`."
                )
            case .funnelLcl95: .number("Lower 95% funnel limit around the ICS's value at this place's denominator.")
            case .funnelUcl95: .number("Upper 95% funnel limit.")
            case .funnelLcl998: .number("Lower 99.8% funnel limit.")
            case .funnelUcl998: .number("Upper 99.8% funnel limit.")
            case .icsPlaces: .integer("Number of places in the ICS (same on each of its rows).", nullable: false)
            case .icsPlacesShown: .integer("How many of them have a published value.", nullable: false)
            case .icsPlaceLowest: .number("Lowest published place value in the ICS.")
            case .icsPlaceHighest: .number("Highest published place value in the ICS.")
            case .icsPlaceRange: .number("`ics_place_highest - ics_place_lowest`: the variation between the ICS's places.")
            }
        })
}

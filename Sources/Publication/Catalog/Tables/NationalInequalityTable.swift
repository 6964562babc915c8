/// The columns of `soc_national_inequality` after its provenance, in published order (docs/PUBLISHED_TABLES.md).
public enum NationalInequalityColumn: String, TableColumns {
    case indicatorTitle = "indicator_title"
    case nQuantiles = "n_quantiles"
    case q1Value = "q1_value"
    case q5Value = "q5_value"
    case absGap = "abs_gap"
    case ratio
    case gapSignificant834 = "gap_significant_834"
    case sii
    case siiLcl95 = "sii_lcl95"
    case siiUcl95 = "sii_ucl95"
    case rii
    case riiLcl95 = "rii_lcl95"
    case riiUcl95 = "rii_ucl95"
    case transform
    case rankBasis = "rank_basis"
    case polarity
    case signConventionNote = "sign_convention_note"
    case excessEvents = "excess_events"
    case unstableReason = "unstable_reason"
}

extension PublishedCatalog {
    public static let nationalInequality = CatalogTable<NationalInequalityColumn>(
        name: "soc_national_inequality", title: "England inequality",
        description:
            "England's inequality by national deprivation: the gap and ratio between the most and least deprived quintiles and the slope and relative indices of inequality (SII, RII) over quintiles and deciles.",
        key: .indicatorAndPeriod, [.nQuantiles],
        summary: [
            .column(.nQuantiles, heading: "Quantiles"), .column(.absGap, heading: "Gap Q1−Q5"), .column(.sii, heading: "SII"),
            .interval(lower: .siiLcl95, upper: .siiUcl95, heading: "SII 95% interval"), .column(.rii, heading: "RII"),
            .interval(lower: .riiLcl95, upper: .riiUcl95, heading: "RII 95% interval"), .column(.unstableReason, heading: "Read with care"),
        ],
        // England's figures are hidden only where one of its counts had to be (docs/DISCLOSURE.md).
        statusGroups: [
            .group(
                "figures_status", [.q1Value, .q5Value, .absGap, .ratio, .gapSignificant834, .sii, .siiLcl95, .siiUcl95, .rii, .riiLcl95, .riiUcl95],
                after: .riiUcl95),
            .group("excess_events_status", [.excessEvents]),
        ],
        describe: { column in
            switch column {
            case .indicatorTitle: .text("Indicator title.", nullable: false)
            case .nQuantiles: .integer("Quantiles the SII and RII are fitted over: 5 (quintiles) or 10 (deciles).", nullable: false)
            case .q1Value: .number("Value in the most deprived quintile.")
            case .q5Value: .number("Value in the least deprived quintile.")
            case .absGap: .number("`q1_value - q5_value`.")
            case .ratio: .number("`q1_value / q5_value`.")
            case .gapSignificant834: .text("`yes` when the quintiles' 83.4% intervals do not overlap (a 5% test of the difference), else `no`.")
            case .sii:
                .number(
                    "Slope index of inequality: modelled value in the most deprived minus the least deprived end, in `unit`; positive = the most deprived are disadvantaged."
                )
            case .siiLcl95: .number("Lower 95% limit of the SII.")
            case .siiUcl95: .number("Upper 95% limit of the SII.")
            case .rii: .number("Relative index of inequality: the SII's ratio form; above 1 = the most deprived are disadvantaged.")
            case .riiLcl95: .number("Lower 95% limit of the RII.")
            case .riiUcl95: .number("Upper 95% limit of the RII.")
            case .transform: .text("Scale of the SII regression: `log` (rates) or `logit` (proportions).")
            case .rankBasis: .text("Where quantile positions come from: `national` cumulative population shares or the geography's own (`local`).")
            case .polarity: .text("`higher_is_better`, `lower_is_better` or `none`.", nullable: false)
            case .signConventionNote: .text("How to read the sign of the SII for this indicator.", nullable: false)
            case .excessEvents: .number("Events above what would occur if every quintile had the least deprived quintile's value (negative: fewer).")
            case .unstableReason: .text("Why the SII/RII should be read with care (small or missing quantiles); empty when stable.")
            }
        })
}

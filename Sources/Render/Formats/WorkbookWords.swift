import Foundation
import Statistics

/// What the workbook shows for the codes the CSV and JSON files carry (docs/PUBLISHED_TABLES.md, "The workbook"): an
/// indicator's title beside its code, and outcome words as a reader says them ("Worse than England (95%)"
/// for `worse_95`). The machine-readable files keep the codes.
package enum WorkbookWords {
    /// Columns whose values are outcome or status words.
    static let outcomeColumns: Set<String> = [
        "compare_england_2level", "compare_ics_2level", "funnel_band", "trend_marker", "direction", "sii_vs_england", "quadrant", "statement_type",
        "suppression_flag", "action",
    ]

    /// Whether a column's words are shown in words.
    package static func isOutcome(_ column: String) -> Bool { outcomeColumns.contains(column) || column.hasSuffix("_status") }

    /// The words for a code in a column.
    package static func words(_ code: String, column: String) -> String {
        guard !code.isEmpty else { return code }
        if let comparison = TwoLevelComparison(rawValue: code), column.hasPrefix("compare_") {
            let label = ComparisonShade(comparison).label
            return column == "compare_ics_2level" ? ComparisonShade(comparison).label(against: "the ICS") : label
        }
        if column == "funnel_band", let band = FunnelBand(rawValue: code) { return funnel(band) }
        switch code {
        case "no_change": return "No significant change"
        case "not_compared": return "Not compared"
        default: return (code.prefix(1).uppercased() + code.dropFirst()).replacingOccurrences(of: "_", with: " ")
        }
    }

    static func funnel(_ band: FunnelBand) -> String {
        switch band {
        case .within: "Within the funnel limits"
        case .high95: "Above the 95% limit"
        case .high998: "Above the 99.8% limit"
        case .low95: "Below the 95% limit"
        case .low998: "Below the 99.8% limit"
        case .notApplicable: "Not applicable"
        }
    }
}

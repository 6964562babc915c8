package import Publication

/// The workbook's headers name the real unit where the column catalogue says "(in unit)"
/// (docs/PUBLISHED_TABLES.md, "Headers and precision"): `Value (%)` when every indicator of the
/// publication has that unit, else the units a row may be in (`Value (in the row's unit: %, per 1,000 or
/// per 100,000)`), a difference of percentages in percentage points. The CSV and JSON keep the
/// catalogue's label beside their `unit` column.
package enum WorkbookUnitHeader {
    /// Columns that hold a difference of two values (a gap, an SII, a change), whose unit for a
    /// percentage is percentage points.
    static let differences: Set<String> = [
        "abs_gap", "q1_minus_q5", "sii", "sii_lcl95", "sii_ucl95", "abs_change", "change_lcl", "change_ucl", "sii_baseline", "sii_latest",
        "sii_change", "sii_change_lcl", "sii_change_ucl", "ics_place_range",
    ]
    static let placeholder = " (in unit)"

    /// The column's header with `units` (the publication's indicators' units, in order) in place of the
    /// placeholder; the label as it is when the column has no unit or no unit is known.
    package static func label(_ column: PublishedColumn, units: [String]) -> String {
        guard column.label.hasSuffix(placeholder), !units.isEmpty else { return column.label }
        let stem = column.label.dropLast(placeholder.count)
        var shown: [String] = []
        for unit in units {
            let text = differences.contains(column.name) ? FigureText.gapUnit(unit) : unit
            if !shown.contains(text) { shown.append(text) }
        }
        guard shown.count > 1 else { return "\(stem) (\(shown[0]))" }
        return "\(stem) (in the row's unit: \(shown.dropLast().joined(separator: ", ")) or \(shown[shown.count - 1]))"
    }
}

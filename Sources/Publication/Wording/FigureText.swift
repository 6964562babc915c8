import Foundation
import PipelineCore

/// Numbers as report text: thousands separators, fixed decimals (half to even), units (`57.1%`,
/// `752.6 per 100,000`). Formats without Foundation's `String(format:)`, which dominated rendering time.
public enum FigureText {
    public static func figure(_ value: Double, decimals: Int = 1) -> String {
        let places = max(0, min(decimals, 6))
        let scale = [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000][places]
        let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
        guard value.isFinite, scaled < 9e15 else { return String(format: "%.\(places)f", value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var whole = String(units / divisor)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var text = whole + grouped
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return value < 0 && units > 0 ? "-" + text : text
    }

    /// A difference between two values with its unit: percentages differ by percentage points
    /// (`2.1 percentage points`), rates by the rate's own unit (`-3.4 per 1,000`).
    public static func differenceWithUnit(_ value: Double, unit: String, decimals: Int = 1) -> String {
        unit == "%" ? "\(figure(value, decimals: decimals)) percentage points" : "\(figure(value, decimals: decimals)) \(unit)"
    }

    /// A title inside a sentence: its first letter lower-cased unless its first word is an acronym or
    /// a name (`Emergency admissions` → `emergency admissions`; `NHS dental patients` and `A&E
    /// attendances` unchanged); the rest of the title is never touched (`an NHS dentist` stays so).
    public static func inSentence(_ title: String) -> String {
        let firstWord = title.prefix { !$0.isWhitespace }
        guard let first = firstWord.first, first.isUppercase, firstWord.dropFirst().contains(where: \.isLowercase) else { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// A period as people read it (`2025-03` is "March 2025", `2024-25` stays "2024-25"; docs/DATA.md,
    /// "Periods"); anything else is shown as given.
    public static func period(_ period: String) -> String {
        Period(label: period)?.readable ?? period
    }

    /// A published period (its first and last day, `2024-04-01` … `2025-03-31`) as people read it, or the
    /// first day as given when the span is not one the pipeline publishes.
    public static func period(start: String, end: String) -> String {
        guard let first = Period(label: String(start.prefix(7))), let last = Period(label: String(end.prefix(7))) else { return start }
        let months = last.ordinal - first.ordinal + 1
        let kinds: [PeriodKind] = [.month, .quarter, .financialYear, .calendarYear]
        guard
            let kind = kinds.first(where: { kind in
                kind.months == months && Period(kind: kind, endingIn: last.ordinal).firstOrdinal == first.ordinal
                    && (kind != .quarter || last.month % 3 == 0) && (kind != .financialYear || last.month == 3)
                    && (kind != .calendarYear || last.month == 12)
            })
        else { return months == 12 ? Period(kind: .rolling12Months, endingIn: last.ordinal).readable : start }
        return Period(kind: kind, endingIn: last.ordinal).readable
    }

    /// The unit of a difference of values: percentage points for a percentage (an SII or a gap of 5.2
    /// percentage points, not 5.2%), else the unit itself.
    public static func gapUnit(_ unit: String) -> String { unit == "%" ? "percentage points" : unit }

    /// ` (95% CI a to b)`, or nothing when the two limits print the same (an interval of no width says
    /// nothing; docs/REPORT.md, "Charts").
    public static func interval(_ lower: Double?, _ upper: Double?, label: String = "95% CI ", decimals: Int = 1) -> String {
        guard let lower, let upper, figure(lower, decimals: decimals) != figure(upper, decimals: decimals) else { return "" }
        return " (\(label)\(figure(lower, decimals: decimals)) to \(figure(upper, decimals: decimals)))"
    }

    /// Value with its unit, e.g. `57.1%` or `752.6 per 100,000`.
    public static func withUnit(_ value: Double, unit: String, decimals: Int = 1) -> String {
        unit == "%" ? "\(figure(value, decimals: decimals))%" : "\(figure(value, decimals: decimals)) \(unit)"
    }
}

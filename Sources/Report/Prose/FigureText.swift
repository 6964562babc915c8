import Foundation

/// Numbers as report text: thousands separators, fixed decimals (half to even), units (`57.1%`,
/// `752.6 per 100,000`). Formats without Foundation's `String(format:)`, which dominated rendering time.
enum FigureText {
    static func figure(_ value: Double, decimals: Int = 1) -> String {
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
    static func differenceWithUnit(_ value: Double, unit: String, decimals: Int = 1) -> String {
        unit == "%" ? "\(figure(value, decimals: decimals)) percentage points" : "\(figure(value, decimals: decimals)) \(unit)"
    }

    /// A title inside a sentence: its first letter lower-cased unless its first word is an acronym or
    /// a name (`Emergency admissions` → `emergency admissions`; `NHS dental patients` and `A&E
    /// attendances` unchanged); the rest of the title is never touched (`an NHS dentist` stays so).
    static func inSentence(_ title: String) -> String {
        let firstWord = title.prefix { !$0.isWhitespace }
        guard let first = firstWord.first, first.isUppercase, firstWord.dropFirst().contains(where: \.isLowercase) else { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// A period as people read it: a month `2025-03` is `March 2025`; any other form is shown as given.
    static func period(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return period }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(names[month - 1]) \(year)"
    }

    /// Value with its unit, e.g. `57.1%` or `752.6 per 100,000`.
    static func withUnit(_ value: Double, unit: String, decimals: Int = 1) -> String {
        unit == "%" ? "\(figure(value, decimals: decimals))%" : "\(figure(value, decimals: decimals)) \(unit)"
    }
}

import Foundation

/// The sentences of the sub-national headline statements, shared by the aggregate stage (from
/// unrounded values) and the report stage (rebuilt from published values), so both say it the same way.
public enum HeadlineText {
    /// `Highest 1: NHS …, 63.3% (95% CI 61.1 to 65.4); intervals overlap, so read ranks with care.`
    public static func ranked(_ label: String, rank: Int, name: String, value: Double, lower: Double?, upper: Double?, unit: String) -> String {
        let interval = lower.map { " (95% CI \(FigureText.figure($0)) to \(FigureText.figure(upper ?? $0)))" } ?? ""
        return "\(label.capitalized) \(rank): \(name), \(FigureText.withUnit(value, unit: unit))\(interval); intervals overlap, so read ranks with care."
    }

    /// `Across the 42 ICSs, … ranged from 52.1% (NHS …) to 63.3% (NHS …) in 2025-03.`
    public static func range(across noun: String, title: String, low: (name: String, value: Double),
                             high: (name: String, value: Double), unit: String, period: String) -> String {
        "Across \(noun), \(title.lowercased()) ranged from \(FigureText.withUnit(low.value, unit: unit)) (\(low.name)) to \(FigureText.withUnit(high.value, unit: unit)) (\(high.name)) in \(period)."
    }
}

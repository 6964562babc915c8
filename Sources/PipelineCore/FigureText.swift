import Foundation

/// Numbers as report text: thousands separators, fixed decimals, units (`57.1%`, `752.6 per 100,000`).
public enum FigureText {
    public static func figure(_ value: Double, decimals: Int = 1) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Value with its unit, e.g. `57.1%` or `752.6 per 100,000`.
    public static func withUnit(_ value: Double, unit: String, decimals: Int = 1) -> String {
        unit == "%" ? "\(figure(value, decimals: decimals))%" : "\(figure(value, decimals: decimals)) \(unit)"
    }
}

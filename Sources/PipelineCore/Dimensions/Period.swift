/// A reporting period `YYYY-MM` (a calendar month; the extract's reference month).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since year 0: `year * 12 + (month - 1)`.
    public let ordinal: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month))
        ordinal = year * 12 + month - 1
    }

    public init(ordinal: Int) { self.ordinal = ordinal }

    public var year: Int { ordinal / 12 }
    public var month: Int { ordinal % 12 + 1 }

    public var label: String {
        let yearText = String(year)
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        return "\(String(repeating: "0", count: max(0, 4 - yearText.count)))\(yearText)-\(monthText)"
    }

    public var description: String { label }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Parses exactly `YYYY-MM` with a month of 01–12 and a year of 1900–2199.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Period? {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for index in 0..<4 {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            year = year * 10 + Int(byte - 0x30)
        }
        let high = bytes[5], low = bytes[6]
        guard high >= 0x30, high <= 0x39, low >= 0x30, low <= 0x39 else { return nil }
        let month = Int(high - 0x30) * 10 + Int(low - 0x30)
        guard (1...12).contains(month), (1900...2199).contains(year) else { return nil }
        return Period(year: year, month: month)
    }

    public init?(label: String) {
        let bytes = Array(label.utf8)
        guard let period = bytes.withUnsafeBytes({ Period.parse($0) }) else { return nil }
        self = period
    }
}

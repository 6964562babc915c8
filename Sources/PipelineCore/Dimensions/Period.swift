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

    /// Parses a month as NHS and ONS files write it: `2025-03`, `2025-03-01` (any valid day: a date in the
    /// month, as monthly extracts carry their first or last day), `01/03/2025` (day first, as UK files
    /// write dates), `Mar-25`, `Mar-2025`, `Mar 2025` and `March 2025` (docs/DATA.md, "Periods").
    public static func parseMonth(_ bytes: UnsafeRawBufferPointer) -> Period? {
        if let period = parse(bytes) { return period }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            return date(year: Int(text.prefix(4)), month: Int(text.dropFirst(5).prefix(2)), day: Int(text.suffix(2)))
        }
        if bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
            return date(year: Int(text.suffix(4)), month: Int(text.dropFirst(3).prefix(2)), day: Int(text.prefix(2)))
        }
        // A month name, then a two- or four-digit year after `-` or a space.
        guard let separator = text.firstIndex(where: { $0 == "-" || $0 == " " }) else { return nil }
        let name = text[..<separator].lowercased(), yearText = text[text.index(after: separator)...]
        guard let month = monthNames.firstIndex(where: { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }),
            yearText.allSatisfy(\.isASCII), yearText.allSatisfy(\.isNumber), let number = Int(yearText)
        else { return nil }
        let year: Int
        switch yearText.count {
        case 2: year = 2000 + number
        case 4: year = number
        default: return nil
        }
        guard (1900...2199).contains(year) else { return nil }
        return Period(year: year, month: month + 1)
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The month of a valid calendar date.
    private static func date(year: Int?, month: Int?, day: Int?) -> Period? {
        guard let year, let month, let day, (1900...2199).contains(year), (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        return Period(year: year, month: month)
    }

    public init?(label: String) {
        let bytes = Array(label.utf8)
        guard let period = bytes.withUnsafeBytes({ Period.parse($0) }) else { return nil }
        self = period
    }
}

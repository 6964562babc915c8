/// A reporting period: a month, quarter, financial or calendar year, or twelve months ending a month
/// (docs/DATA.md, "Periods"), identified by its kind and its last month.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: PeriodKind
    /// The period's last month, as months since year 0: `year * 12 + (month - 1)`.
    public let ordinal: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month))
        kind = .month
        ordinal = year * 12 + month - 1
    }

    public init(ordinal: Int) {
        kind = .month
        self.ordinal = ordinal
    }

    /// The period of `kind` ending in the month `ordinal`.
    public init(kind: PeriodKind, endingIn ordinal: Int) {
        self.kind = kind
        self.ordinal = ordinal
    }

    /// Year and month of the last month.
    public var year: Int { ordinal / 12 }
    public var month: Int { ordinal % 12 + 1 }
    /// The first month, as months since year 0.
    public var firstOrdinal: Int { ordinal - kind.months + 1 }
    /// A number unique to the kind and last month (for dense lookups).
    public var key: Int { kind.index * 1_000_000 + ordinal }

    /// The stored and published form: `2025-03`, `2024-Q4`, `2024-25`, `2024`, `12m-to-2025-03`.
    public var label: String {
        switch kind {
        case .month: Self.monthLabel(ordinal)
        case .quarter: "\(Self.yearText(year))-Q\((month - 1) / 3 + 1)"
        case .financialYear: "\(Self.yearText(year - 1))-\(Self.twoDigits(year % 100))"
        case .calendarYear: Self.yearText(year)
        case .rolling12Months: "12m-to-\(Self.monthLabel(ordinal))"
        }
    }

    /// The period as people read it: "March 2025", "October to December 2024", "2024-25", "2024",
    /// "12 months to March 2025".
    public var readable: String {
        func name(_ ordinal: Int) -> String {
            let name = Self.monthNames[ordinal % 12]
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        switch kind {
        case .month: return "\(name(ordinal)) \(year)"
        case .quarter: return "\(name(firstOrdinal)) to \(name(ordinal)) \(year)"
        case .financialYear, .calendarYear: return label
        case .rolling12Months: return "12 months to \(name(ordinal)) \(year)"
        }
    }

    public var description: String { label }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.ordinal, lhs.kind.index) < (rhs.ordinal, rhs.kind.index) }

    static func monthLabel(_ ordinal: Int) -> String { "\(yearText(ordinal / 12))-\(twoDigits(ordinal % 12 + 1))" }
    static func yearText(_ year: Int) -> String { String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) }
    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

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
    /// `dateOrder` says how to read slash dates (`03/01/2025` is 1 March month first).
    public static func parseMonth(_ bytes: UnsafeRawBufferPointer, dateOrder: DateOrder = .dayFirst) -> Period? {
        if let period = parse(bytes) { return period }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            return date(year: Int(text.prefix(4)), month: Int(text.dropFirst(5).prefix(2)), day: Int(text.suffix(2)))
        }
        if bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
            let first = Int(text.prefix(2)), second = Int(text.dropFirst(3).prefix(2))
            return dateOrder == .dayFirst
                ? date(year: Int(text.suffix(4)), month: second, day: first) : date(year: Int(text.suffix(4)), month: first, day: second)
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

    public static let monthNames = [
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

    /// Reads a stored label of any kind (``label``), or a month in any accepted form.
    public init?(label: String) {
        let bytes = Array(label.utf8)
        if let month = bytes.withUnsafeBytes({ Period.parseMonth($0) }) {
            self = month
        } else if label.hasPrefix("12m-to-"), let end = Period(label: String(label.dropFirst(7))), end.kind == .month {
            self = Period(kind: .rolling12Months, endingIn: end.ordinal)
        } else if let period = Period.parseSpan(label) {
            self = period
        } else {
            return nil
        }
    }

    /// Quarters, financial years and calendar years as NHS and ONS files write them: `2024-Q4`,
    /// `2024 Q4`, `Q4 2024`, `2024-25 Q3`, `Q3 2024-25`, `2024-25`, `2024/25`, `2024`.
    public static func parseSpan(_ text: String) -> Period? {
        let words = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        func year(_ word: String) -> Int? {
            guard word.count == 4, word.allSatisfy(\.isASCII), let value = Int(word), (1900...2199).contains(value) else { return nil }
            return value
        }
        func financialYear(_ first: String, _ second: String) -> Int? {
            guard let start = year(first), second.count == 2, let end = Int(second), end == (start + 1) % 100 else { return nil }
            return start
        }
        func quarter(_ word: String) -> Int? {
            guard word.count == 2, word.hasPrefix("Q"), let number = Int(word.dropFirst()), (1...4).contains(number) else { return nil }
            return number
        }
        let slash = text.split(separator: "/").map(String.init)
        if slash.count == 2, let start = financialYear(slash[0], slash[1]) {
            return Period(kind: .financialYear, endingIn: (start + 1) * 12 + 2)
        }
        switch words.count {
        case 1:
            return year(words[0]).map { Period(kind: .calendarYear, endingIn: $0 * 12 + 11) }
        case 2:
            if let start = financialYear(words[0], words[1]) { return Period(kind: .financialYear, endingIn: (start + 1) * 12 + 2) }
            if let y = year(words[0]), let q = quarter(words[1]) { return Period(kind: .quarter, endingIn: y * 12 + q * 3 - 1) }
            if let q = quarter(words[0]), let y = year(words[1]) { return Period(kind: .quarter, endingIn: y * 12 + q * 3 - 1) }
            return nil
        case 3:
            // Financial quarters: Q1 is April to June of the first year, Q4 January to March of the second.
            if let start = financialYear(words[0], words[1]), let q = quarter(words[2]) {
                return Period(kind: .quarter, endingIn: start * 12 + 3 + q * 3 - 1)
            }
            if let q = quarter(words[0]), let start = financialYear(words[1], words[2]) {
                return Period(kind: .quarter, endingIn: start * 12 + 3 + q * 3 - 1)
            }
            return nil
        default:
            return nil
        }
    }

    /// A delivered period: a month in any accepted form — or, for a source declaring rolling twelve-month
    /// periods, the twelve months ending it — or a quarter or year (``parseSpan(_:)``).
    public static func parseDelivered(_ bytes: UnsafeRawBufferPointer, declared: PeriodKind?, dateOrder: DateOrder = .dayFirst) -> Period? {
        if let month = parseMonth(bytes, dateOrder: dateOrder) {
            switch declared {
            case .rolling12Months?: return Period(kind: .rolling12Months, endingIn: month.ordinal)
            case .month?, nil: return month
            case .quarter?, .financialYear?, .calendarYear?: return nil
            }
        }
        guard declared != .rolling12Months, let span = parseSpan(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return declared == nil || declared == span.kind ? span : nil
    }
}

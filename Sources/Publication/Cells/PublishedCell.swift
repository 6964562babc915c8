/// One cell of a published table: what it shows and, if disclosure control touched it, how and why.
public struct PublishedCell: Sendable, Equatable {
    /// What disclosure control (or the method) did to a cell. Logged in `soc_suppressed_cells`.
    public enum Action: String, Sendable, CaseIterable {
        /// A count in the suppression range: not shown.
        case suppressed
        /// A count hidden so that a suppressed count cannot be recovered by differencing a published total
        /// and its other parts (docs/DISCLOSURE.md, "Differencing").
        case complementarySuppressed = "complementary_suppressed"
        /// A value that would reveal a suppressed count (a rate, proportion or interval): not shown.
        case secondarySuppressed = "secondary_suppressed"
        /// A statistic the method does not give (e.g. a DSR of fewer than 10 events): not shown.
        case withheld
        /// A count rounded to the regime's base (whether or not its value changed).
        case rounded
        /// A percentage or interval recomputed from rounded counts.
        case fromRoundedCounts = "from_rounded_counts"
        /// A percentage shown to fewer decimal places because its rounded denominator is small.
        case reducedPrecision = "reduced_precision"

        /// Whether the cell is empty in the published table.
        public var hidesValue: Bool {
            switch self {
            case .suppressed, .complementarySuppressed, .secondarySuppressed, .withheld: true
            case .rounded, .fromRoundedCounts, .reducedPrecision: false
            }
        }

        /// Severity for a row's `suppression_flag`.
        public var rowFlag: String {
            switch self {
            case .suppressed, .complementarySuppressed, .secondarySuppressed: "suppressed"
            case .withheld: "withheld"
            case .rounded, .fromRoundedCounts, .reducedPrecision: "rounded"
            }
        }
    }

    public var value: CellValue
    public var action: Action?
    public var reason: String?

    public init(_ value: (any CellValueConvertible)?, action: Action? = nil, reason: String? = nil) {
        self.value = action?.hidesValue == true ? .null : (value?.cellValue ?? .null)
        self.action = action
        self.reason = reason
    }

    /// An empty cell hidden by an action.
    public static func hidden(_ action: Action, reason: String) -> PublishedCell {
        PublishedCell(nil, action: action, reason: reason)
    }

    public static let empty = PublishedCell(nil)

    /// The cell as a number, if it shows one.
    public var number: Double? { value.number }
}

/// What a published cell holds, as the checkpoint stores it.
public enum CellValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case number(Double)
    case text(String)

    public var isNull: Bool { self == .null }

    /// The value as a number, if it is one.
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .null, .text: nil
        }
    }
}

/// A value a published cell can hold.
public protocol CellValueConvertible {
    var cellValue: CellValue { get }
}

extension Int: CellValueConvertible {
    public var cellValue: CellValue { .integer(Int64(self)) }
}

extension Int64: CellValueConvertible {
    public var cellValue: CellValue { .integer(self) }
}

extension Double: CellValueConvertible {
    public var cellValue: CellValue { .number(self) }
}

extension String: CellValueConvertible {
    public var cellValue: CellValue { .text(self) }
}

extension Optional: CellValueConvertible where Wrapped: CellValueConvertible {
    public var cellValue: CellValue { self?.cellValue ?? .null }
}

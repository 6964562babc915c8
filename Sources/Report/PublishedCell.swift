public import GRDB

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
        var rowFlag: String {
            switch self {
            case .suppressed, .complementarySuppressed, .secondarySuppressed: "suppressed"
            case .withheld: "withheld"
            case .rounded, .fromRoundedCounts, .reducedPrecision: "rounded"
            }
        }
    }

    public var value: DatabaseValue
    public var action: Action?
    public var reason: String?

    public init(_ value: (any DatabaseValueConvertible)?, action: Action? = nil, reason: String? = nil) {
        self.value = action?.hidesValue == true ? .null : (value?.databaseValue ?? .null)
        self.action = action
        self.reason = reason
    }

    /// An empty cell hidden by an action.
    public static func hidden(_ action: Action, reason: String) -> PublishedCell {
        PublishedCell(nil, action: action, reason: reason)
    }

    public static let empty = PublishedCell(nil)

    /// The cell as a number, if it shows one.
    public var number: Double? { value.storage.asDouble }
}

extension DatabaseValue.Storage {
    var asDouble: Double? {
        switch self {
        case .int64(let value): Double(value)
        case .double(let value): value
        case .null, .string, .blob: nil
        }
    }
}

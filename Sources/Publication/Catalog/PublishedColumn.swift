import Foundation

/// One column of a published State of Care table: its name, type and meaning (the documented contract).
public struct PublishedColumn: Sendable, Equatable {
    /// How a column's cells are typed, stored and controlled.
    public enum Kind: String, Sendable {
        /// Codes, names and labels.
        case text
        /// Whole numbers that are not counts of people or events (ranks, quintile numbers).
        case integer
        /// Statistics: rates, proportions, intervals, indices. Not disclosure-controlled themselves,
        /// but suppressed with the count they would reveal.
        case number
        /// Counts of people or events: disclosure-controlled below national level.
        case count

        /// The SQLite storage type.
        public var sqlType: String {
            switch self {
            case .text: "TEXT"
            case .integer, .count: "INTEGER"
            case .number: "REAL"
            }
        }
    }

    /// How a column's numbers are rounded in published files (docs/PUBLISHED_TABLES.md, "Headers and
    /// precision"); the database keeps them whole.
    public enum Precision: Sendable, Equatable {
        /// A fixed number of decimal places (0 = whole numbers).
        case decimals(Int)
        /// A number of significant figures, for quantities of any size (e.g. a variance).
        case significant(Int)

        /// `value` rounded to this precision (half to even, as the report text and R round).
        public func round(_ value: Double) -> Double {
            guard value.isFinite, value != 0 else { return value }
            let places: Int
            switch self {
            case .decimals(let count): places = count
            case .significant(let count): places = count - 1 - Int(log10(abs(value)).rounded(.down))
            }
            let scale = pow(10, Double(places))
            let rounded = (value * scale).rounded(.toNearestOrEven) / scale
            return rounded == 0 ? 0 : rounded
        }

        /// The Excel number format that shows exactly this precision.
        public var excelFormat: String {
            switch self {
            case .decimals(0): "#,##0"
            case .decimals(let count): "#,##0." + String(repeating: "0", count: count)
            case .significant: "General"
            }
        }

        /// How the published-table reference states it.
        public var summary: String {
            switch self {
            case .decimals(0): "whole"
            case .decimals(let count): "\(count) dp"
            case .significant(let count): "\(count) s.f."
            }
        }
    }

    public let name: String
    public let kind: Kind
    public let description: String
    /// Whether a row may leave this cell empty (not applicable, withheld or suppressed).
    public let nullable: Bool
    /// The header a reader sees in the workbook, with the column's unit where it has one.
    public let label: String
    public let precision: Precision

    public init(_ name: String, _ kind: Kind, _ description: String, nullable: Bool = true, label: String? = nil, precision: Precision? = nil) {
        self.name = name
        self.kind = kind
        self.description = description
        self.nullable = nullable
        self.label = label ?? ColumnPresentation.label(name)
        self.precision = precision ?? ColumnPresentation.precision(name, kind: kind)
    }
}

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

    public let name: String
    public let kind: Kind
    public let description: String
    /// Whether a row may leave this cell empty (not applicable, withheld or suppressed).
    public let nullable: Bool

    public init(_ name: String, _ kind: Kind, _ description: String, nullable: Bool = true) {
        self.name = name
        self.kind = kind
        self.description = description
        self.nullable = nullable
    }
}

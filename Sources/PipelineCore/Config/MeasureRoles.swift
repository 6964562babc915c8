import Foundation

/// For a source delivered one row per measure (long format: a `measure` column naming what the row's
/// `value` counts, as NHS England's annual reports are published), which measures make up the events,
/// or a proportion's numerator and denominator (docs/DATA.md, "One row per measure"). A name adds its
/// measure; a name after `-` subtracts it, so a denominator may be a difference of measures (NHS Talking
/// Therapies' recovery rate: recovery ÷ (finished a course of treatment − not at caseness at the start)).
/// Rows of other measures are left out, as a `where` filter leaves rows out.
public struct MeasureRoles: Codable, Sendable, Equatable {
    /// One measure's part in a total.
    public struct Term: Sendable, Equatable {
        public var measure: String
        /// +1 adds the measure's value, −1 subtracts it.
        public var sign: Int64

        /// As configured: the name, after `-` when it subtracts.
        public var label: String { sign < 0 ? "-" + measure : measure }
    }

    public var events: [Term]
    public var numerator: [Term]
    public var denominator: [Term]

    enum CodingKeys: String, CodingKey, CaseIterable { case events, numerator, denominator }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func terms(_ key: CodingKeys) throws -> [Term] {
            let names = try container.decodeIfPresent([String].self, forKey: key) ?? []
            var seen: Set<String> = []
            return try names.map { name in
                let subtracts = name.hasPrefix("-")
                let measure = String(subtracts ? name.dropFirst() : Substring(name)).trimmingCharacters(in: .whitespaces)
                guard !measure.isEmpty else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a measure name is empty")
                }
                guard seen.insert(measure).inserted else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "measure '\(measure)' is named twice")
                }
                return Term(measure: measure, sign: subtracts ? -1 : 1)
            }
        }
        events = try terms(.events)
        numerator = try terms(.numerator)
        denominator = try terms(.denominator)
        for (key, list) in [(CodingKeys.events, events), (.numerator, numerator), (.denominator, denominator)]
        where !list.isEmpty && !list.contains(where: { $0.sign > 0 }) {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "needs at least one measure that adds (a name without '-')")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func names(_ terms: [Term]) -> [String] { terms.map(\.label) }
        if !events.isEmpty { try container.encode(names(events), forKey: .events) }
        if !numerator.isEmpty { try container.encode(names(numerator), forKey: .numerator) }
        if !denominator.isEmpty { try container.encode(names(denominator), forKey: .denominator) }
    }

    /// Every measure read, each with its weight in the first count (events or numerator) and in the second
    /// (denominator), in a fixed order (their index keys duplicate detection).
    public var weights: [(measure: String, first: Int64, second: Int64)] {
        let first = Dictionary((events + numerator).map { ($0.measure, $0.sign) }, uniquingKeysWith: +)
        let second = Dictionary(denominator.map { ($0.measure, $0.sign) }, uniquingKeysWith: +)
        return Set(first.keys).union(second.keys).sorted().map { ($0, first[$0] ?? 0, second[$0] ?? 0) }
    }
}

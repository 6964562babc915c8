/// How a CSV file is written.
public struct CSVDialect: Codable, Sendable, Equatable {
    /// Field separator, one ASCII character.
    public var delimiter: String = ","
    /// Quote character, one ASCII character.
    public var quote: String = "\""
    /// The line the header is on (1-based): publishers often put a title and notes above it, which are
    /// skipped (README.md, "Bringing your own data").
    public var headerRow: Int = 1

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case delimiter, quote, headerRow }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        delimiter = try container.decodeIfPresent(String.self, forKey: .delimiter) ?? ","
        quote = try container.decodeIfPresent(String.self, forKey: .quote) ?? "\""
        headerRow = try container.decodeIfPresent(Int.self, forKey: .headerRow) ?? 1
        guard (1...1000).contains(headerRow) else {
            throw DecodingError.dataCorruptedError(forKey: .headerRow, in: container, debugDescription: "must be a line number from 1 to 1000")
        }
        for (key, value) in [(CodingKeys.delimiter, delimiter), (.quote, quote)]
        where value.utf8.count != 1 || !value.unicodeScalars.allSatisfy(\.isASCII) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "must be a single ASCII character")
        }
    }

    public var delimiterByte: UInt8 { delimiter.utf8.first ?? UInt8(ascii: ",") }
    public var quoteByte: UInt8 { quote.utf8.first ?? UInt8(ascii: "\"") }
}

/// One of the 19 five-year age bands of the 2013 European Standard Population (0–4 … 85–89, 90+).
///
/// Stored as its index (0 = 0–4, 18 = 90+) so hot loops index arrays, not dictionaries.
public struct AgeBand: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int

    public static let count = 19
    public static let all: [AgeBand] = (0..<count).map { AgeBand(index: $0) }

    public init(index: Int) {
        precondition((0..<Self.count).contains(index), "age band index out of range")
        self.index = index
    }

    /// The band holding a single year of age (90 and over share the last band).
    public init?(age: Int) {
        guard age >= 0, age <= 130 else { return nil }
        self.init(index: min(age / 5, Self.count - 1))
    }

    /// Lowest age in the band.
    public var lowerAge: Int { index * 5 }
    /// Highest age in the band, `nil` for the open 90+ band.
    public var upperAge: Int? { index == Self.count - 1 ? nil : index * 5 + 4 }

    /// Canonical label, e.g. `0-4`, `85-89`, `90+`.
    public var label: String {
        upperAge.map { "\(lowerAge)-\($0)" } ?? "\(lowerAge)+"
    }

    public var description: String { label }

    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool { lhs.index < rhs.index }

    /// Parses a label: `0-4`, `00-04`, `0 to 4`, `90+`, `90 and over`, or a single year of age (`37`).
    public init?(label text: String) {
        var bytes = Array(text.utf8)
        guard let parsed = AgeBand.parse(&bytes) else { return nil }
        self = parsed
    }

    /// Whether a label is a single year of age (`37`) rather than a band: single years of one area are
    /// summed into their band, so they must not collide with each other as duplicates.
    public static func singleYear(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > start, end - start <= 3 else { return nil }
        var value = 0
        for index in start..<end {
            guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    /// Byte-level parser shared by ingest's hot loop (no allocation).
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> AgeBand? {
        var position = 0
        let count = bytes.count
        func skipSpaces() { while position < count, bytes[position] == 0x20 { position += 1 } }
        /// Fingertips writes its bands with a unit (`0-4 yrs`, `90+ yrs`): a trailing `yrs`, `years` or `yr`.
        func skipUnit() {
            let rest = count - position
            guard rest >= 2, rest <= 5 else { return }
            let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position...]), as: UTF8.self).lowercased()
            if word == "yrs" || word == "years" || word == "yr" { position = count }
        }
        func number() -> Int? {
            var value = 0
            var digits = 0
            while position < count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                digits += 1
                position += 1
                if digits > 3 { return nil }
            }
            return digits > 0 ? value : nil
        }
        skipSpaces()
        guard let low = number() else { return nil }
        skipSpaces()
        if position == count { return AgeBand(age: low) }
        // "90+" or "90 and over" / "90plus"
        if bytes[position] == UInt8(ascii: "+") {
            position += 1
            skipSpaces()
            skipUnit()
            guard position == count, low == 90 else { return nil }
            return AgeBand(index: Self.count - 1)
        }
        // "a-b" (the common case, checked without allocating), "a to b", "90 and over".
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
        } else {
            let rest = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position...]), as: UTF8.self).lowercased()
            if low == 90, rest == "and over" || rest == "plus" || rest == "and above" {
                return AgeBand(index: Self.count - 1)
            }
            guard rest.hasPrefix("to ") else { return nil }
            position += 3
        }
        skipSpaces()
        guard let high = number() else { return nil }
        skipSpaces()
        skipUnit()
        guard position == count, low % 5 == 0, high == low + 4, low < 90 else { return nil }
        return AgeBand(index: low / 5)
    }

    /// Whether the text is an "85 and over" top band (`85+`, `85 and over`, `85plus`), which some sources
    /// give instead of 85-89 and 90+ (docs/DATA.md, "Ages").
    public static func isEightyFiveAndOver(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased().filter { $0 != " " }
        return text == "85+" || text == "85andover" || text == "85plus" || text == "85andabove"
    }

    /// Whether the text stands for every age (`all ages`, `all`, `total`), as files that are not by age
    /// write it (docs/DATA.md, "Ages").
    /// It runs on every row, so it compares bytes: ASCII letters folded to lower case, spaces, `_` and
    /// `-` left out (a `String` built per row once took about 8% of ingest).
    public static func isAllAges(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= 16 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { folded in
            var count = 0
            for byte in bytes where byte != 0x20 && byte != 0x5F && byte != 0x2D {
                folded[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            let kept = UnsafeBufferPointer(rebasing: folded[0..<count])
            return kept.elementsEqual("allages".utf8) || kept.elementsEqual("all".utf8) || kept.elementsEqual("total".utf8)
        }
    }

    static func parse(_ bytes: inout [UInt8]) -> AgeBand? {
        bytes.withUnsafeBytes { parse($0) }
    }
}

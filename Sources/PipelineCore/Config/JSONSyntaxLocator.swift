/// Finds the first JSON syntax error's line and column, which Foundation's decoder does not report on Linux.
///
/// A small recursive-descent checker (RFC 8259); used only after decoding has already failed.
struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var position = 0

    /// `(line, column, reason)` of the first syntax error, or `nil` if the text is valid JSON.
    static func firstError(in bytes: [UInt8]) -> (line: Int, column: Int, reason: String)? {
        var locator = JSONSyntaxLocator(bytes: bytes)
        do {
            locator.skipSpace()
            try locator.value(depth: 0)
            locator.skipSpace()
            if locator.position < bytes.count { throw Failure(reason: "unexpected text after the end") }
            return nil
        } catch let failure as Failure {
            var line = 1, column = 1
            for byte in bytes.prefix(locator.position) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column, failure.reason)
        } catch {
            return nil
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    private struct Failure: Error { var reason: String }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw Failure(reason: "expected \(what)") }
        position += 1
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw Failure(reason: "nested too deeply") }
        switch current {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            if current == UInt8(ascii: "}") { position += 1; return }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw Failure(reason: "expected a quoted key") }
                try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if current == UInt8(ascii: "]") { position += 1; return }
            while true {
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39):
            try number()
        case nil:
            throw Failure(reason: "unexpected end of file")
        default:
            throw Failure(reason: "expected a value")
        }
    }

    private mutating func string() throws {
        position += 1
        while let byte = current {
            position += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte == UInt8(ascii: "\\") { position += 1 }
            if byte < 0x20 { position -= 1; throw Failure(reason: "control character or line break inside a string") }
        }
        throw Failure(reason: "unterminated string")
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard current == byte else { throw Failure(reason: "expected \(word)") }
            position += 1
        }
    }

    private mutating func number() throws {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        while let byte = current,
            (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        {
            position += 1
            digits += 1
        }
        if digits == 0 { position = start; throw Failure(reason: "malformed number") }
    }
}

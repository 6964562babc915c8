import Foundation

/// A coding key for reading whatever keys an object actually has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A key in `pipeline.json` that the schema does not know.
struct UnknownConfigKeyError: Error {
    var path: String
    var key: String
    var suggestion: String?
    var validKeys: [String]
}

extension Decoder {
    /// Throws on any key not in `Keys`, naming its path and the closest valid key.
    ///
    /// JSON decoding in Foundation ignores unknown keys; a misspelt `rejectTreshold` would then
    /// silently fall back to a default (docs/ARCHITECTURE.md, "Configuration").
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let valid = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !valid.contains(key.stringValue) && key.stringValue != "$schema" {
            throw UnknownConfigKeyError(
                path: ConfigPath.render(codingPath + [key]),
                key: key.stringValue,
                suggestion: ClosestMatch.best(for: key.stringValue, among: valid),
                validKeys: valid
            )
        }
    }
}

/// Renders a coding path as a JSON path: `sources[2].columns.lsoa`.
enum ConfigPath {
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

/// "Did you mean" by edit distance, case-insensitive; nothing when no key is close.
public enum ClosestMatch {
    public static func best(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, min(word.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Sex as recorded in an extract; `unknown` keeps records whose sex is not known or not stated
/// so they count in data-quality measures instead of vanishing.
public enum Sex: Int, CaseIterable, Sendable, CustomStringConvertible {
    case male = 0
    case female = 1
    case unknown = 2

    public var label: String {
        switch self {
        case .male: "male"
        case .female: "female"
        case .unknown: "unknown"
        }
    }

    public var description: String { label }

    /// Accepts `male`/`female`/`m`/`f`, the NHS Data Dictionary person-stated-gender codes
    /// (1 male, 2 female, 0 not known, 9 not specified) and `unknown`/`u`/`not known`/`not specified`,
    /// case-insensitively. Anything else is invalid (`nil`).
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Sex? {
        guard bytes.count > 0, bytes.count <= 16 else { return nil }
        if bytes.count == 1 {
            switch bytes[0] | 0x20 {
            case UInt8(ascii: "m"), UInt8(ascii: "1"): return .male
            case UInt8(ascii: "f"), UInt8(ascii: "2"): return .female
            case UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "9"), UInt8(ascii: "x"): return .unknown
            default: return nil
            }
        }
        if matches(bytes, "male") { return .male }
        if matches(bytes, "female") { return .female }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        switch text {
        case "male": return .male
        case "female": return .female
        case "unknown", "not known", "not specified", "not stated", "indeterminate": return .unknown
        default: return nil
        }
    }

    /// ASCII case-insensitive comparison without allocating (the hot path sees `male`/`female` on every row).
    @inline(__always)
    static func matches(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] { return false }
        return true
    }

    public init?(label: String) {
        let bytes = Array(label.utf8)
        guard let sex = bytes.withUnsafeBytes({ Sex.parse($0) }) else { return nil }
        self = sex
    }
}

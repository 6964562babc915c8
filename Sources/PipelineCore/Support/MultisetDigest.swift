import Crypto

/// A digest of a multiset of byte strings, whatever order they are added in: the SHA-256 of each element,
/// summed lane by lane (four 64-bit lanes, wrapping), with the number of elements. Equal multisets give
/// equal digests; a different element changes the sum as a hash would. Used where rows are produced in an
/// order that need not repeat from run to run, but the same rows must be recognised (docs/ARCHITECTURE.md,
/// "Downstream by period").
public struct MultisetDigest: Sendable, Equatable {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// How many elements were added.
    public private(set) var count = 0

    public init() {}

    /// Adds one element.
    public mutating func add(_ bytes: [UInt8]) {
        var lane: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in SHA256.hash(data: bytes).enumerated() { lane[index / 8] = lane[index / 8] << 8 | UInt64(byte) }
        lanes = (lanes.0 &+ lane[0], lanes.1 &+ lane[1], lanes.2 &+ lane[2], lanes.3 &+ lane[3])
        count += 1
    }

    /// The digest as text: the count and the four lanes in hexadecimal.
    public var text: String {
        "\(count):" + [lanes.0, lanes.1, lanes.2, lanes.3].map { String($0, radix: 16) }.joined(separator: ".")
    }

    public static func == (lhs: MultisetDigest, rhs: MultisetDigest) -> Bool { lhs.text == rhs.text }
}

import Crypto
public import Foundation

/// SHA-256 helpers for input manifests and stage fingerprints.
public enum Fingerprint {
    /// Lowercase hex SHA-256 of bytes.
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Hash of labelled parts, order-sensitive and unambiguous (each part is length-prefixed).
    public static func combine(_ parts: [(String, String)]) -> String {
        var hasher = SHA256()
        for (label, value) in parts {
            for text in [label, value] {
                let bytes = Array(text.utf8)
                withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
                hasher.update(data: bytes)
            }
        }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Streaming SHA-256 for hashing a file while it is parsed.
public struct StreamingSHA256 {
    private var hasher = SHA256()
    public init() {}
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
    public mutating func finalize() -> String { Fingerprint.hex(hasher.finalize()) }
}

import Foundation
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

/// The fast path against libcsv, the reference: random CSV — valid and broken quoting, multi-line fields,
/// LF, CRLF and CR, a BOM, blank lines, empty and long fields — must give the same records, line numbers
/// and errors through both, at any chunk size.
struct CSVDifferentialTests {
    /// SplitMix64, so a failure can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func document(_ random: inout Random) -> [UInt8] {
        var out: [UInt8] = random.below(8) == 0 ? [0xEF, 0xBB, 0xBF] : []
        let lineEnds: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        let style = random.below(4)
        for _ in 0..<(1 + random.below(12)) {
            let fields = 1 + random.below(5)
            for field in 0..<fields {
                if field > 0 { out.append(0x2C) }
                switch random.below(10) {
                case 0: break  // empty
                case 1:  // quoted, maybe with a comma, a doubled quote or a line break inside
                    out.append(0x22)
                    for _ in 0..<random.below(6) { out += [[0x61], [0x2C], [0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x20]][random.below(6)] }
                    out.append(0x22)
                case 2: out += [0x61, 0x22, 0x62]  // a stray quote: malformed
                case 3: out += Array(repeating: 0x7A, count: 50 + random.below(300))  // long
                case 4: out += [0x22, 0x61]  // an unterminated quote
                default: out += Array("E0\(random.below(1000)),x".utf8.prefix(random.below(9) + 1))
                }
            }
            out += style == 3 ? lineEnds[random.below(3)] : lineEnds[style]
            if random.below(6) == 0 { out += lineEnds[style == 3 ? random.below(3) : style] }  // a blank line
        }
        if random.below(3) == 0, !out.isEmpty { out.removeLast() }  // no final line end
        return out
    }

    static func read(_ path: String, fastPath: Bool, chunkSize: Int) -> String {
        let collector = RecordCollector()
        do {
            _ = try CSVReader(chunkSize: chunkSize, fastPath: fastPath).read(path: path, displayPath: "f.csv", into: collector)
            return collector.records.map { "\($0.line):\($0.fields)" }.joined(separator: "\n")
        } catch {
            return collector.records.map { "\($0.line):\($0.fields)" }.joined(separator: "\n") + "\nerror: \(error)"
        }
    }

    @Test func bothPathsAgreeOnRandomCSV() throws {
        let workspace = try TestWorkspace()
        let path = workspace.path("f.csv")
        var random = Random(state: 20_261_201)
        var compared = 0
        for _ in 0..<600 {
            let bytes = Self.document(&random)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let reference = Self.read(path, fastPath: false, chunkSize: 1 << 20)
            for chunk in [4, 7, 64, 1 << 20] {
                let fast = Self.read(path, fastPath: true, chunkSize: chunk)
                #expect(fast == reference, "chunk \(chunk), input \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 2_400)
    }

    /// Lines wider than the fast path's first field buffers (64 fields) grow them without losing a field.
    @Test func wideLinesAgree() throws {
        let workspace = try TestWorkspace()
        let path = workspace.path("f.csv")
        let header = (0..<300).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<300).map { String($0 * 7) }.joined(separator: ",")
        let quoted = (0..<150).map { "\"q\($0)\"" }.joined(separator: ",")
        try Data((header + "\n" + row + "\n" + quoted + "\n" + row + "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let reference = Self.read(path, fastPath: false, chunkSize: 1 << 20)
        #expect(reference.contains("c299") && reference.contains("2093") && !reference.contains("error"))
        for chunk in [5, 100, 1 << 20] { #expect(Self.read(path, fastPath: true, chunkSize: chunk) == reference, "chunk \(chunk)") }
    }
}

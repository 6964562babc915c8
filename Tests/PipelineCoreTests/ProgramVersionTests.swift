import Testing

@testable import PipelineCore

/// The program is identified by its build: the release label and the linker's build-id, which every
/// stage fingerprint includes (docs/ARCHITECTURE.md, "Checkpoints, fingerprints and staleness").
struct ProgramVersionTests {
    /// The program part is the build: the linker's build-id of this very binary.
    @Test func programIsIdentifiedByItsBuild() throws {
        let parts = ProgramVersion.build.split(separator: "+")
        #expect(parts.first.map(String.init) == ProgramVersion.current)
        let id = try #require(parts.last)
        #expect(id.count >= 16 && id.allSatisfy(\.isHexDigit), "\(ProgramVersion.build)")
    }

    /// A crafted ELF note section: the GNU build-id is found after another note.
    @Test func buildIDIsReadFromTheNotes() {
        func note(name: String, type: UInt32, desc: [UInt8]) -> [UInt8] {
            func le(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
            var bytes = le(UInt32(name.utf8.count + 1)) + le(UInt32(desc.count)) + le(type) + Array(name.utf8) + [0]
            while bytes.count % 4 != 0 { bytes.append(0) }
            bytes += desc
            while bytes.count % 4 != 0 { bytes.append(0) }
            return bytes
        }
        let notes = note(name: "GNU", type: 1, desc: [0, 0, 0, 0, 3, 0, 0, 0]) + note(name: "GNU", type: 3, desc: [0xDE, 0xAD, 0xBE, 0xEF, 0x01])
        #expect(notes.withUnsafeBytes { BuildID.scan(notes: $0) } == "deadbeef01")
        #expect([UInt8](repeating: 0, count: 8).withUnsafeBytes { BuildID.scan(notes: $0) } == nil)
    }
}

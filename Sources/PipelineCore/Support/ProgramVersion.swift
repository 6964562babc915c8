#if canImport(Glibc)
    import Glibc
#endif

/// The program's identity, in every stage fingerprint and run record (docs/ARCHITECTURE.md,
/// "Checkpoints, fingerprints and staleness").
///
/// ``current`` is the release label people read (published in `soc_metadata`); ``build`` identifies the
/// exact binary — the linker's GNU build-id, a hash of the linked code — so any change to the program
/// changes every fingerprint and `run` recomputes instead of skipping. Nobody has to remember to bump it.
public enum ProgramVersion {
    /// The release label; a test fails when the sample publication changes and this does not.
    public static let current = "0.25.0"

    /// Release label and build-id, e.g. `0.5.0+1d6c409df1c7…`.
    public static let build: String = current + "+" + (BuildID.ofMainProgram() ?? "no-build-id")
}

/// Reads the GNU build-id note of the running program from its ELF file's program headers.
enum BuildID {
    static func ofMainProgram() -> String? {
        #if canImport(Glibc)
            let fd = open("/proc/self/exe", O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            func read(_ count: Int, at offset: Int) -> [UInt8]? {
                guard count > 0, count <= 1 << 20 else { return nil }
                var bytes = [UInt8](repeating: 0, count: count)
                let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
                return got == count ? bytes : nil
            }
            // 64-bit little-endian ELF only (x86_64, aarch64 Linux).
            guard let header = read(64, at: 0), header.prefix(4) == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
            func word<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as: T.Type) -> Int {
                Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) })
            }
            let tableOffset = word(header, 32, as: UInt64.self), entrySize = word(header, 54, as: UInt16.self)
            let entries = word(header, 56, as: UInt16.self)
            guard entrySize >= 56, let table = read(entrySize * entries, at: tableOffset) else { return nil }
            for index in 0..<entries {
                let entry = index * entrySize
                guard word(table, entry, as: UInt32.self) == 4 /* PT_NOTE */ else { continue }
                let offset = word(table, entry + 8, as: UInt64.self), size = word(table, entry + 32, as: UInt64.self)
                if let notes = read(size, at: offset), let hex = notes.withUnsafeBytes({ scan(notes: $0) }) { return hex }
            }
        #endif
        return nil
    }

    /// Finds an `NT_GNU_BUILD_ID` note (type 3, owner "GNU") among ELF notes and returns it as hex.
    static func scan(notes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        func aligned(_ value: Int) -> Int { (value + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12, desc = name + aligned(nameSize)
            guard desc + descSize <= notes.count else { return nil }
            if type == 3, nameSize == 4, Array(notes[name..<name + 3]) == Array("GNU".utf8) {
                return Fingerprint.hex(notes[desc..<desc + descSize])
            }
            offset = desc + aligned(descSize)
        }
        return nil
    }
}

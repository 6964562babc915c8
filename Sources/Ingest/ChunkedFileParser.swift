import Foundation
import PipelineCore

/// Parses one large, quote-free file on several threads (docs/ARCHITECTURE.md, "Hot paths"). The file is
/// mapped into memory and read in windows of 8 MiB, each cut into chunks at line ends; each chunk is
/// parsed into totals of its own while another thread adds the window to the file's hash, so every byte
/// is read once; the chunks' totals are added in file order and their quarantined lines renumbered.
///
/// Whatever the chunks cannot settle alone — a quote (libcsv's business), an error, a duplicate row
/// across chunks or with an earlier file, too many periods — makes ``parse(_:deliveredIcb:into:)``
/// return nil with the totals untouched, and the caller reads the file the ordinary way, which gives the
/// exact message or quarantine line.
struct ChunkedFileParser: Sendable {
    let source: SourceConfig
    let reference: ReferenceTables
    let dialect: CSVDialect
    /// Chunks per file (the cores).
    let chunks: Int
    let periodBounds: ClosedRange<Int>
    let currentOrdinal: Int
    let maximumPeriods: Int

    /// The mapped file, shared read-only by the chunk threads while the mapping lives.
    private struct MappedBytes: @unchecked Sendable {
        let base: UnsafeRawPointer
        let count: Int

        subscript(range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count) }
    }

    /// One thread's work: a chunk's parse, or the round's share of the file's hash.
    private enum Part {
        case chunk(totals: SourceTotals, parser: ExtractParser, summary: CSVReader.RangeSummary)
        case hashed
        case needsOrdinaryRead
    }

    /// Bytes parsed per round: each round's chunks are parsed together, then their pages released, so
    /// memory holds one window of the file, not the file (8 MiB; tests use a few kilobytes).
    var window = 8 << 20

    /// The hash of the file, carried from round to round (each round's hash job runs alone on it).
    private final class Hashing: @unchecked Sendable {
        var hasher = StreamingSHA256()
    }

    /// The file's statistics after its rows were added to `totals`, or nil (totals untouched) if the file
    /// must be read the ordinary way.
    ///
    /// Each window is cut into ``chunks`` only when `coresIdle()` says a core would otherwise idle (the
    /// other workers have run out of sources); otherwise it is parsed and hashed on this thread.
    func parse(
        _ file: DiscoveredFile, deliveredIcb: Int?, into totals: SourceTotals, coresIdle: () -> Bool
    ) -> SourceResult.FileStats? {
        // A header below title lines is found by the ordinary reader, which skips them.
        guard source.dialect.headerRow == 1 else { return nil }
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else { return nil }
        defer { munmap(mapping, size) }
        let bytes = MappedBytes(base: UnsafeRawPointer(mapping), count: size)
        let bom =
            size >= 3 && bytes.base.load(as: UInt8.self) == 0xEF && bytes.base.load(fromByteOffset: 1, as: UInt8.self) == 0xBB
            && bytes.base.load(fromByteOffset: 2, as: UInt8.self) == 0xBF
        let start = bom ? 3 : 0
        guard let headerFeed = Self.lineFeed(in: bytes, from: start) else { return nil }
        let header = start..<(headerFeed + 1)

        let hashing = Hashing()
        // The file's rows so far; each window's first chunk is parsed straight into it (it follows them).
        let combined = newTotals()
        // Totals for the other chunks of a window, cleared and reused window after window (allocating
        // them afresh cost more page faults than the parse saved).
        let partials = (1..<max(chunks, 1)).map { _ in SharedTotals(totals: newTotals()) }
        var stats = SourceResult.FileStats(
            file: file, deliveredIcb: deliveredIcb.map { reference.icbs[$0].odsCode } ?? file.icbFolder, sha256: "",
            rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, suppressed: 0, quarantine: [])
        var lineOffset = 0
        var from = start
        var hashedTo = 0
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        while from < size {
            let windowEnd = Self.lineFeed(in: bytes, from: min(from + window, size - 1)).map { $0 + 1 } ?? size
            let ranges = coresIdle() ? chunkRanges(bytes, from: from, to: windowEnd) : [from..<windowEnd]
            let hashRange = hashedTo..<windowEnd
            let parser = self
            let first = from == start
            let shared = SharedTotals(totals: combined)
            let job = { @Sendable (index: Int) -> Part in
                guard index < ranges.count else {
                    hashing.hasher.update(bytes[hashRange])
                    return .hashed
                }
                let chunkHeader = first && index == 0 ? nil : bytes[header]
                return parser.parseChunk(
                    bytes, range: ranges[index], header: chunkHeader, into: index == 0 ? shared.totals : partials[index - 1].totals, file: file,
                    deliveredIcb: deliveredIcb)
            }
            let parts = ranges.count == 1 ? [job(0), job(1)] : try? ParallelWork.onThreads(count: ranges.count + 1, job)
            guard let parts else { return nil }
            if ranges.count > 1 { stats.parallelWindows += 1 }
            for (index, part) in parts.dropLast().enumerated() {
                guard case .chunk(let chunkTotals, let chunkParser, let summary) = part else { return nil }
                if index > 0 {
                    guard combined.absorb(chunkTotals) else { return nil }
                    chunkTotals.clear()
                }
                for var entry in chunkParser.quarantined where stats.quarantine.count < ExtractParser.quarantineKeepLimit {
                    entry.line += lineOffset
                    stats.quarantine.append(entry)
                }
                stats.byReason.merge(chunkParser.quarantinedByReason, uniquingKeysWith: +)
                stats.setAside.absorb(chunkParser.setAside)
                stats.unplaced.absorb(chunkParser.unplaced)
                var dates = chunkParser.slashDates
                dates.firstSuspectLine = dates.firstSuspectLine.map { $0 + lineOffset }
                stats.slashDates.absorb(dates)
                stats.periodColumn = chunkParser.periodColumnNumber
                for (reason, var entry) in chunkParser.firstByReason where stats.firstByReason[reason] == nil {
                    entry.line += lineOffset
                    stats.firstByReason[reason] = entry
                }
                lineOffset += summary.lines
                stats.rowsRead += chunkParser.rowsRead
                stats.rowsLoaded += chunkParser.rowsLoaded
                stats.rowsQuarantined += chunkParser.quarantinedCount
                stats.suppressed += chunkParser.rowsSuppressed
                stats.rowsFiltered += chunkParser.rowsFiltered
            }
            // The window's pages leave this process's memory (the page cache keeps them).
            let released = from / page * page
            madvise(mapping + released, windowEnd - released, MADV_DONTNEED)
            hashedTo = windowEnd
            from = windowEnd
        }
        guard totals.absorb(combined) else { return nil }
        stats.sha256 = hashing.hasher.finalize()
        return stats
    }

    /// The file's running totals, handed to the thread that parses a window's first chunk while the
    /// others parse into totals of their own (one writer at a time; the round ends before it is read).
    private struct SharedTotals: @unchecked Sendable {
        let totals: SourceTotals
    }

    /// Empty totals of this source's shape.
    private func newTotals() -> SourceTotals {
        SourceTotals(for: source, reference: reference, maximumPeriods: maximumPeriods)
    }

    /// `from..<to` cut into `chunks` ranges, each ending just after a line feed (the last at `to`).
    private func chunkRanges(_ bytes: MappedBytes, from: Int, to: Int) -> [Range<Int>] {
        var bounds = [from]
        for chunk in 1..<max(chunks, 1) {
            let target = from + (to - from) * chunk / chunks
            guard let feed = Self.lineFeed(in: bytes, from: max(target, bounds.last! + 1)), feed + 1 < to else { break }
            bounds.append(feed + 1)
        }
        bounds.append(to)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    private static func lineFeed(in bytes: MappedBytes, from offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        return memchr(bytes.base + offset, 0x0A, bytes.count - offset).map { UnsafeRawPointer($0) - bytes.base }
    }

    private func parseChunk(
        _ bytes: MappedBytes, range: Range<Int>, header: UnsafeRawBufferPointer?, into totals: SourceTotals, file: DiscoveredFile,
        deliveredIcb: Int?
    ) -> Part {
        let parser = ExtractParser(
            source: source, file: file.displayPath, reference: reference, totals: totals, deliveredIcb: deliveredIcb, rawRows: nil,
            periodBounds: periodBounds, currentOrdinal: currentOrdinal, populationYear: file.year)
        do {
            let summary = try CSVReader(dialect: dialect).readQuoteFree(bytes[range], header: header, displayPath: file.displayPath, into: parser)
            return .chunk(totals: totals, parser: parser, summary: summary)
        } catch {
            return .needsOrdinaryRead
        }
    }
}

import Foundation
import PipelineCore

/// Streams all files of one source into its totals.
struct SourceIngester {
    let reference: ReferenceTables
    let keepRows: Bool
    /// The current month and the periods allowed (the `periods` window up to it).
    let current: Period
    let periodBounds: ClosedRange<Int>
    let maximumPeriods: Int
    /// Files at least this large are read in windows, each parsed in `chunks` pieces on as many threads
    /// while cores are idle (``ChunkedFileParser``).
    let chunkedFromBytes: Int
    let chunks: Int
    /// Whether a core is idle now, so chunking a large file would use it (other sources would otherwise).
    let coresIdle: @Sendable () -> Bool
    /// Bytes per window of a chunked file.
    let chunkWindow: Int
    let onFileDone: @Sendable (Int) -> Void

    /// Reads a source's files into its totals. Where `parts` is given (`nil` when raw rows are kept), a file
    /// whose content hash matches its stored part is not read: the part is added instead. Every other file
    /// is parsed alone and its part added the same way, so the result carries each file's part to store
    /// (docs/ARCHITECTURE.md, "Incremental ingest"). A part that cannot be added as parsing in order would
    /// add it is parsed in order instead.
    func ingest(
        _ source: SourceConfig, files: [DiscoveredFile], parts: SourceParts? = nil, hashes: [String: String] = [:], partKey: String = ""
    ) throws -> SourceResult {
        func newTotals() -> SourceTotals { SourceTotals(for: source, reference: reference, maximumPeriods: maximumPeriods) }
        let totals = newTotals()
        // Raw rows hold whole counts: a source of fractional counts keeps its totals only (docs/DATA.md,
        // "Fractional counts").
        let result = SourceResult(source: source, totals: totals, rawRows: keepRows && source.counts == .whole ? RawRowSink() : nil)
        // SOC_PIPELINE_CSV_FAST_PATH=0 reads every byte through libcsv (the reference), for A/B measurement.
        let fastPath = ProcessInfo.processInfo.environment["SOC_PIPELINE_CSV_FAST_PATH"] != "0"
        let reader = CSVReader(dialect: source.dialect, fastPath: fastPath)
        var chunked = ChunkedFileParser(
            source: source, reference: reference, dialect: source.dialect, chunks: chunks, periodBounds: periodBounds,
            currentOrdinal: current.ordinal, maximumPeriods: maximumPeriods)
        chunked.window = chunkWindow
        // One file's totals at a time, in the same memory file after file.
        let alone = parts == nil ? nil : newTotals()

        /// Parses `file` into `into` (and `attributed`), in one piece or in chunks.
        func parse(_ file: DiscoveredFile, into target: SourceTotals, attributed: AttributedTotals, rawRows: RawRowSink?) throws -> SourceResult.FileStats {
            let delivered = file.icbFolder.flatMap { reference.icbIndex(forCode: $0) }
            // Raw rows are kept in file order, so a file whose rows are kept is read in one piece.
            if fastPath, rawRows == nil, chunks > 1, file.size >= chunkedFromBytes, source.grain.profile.parsesInChunks,
                let stats = chunked.parse(file, deliveredIcb: delivered, into: target, coresIdle: coresIdle)
            {
                return stats
            }
            let parser = ExtractParser(
                source: source, file: file.displayPath, reference: reference, totals: target,
                deliveredIcb: delivered, rawRows: rawRows, periodBounds: periodBounds, currentOrdinal: current.ordinal,
                attributed: attributed, populationYear: file.year)
            let summary = try reader.read(path: file.path, displayPath: file.displayPath, into: parser)
            if summary.records == 0 {
                throw PipelineError(.dataQuality, "empty file: no header row", at: InputLocation(file: file.displayPath, line: 1))
            }
            return SourceResult.FileStats(
                file: file, deliveredIcb: delivered.map { reference.icbs[$0].odsCode } ?? file.icbFolder,
                sha256: summary.sha256, rowsRead: parser.rowsRead, rowsLoaded: parser.rowsLoaded,
                rowsQuarantined: parser.quarantinedCount, suppressed: parser.rowsSuppressed, quarantine: parser.quarantined,
                rowsFiltered: parser.rowsFiltered, byReason: parser.quarantinedByReason, firstByReason: parser.firstByReason,
                setAside: parser.setAside, unplaced: parser.unplaced, slashDates: parser.slashDates, periodColumn: parser.periodColumnNumber)
        }

        // The periods whose contribution changed since the last run (``SourceResult/periodsToWrite``).
        var changed: Set<Period> = []
        if let parts { totals.reservePeriods(parts.periodsLastRun + 1) }
        // A stored part that does not read back says nothing of what the tables hold: every period is written.
        var unreadable = false
        // Each file's content hash, whether it was read in order, and the periods it counts in (when known).
        var counted: [(path: String, sha256: String, inOrder: Bool, periods: Set<Period>?)] = []
        for file in files {
            if let alone {
                let part: FilePart, stats: SourceResult.FileStats, reused: SourceParts.Stored?
                let stored = parts?.byPath[file.displayPath]
                let unchanged = stored.map { $0.sha256 == hashes[file.path] } ?? false
                let decoded = unchanged ? stored.flatMap { FilePart(decoding: $0.part, shape: alone, file: file) } : nil
                if unchanged, decoded == nil { unreadable = true }
                if let stored, let decoded, decoded.heldUnder(current.ordinal) {
                    (part, stats, reused) = (decoded, decoded.fileStats(for: file, sha256: stored.sha256), stored)
                } else {
                    alone.reset()
                    let attributed = AttributedTotals()
                    stats = try parse(file, into: alone, attributed: attributed, rawRows: nil)
                    (part, reused) = (FilePart(totals: alone, attributed: attributed, stats: stats, parsedInMonth: current.ordinal), nil)
                }
                let added = totals.absorb(part)
                if let reused {
                    // Its rows change if it is read in order this run and was not the last, or the reverse.
                    if reused.readInOrder != !added {
                        changed.formUnion(part.periods)
                        result.readInOrderChanged.append((file.displayPath, !added))
                    }
                } else {
                    changed.formUnion(part.periods)
                    result.newParts.append((file.displayPath, stats.sha256, part.encoded(), !added))
                }
                counted.append((file.displayPath, stats.sha256, !added, Set(part.periods)))
                if added {
                    part.addAttributed(to: result.attributed)
                    if reused != nil { result.reusedFiles += 1 }
                    try Self.checkDateOrder(stats, source: source)
                    result.files.append(stats)
                    onFileDone(file.size)
                    continue
                }
            }
            // In order, into the source's totals: no parts, or a part that reading in order would not give.
            let stats = try parse(file, into: totals, attributed: result.attributed, rawRows: result.rawRows)
            if counted.last?.path != file.displayPath { counted.append((file.displayPath, stats.sha256, true, nil)) }
            try Self.checkDateOrder(stats, source: source)
            result.files.append(stats)
            onFileDone(file.size)
        }
        if source.measures != nil { try Self.settleMeasureCells(totals, source: source, reference: reference) }
        result.periodDigests = Self.periodDigests(totals.periods, counted: counted, partKey: partKey)
        if let parts, parts.periodsOnly, !unreadable, let alone {
            // The periods of stored parts no file has now: files gone, or changed (their new parts are counted above).
            let current = Dictionary(files.map { ($0.displayPath, hashes[$0.path]) }, uniquingKeysWith: { first, _ in first })
            for (path, stored) in parts.byPath where current[path] == nil || current[path]! != stored.sha256 {
                guard let part = FilePart(decoding: stored.part, shape: alone, file: DiscoveredFile(path: path, displayPath: path, size: 0)) else {
                    return result  // a part that does not read back: every period is written
                }
                changed.formUnion(part.periods)
            }
            result.periodsToWrite = changed
        }
        return result
    }

    /// Each period's digest (``IngestPeriodDigest``): the part key and the hashes of the files counted in it.
    /// Where any file was read in order, or a file's periods are not known, what one file gives may depend on
    /// the others: then every period's digest covers every file.
    static func periodDigests(
        _ periods: [Period], counted: [(path: String, sha256: String, inOrder: Bool, periods: Set<Period>?)], partKey: String
    ) -> [(period: String, digest: String)] {
        let entangled = counted.contains { $0.inOrder || $0.periods == nil }
        let everyFile = counted.map { ("\($0.path)\($0.inOrder ? " in order" : "")", $0.sha256) }
        return periods.map { period in
            let files = entangled ? everyFile : counted.filter { $0.periods?.contains(period) == true }.map { ($0.path, $0.sha256) }
            return (period.label, Fingerprint.combine([("part key", partKey), ("period", period.label)] + files))
        }
    }

    /// A source read one row per measure adds and subtracts measures into each cell (docs/DATA.md, "One row
    /// per measure"). A cell with a measure suppressed at source has no known counts: its partial sums are
    /// cleared and it counts as suppressed records only, so every value made of such cells alone is
    /// withheld as `suppressed_at_source`. Any other cell must come to counts that are not
    /// negative, and a numerator within its denominator, or the measures named are not the ones meant.
    /// - Throws: ``PipelineError`` `.dataQuality` naming the first such cell (by place and period, never
    ///   its counts) and the measures.
    static func settleMeasureCells(_ totals: SourceTotals, source: SourceConfig, reference: ReferenceTables) throws {
        let proportion = source.kind == .proportion
        for cell in totals.value1.indices {
            if totals.suppressed[cell] > 0 {
                totals.value1[cell] = 0
                if totals.keepsSecond { totals.value2[cell] = 0 }
                // The cell is one unknown: none of its records carries a count any more.
                totals.records[cell] = totals.suppressed[cell]
                continue
            }
            let first = totals.value1[cell], second = totals.second(cell)
            guard first < 0 || second < 0 || (proportion && first > second) else { continue }
            let at = totals.dimensions(ofCell: cell)
            let icb = reference.icbs[Int(reference.subIcbToIcb[at.subIcb])].odsCode
            let roles =
                source.measures.map { roles in
                    proportion
                        ? "numerator \(roles.numerator.map(\.label).joined(separator: " ")), denominator \(roles.denominator.map(\.label).joined(separator: " "))"
                        : "events \(roles.events.map(\.label).joined(separator: " "))"
                } ?? ""
            throw PipelineError(
                .dataQuality,
                "source '\(source.name)': its measures (\(roles)) come to \(first < 0 || second < 0 ? "a negative count" : "a numerator above its denominator") for ICB \(icb)\(source.grain.profile.placement == .icbByDecile ? ", decile \(at.decile)" : ""), period \(totals.periods[at.slot].label)",
                at: InputLocation(file: source.files),
                hint: "check the measure names and which are subtracted ('-name') in the source's \"measures\" against the publisher's definition")
        }
    }

    /// Refuses a file whose slash dates look month first while the source declares no order.
    static func checkDateOrder(_ stats: SourceResult.FileStats, source: SourceConfig) throws {
        guard source.dateOrder == nil, stats.slashDates.looksMonthFirst else { return }
        throw stats.slashDates.error(source: source.name, file: stats.file.displayPath, column: stats.periodColumn ?? 0)
    }
}

public import Checkpoints
public import Foundation
public import GRDB
import Logging
public import PipelineCore
import Synchronization

/// Stage 1: validates every extract and the population, totals them while streaming, and
/// checkpoints the totals, the file manifest, the quarantine and the reference tables used.
public struct IngestStage: PipelineStage {
    /// The configuration sections ingest reads (its fingerprint's configuration part).
    struct IngestConfiguration: Encodable {
        var reference: ReferenceConfig
        var ingest: IngestSettings
        var sources: [SourceConfig]
        var keepRows: Bool
    }

    public let name = StageName.ingest
    /// Files are parsed in parallel, one source per worker at a time.
    public var workers: Int
    /// A file at least this large is parsed in chunks, one per worker (16 MiB unless
    /// `SOC_PIPELINE_CHUNKED_FROM_BYTES` says otherwise, for A/B measurement; docs/ARCHITECTURE.md, "Hot paths").
    var chunkedFromBytes: Int
    /// Chunk only while fewer sources are parsing than there are workers (tests chunk every large file).
    var chunkOnlyWhenCoresIdle = true

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(
            workers: workers,
            chunkedFromBytes: ProcessInfo.processInfo.environment["SOC_PIPELINE_CHUNKED_FROM_BYTES"].flatMap(Int.init) ?? 16 << 20)
    }

    /// Bytes per window of a chunked file.
    var chunkWindow = 8 << 20
    /// The current month, when a test sets it (else the clock's, or `SOC_PIPELINE_TODAY`).
    var today: Period?
    var currentMonth: Period { today ?? Period.current(environment: ProcessInfo.processInfo.environment) }

    init(workers: Int, chunkedFromBytes: Int, chunkOnlyWhenCoresIdle: Bool = true, chunkWindow: Int = 8 << 20) {
        self.workers = max(1, workers)
        self.chunkedFromBytes = max(1, chunkedFromBytes)
        self.chunkOnlyWhenCoresIdle = chunkOnlyWhenCoresIdle
        self.chunkWindow = max(64, chunkWindow)
    }

    /// Sources being parsed right now.
    private final class Parsing: Sendable {
        let count = Mutex(0)
    }

    /// The stat-cache entries of files planning had to read, kept if the stage is skipped.
    private final class PlanningReads: Sendable {
        let entries = Mutex<[InputFileStat]>([])
    }

    private let planningReads = PlanningReads()

    public var migrations: [SchemaMigration] { IngestSchema.migrations }

    /// Everything ingest reads from the configuration: reference files, settings, sources, and whether
    /// raw rows are kept (`--keep-rows` or `ingest.keepRows`).
    public func configuration(_ context: StageContext) -> any Encodable {
        IngestConfiguration(
            reference: context.config.reference, ingest: context.config.ingest, sources: context.config.sources,
            keepRows: context.keepsRows)
    }

    /// The SHA-256 of the reference and input files without parsing them: from the stat cache where a
    /// file's metadata vouches for its last hash, else read (two at a time).
    public func plannedContent(_ context: StageContext, in db: Database) throws -> [StageFingerprint.Part] {
        let cached = try db.tableExists(InputFileStat.databaseTableName) ? InputFileStat.fetchAll(db) : []
        let cache = FileStatCache(entries: Dictionary(cached.map { ($0.path, $0) }, uniquingKeysWith: { $1 }), verify: context.verifyInputs)
        let hashes = try currentHashes(context.config, cache: cache)
        planningReads.entries.withLock { $0 = hashes.read }
        return Self.content(current: currentMonth, references: hashes.references, inputs: hashes.inputs.map { ($0.path, $0.sha256) })
    }

    /// Records the metadata of the files planning read, so the next run need not read them.
    public func recordPlanning(in db: Database) throws {
        for entry in planningReads.entries.withLock({ $0 }) { try entry.insert(db, onConflict: .replace) }
    }

    /// The current month (periods after it are refused, so a new month can admit rows), reference files,
    /// then inputs, each labelled by its path.
    static func content(current: Period, references: [(file: String, sha256: String)], inputs: [(path: String, sha256: String)])
        -> [StageFingerprint.Part]
    {
        [StageFingerprint.Part("current month", current.label)]
            + references.map { StageFingerprint.Part("reference \($0.file)", $0.sha256) } + inputs.map { StageFingerprint.Part($0.path, $0.sha256) }
    }

    /// SHA-256 of every reference and input file as they are now, and the stat-cache entries of those read.
    func currentHashes(_ config: PipelineConfig, cache: FileStatCache = FileStatCache(entries: [:])) throws
        -> (references: [(file: String, sha256: String)], inputs: [(source: String, path: String, sha256: String)], read: [InputFileStat])
    {
        let references = ReferenceLoader.files(config).map(\.path)
        var inputs: [(source: String, file: DiscoveredFile)] = []
        for source in config.sources {
            inputs += try FileDiscovery.files(for: source, config: config).map { (source.name, $0) }
        }
        let paths = references.map { (config.resolve($0), $0) } + inputs.map { ($0.file.path, $0.file.displayPath) }
        let found = try cache.hashes(paths, workers: workers)
        let hashes = found.sha256
        return (
            zip(references, hashes).map { ($0, $1) },
            zip(inputs, hashes.dropFirst(references.count)).map { ($0.source, $0.file.displayPath, $1) },
            found.read
        )
    }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let config = context.config
        let logger = context.logger
        var phases = PhaseTimer(logger: logger, stage: "ingest")
        // Each file's metadata before it is read, for the stat cache: a change made from here on leaves a
        // change time after `readFrom`, so the entry cannot vouch for the old hash.
        let readFrom = FileStat.nowNanoseconds()
        let referencePaths = ReferenceLoader.files(config).map { config.resolve($0.path) }
        var statsBeforeReading = Dictionary(referencePaths.compactMap { path in FileStat.of(path: path).map { (path, $0) } }, uniquingKeysWith: { $1 })
        let reference = try ReferenceLoader.load(config)
        phases.done("reference")
        let jobs = try config.sources.map { source in (source, try FileDiscovery.files(for: source, config: config)) }
        for (_, files) in jobs {
            for file in files { statsBeforeReading[file.path] = FileStat.of(path: file.path) }
        }
        // Files unchanged since their part was stored are not read (docs/ARCHITECTURE.md, "Incremental ingest").
        let stored = try StoredFileParts(db, config: config, reference: reference, context: context, planned: planningReads.entries.withLock { $0 })
        let found = try stored.currentHashes(of: jobs, workers: workers)
        phases.done("stored parts")
        // Each source is written as soon as it is parsed, while the others are still parsing. A source
        // that fails its checks is not written; the errors are raised below, in config order.
        let writer = try IngestWriter(db: db, reference: reference, config: config)
        var partsWritten = 0
        let requireCoverage = config.ingest.requireFullCoverage
        // Values published without counts are read apart from the counts: they are few and never added up.
        let valueJobs = jobs.filter { $0.0.kind == .value }
        let results = try ingestInParallel(
            jobs.filter { $0.0.kind != .value }, reference: reference, context: context, stored: stored, hashes: found.sha256, in: db
        ) { result in
            let passes =
                (try? checkRejectThreshold(result, config: config)) != nil && (try? checkEnglandRows(result)) != nil
                && (!requireCoverage || result.source.kind == .population || (try? checkCoverage(result, reference: reference)) != nil)
            if passes { try writer.write(result) }
            partsWritten += try stored.store(result, in: db)
            result.events = result.totals.value1.reduce(0, +)
            result.eventsApportioned = result.totals.total(.eventsApportioned)
            result.totals.releaseCells()
        }
        try stored.forgetStale(files: jobs, in: db)
        let valueSources = try readPublishedValues(valueJobs, reference: reference, writer: writer)
        phases.done("parse and write")
        try FaultInjection.check("ingest:after-parse")

        for result in results {
            logQuarantine(result, logger: logger)
            try checkRejectThreshold(result, config: config)
            try checkEnglandRows(result)
        }
        if requireCoverage {
            for result in results where result.source.kind != .population {
                try checkCoverage(result, reference: reference)
            }
        }

        var rows = try writer.finish(runID: context.runID)
        rows[IngestedFilePart.databaseTableName] = partsWritten
        let parsedFiles = results.flatMap(\.files) + valueSources.flatMap(\.files)
        let hashed = reference.fileHashes.map { (config.resolve($0.file), $0.sha256) } + parsedFiles.map { ($0.file.path, $0.sha256) }
        // A file not read this run keeps the entry whose metadata vouched for it, or the one its hashing made.
        try Self.recordStats(
            hashed.compactMap { path, sha256 in
                found.entries[path].flatMap { $0.sha256 == sha256 ? $0 : nil }
                    ?? statsBeforeReading[path].map { InputFileStat(path: path, stat: $0, sha256: sha256, recordedNanoseconds: readFrom) }
            }, in: db)
        phases.done("finish")
        try FaultInjection.check("ingest:after-totals")

        let content = Self.content(
            current: currentMonth,
            references: reference.fileHashes.map { ($0.file, $0.sha256) },
            inputs: parsedFiles.map { ($0.file.displayPath, $0.sha256) })
        let notes = results.map { result in
            "\(result.source.name): \(result.files.count) files\(result.chunkedFiles > 0 ? " (\(result.chunkedFiles) parsed in parallel chunks)" : "")\(result.reusedFiles > 0 ? " (\(result.reusedFiles) unchanged, not read: their stored totals added)" : ""), \(result.rowsLoaded) rows loaded, \(result.rowsQuarantined) quarantined"
                + (result.source.kind == .population ? "" : ", periods \(result.totals.periods.sorted().map(\.label).joined(separator: " "))")
                + Self.gapNote(result.totals.periods) + Self.attributionNote(result, weights: reference.attributions[result.source.name])
                + (result.eventsApportioned > 0
                    ? ", \(Self.percent(Double(result.eventsApportioned) / Double(max(result.events, 1)))) of events shared out from LSOAs split between vintages"
                    : "")
        }
        let valueNotes = valueSources.map { result in
            "\(result.source.name): \(result.files.count) files, \(result.rowsLoaded) values published without counts (\(result.values.filter(\.suppressedAtSource).count) suppressed at source), \(result.rowsQuarantined) rows quarantined, periods \(result.periods.map(\.label).joined(separator: " "))"
                + Self.gapNote(result.periods)
        }
        // Outlines of places another footprint has and this list does not: drawn nowhere, said here.
        let unknownPlaces = reference.placeBoundaries.unknownCodes
        let placeNote =
            unknownPlaces.isEmpty
            ? []
            : [
                "place boundaries: \(unknownPlaces.count) outlines name a sub-ICB location the list does not hold (\(unknownPlaces.joined(separator: ", "))): not drawn"
            ]
        // Census rows outside England (ONS publishes England and Wales together) are read and left out, said here.
        let census = reference.ethnicGroupPopulation
        let censusNote =
            census.isEmpty
            ? []
            : [
                "ethnic group population: \(census.areas.values.reduce(0, +)) LSOAs read onto the NHS's categories for \(census.byIcb.count) ICBs"
                    + (census.outsideEngland > 0 ? "; \(census.outsideEngland) rows of areas outside England left out" : "")
            ]
        return StageOutcome(rowsByTable: rows, notes: notes + valueNotes + placeNote + censusNote, content: content)
    }

    /// Reads and writes each source of values published without counts, in config order, after the same checks
    /// as counts: the quarantined share, England's own rows when named, and every ICB in every period
    /// (docs/DATA.md, "Values without counts").
    private func readPublishedValues(_ jobs: [(SourceConfig, [DiscoveredFile])], reference: ReferenceTables, writer: IngestWriter) throws
        -> [PublishedValueSource]
    {
        let config = writer.config
        return try jobs.map { source, files in
            let result = try PublishedValueSource.read(
                source, files: files, reference: reference, periodBounds: config.periods.bounds(current: currentMonth),
                currentOrdinal: currentMonth.ordinal)
            try Self.checkRejectThreshold(source, files: result.files, config: config)
            if source.englandRows != nil, !result.values.isEmpty, !result.values.contains(where: { $0.level == .england }) {
                throw Self.noEnglandRows(source)
            }
            if config.ingest.requireFullCoverage { try Self.checkCoverage(result, reference: reference) }
            try writer.write(result)
            return result
        }
    }

    /// Every ICB has a value, or the publisher's suppression of it, in every period the source has.
    static func checkCoverage(_ result: PublishedValueSource, reference: ReferenceTables) throws {
        let source = result.source
        let setAside =
            result.rowsQuarantined > 0
            ? "; \(result.rowsQuarantined) of its rows were set aside, by reason:\n  " + Self.problemsByReason(result.files).joined(separator: "\n  ") : ""
        let periods = result.periods
        guard !periods.isEmpty else {
            throw PipelineError(
                .dataQuality, "source '\(source.name)' has no valid rows in any period\(setAside)", at: InputLocation(file: source.files),
                hint: result.rowsQuarantined > 0 ? "fix what the most frequent reason names" : "check that the files hold data rows under their header")
        }
        var held: [String: Set<String>] = [:]
        for value in result.values where value.level == .icb { held[value.period, default: []].insert(value.code) }
        for period in periods {
            let missing = reference.icbs.filter { held[period.label]?.contains($0.odsCode) != true }
            guard missing.isEmpty else {
                let names = missing.prefix(10).map { "\($0.odsCode) \($0.shortName)" }
                throw PipelineError(
                    .dataQuality,
                    "coverage: source '\(source.name)' period \(period.label) has no value for \(missing.count) of \(reference.icbs.count) ICBs: \(names.joined(separator: "; "))\(missing.count > 10 ? "; …" : "")\(setAside)",
                    hint:
                        "every dataset must cover every system in each period (a value the publisher suppressed counts, as '*'); check the delivery for the ICBs named"
                )
            }
        }
    }

    /// Replaces the stat cache with the files this run read (a deleted file's entry goes with it).
    static func recordStats(_ entries: [InputFileStat], in db: Database) throws {
        try InputFileStat.deleteAll(db)
        for entry in entries where !entry.sha256.isEmpty { try entry.insert(db, onConflict: .replace) }
    }

    /// Parses the sources on `workers` threads, largest first, and hands each finished source to
    /// `onSource` on the calling thread (which owns the database connection) as it completes.
    /// Returns the results in config order, or throws the first parse failure in config order.
    private func ingestInParallel(
        _ jobs: [(SourceConfig, [DiscoveredFile])], reference: ReferenceTables,
        context: StageContext, stored: StoredFileParts, hashes: [String: String], in db: Database, onSource: (SourceResult) throws -> Void
    ) throws -> [SourceResult] {
        // Largest sources first so the two workers finish together.
        let order = jobs.indices.sorted { jobs[$0].1.reduce(0) { $0 + $1.size } > jobs[$1].1.reduce(0) { $0 + $1.size } }
        let totalFiles = jobs.reduce(0) { $0 + $1.1.count }
        let progress = ProgressLine(enabled: context.showProgress, totalFiles: totalFiles)
        let current = currentMonth
        let parsing = Parsing()
        let workers = workers, onlyWhenIdle = chunkOnlyWhenCoresIdle
        let ingester = SourceIngester(
            reference: reference, keepRows: context.keepsRows, current: current,
            periodBounds: context.config.periods.bounds(current: current), maximumPeriods: context.config.ingest.maxPeriods,
            chunkedFromBytes: chunkedFromBytes, chunks: workers,
            coresIdle: { !onlyWhenIdle || parsing.count.withLock { $0 } < workers }, chunkWindow: chunkWindow,
            onFileDone: { bytes in progress.fileDone(bytes: bytes) })
        let results = try ParallelWork.map(
            count: jobs.count, workers: workers, order: order, boundedByResults: true,
            { index in
                parsing.count.withLock { $0 += 1 }
                defer { parsing.count.withLock { $0 -= 1 } }
                return try ingester.ingest(
                    jobs[index].0, files: jobs[index].1, parts: stored.take(of: jobs[index].0), hashes: hashes,
                    partKey: stored.keys[jobs[index].0.name] ?? "")
            }, beforeStart: { index in try stored.load(jobs[index].0, from: db) }, onResult: { _, result in try onSource(result) })
        progress.finish()
        return results
    }

    private func logQuarantine(_ result: SourceResult, logger: Logger) {
        var logged = 0
        for file in result.files {
            for entry in file.quarantine where logged < 10 {
                logged += 1
                logger.warning(
                    "row quarantined",
                    metadata: [
                        "location": "\(InputLocation(file: file.file.displayPath, line: entry.line, column: entry.column))",
                        "reason": "\(entry.reason.rawValue)", "column.name": "\(entry.columnName ?? "")",
                    ])
            }
        }
        if result.rowsQuarantined > 0 {
            logger.notice(
                "quarantine summary",
                metadata: [
                    "source": "\(result.source.name)", "rows.quarantined": "\(result.rowsQuarantined)",
                    "rows.read": "\(result.rowsRead)",
                ])
        }
    }

    private func checkRejectThreshold(_ result: SourceResult, config: PipelineConfig) throws {
        try Self.checkRejectThreshold(result.source, files: result.files, config: config)
    }

    /// Refuses a source whose quarantined share of the rows its filter kept is above its threshold.
    static func checkRejectThreshold(_ source: SourceConfig, files: [SourceResult.FileStats], config: PipelineConfig) throws {
        let threshold = source.rejectThreshold ?? config.ingest.rejectThreshold
        let (read, filtered) = (files.reduce(0) { $0 + $1.rowsRead }, files.reduce(0) { $0 + $1.rowsFiltered })
        let quarantined = files.reduce(0) { $0 + $1.rowsQuarantined }
        // Rows the `where` filter left out were never asked for: the share is of the rows kept.
        let kept = read - filtered
        guard kept > 0 || quarantined > 0 else { return }
        let share = Double(quarantined) / Double(max(kept, 1))
        guard share > threshold else { return }
        throw PipelineError(
            .dataQuality,
            "source '\(source.name)': \(quarantined) of \(kept) rows\(filtered > 0 ? " kept by its 'where' filter" : "") failed validation (\(Self.percent(share)), above the reject threshold of \(Self.percent(threshold))); nothing was committed. By reason:\n  "
                + Self.problemsByReason(files).joined(separator: "\n  "),
            hint: "fix what the most frequent reason names (each first row is shown); raising rejectThreshold would publish totals from whichever rows passed")
    }

    /// One line per reason, most frequent first: its count and its first row, where and why.
    static func problemsByReason(_ result: SourceResult) -> [String] { problemsByReason(result.files) }

    /// One line per reason of `files`' quarantined rows, most frequent first.
    static func problemsByReason(_ files: [SourceResult.FileStats]) -> [String] {
        SourceResult.problems(in: files).map { problem in
            problem.reason.summary(
                count: problem.count, first: InputLocation(file: problem.first.file, line: problem.first.entry.line, column: problem.first.entry.column))
        }
    }

    /// England's own rows named but none read: England would silently be the ICSs' sum (docs/DATA.md,
    /// "England as published").
    private func checkEnglandRows(_ result: SourceResult) throws {
        if result.source.englandRows != nil, !result.totals.periods.isEmpty,
            !result.files.contains(where: { $0.unplaced.keys.contains { $0.icb == UnplacedCounts.englandRow } })
        {
            throw Self.noEnglandRows(result.source)
        }
    }

    /// England's own rows named but none read among the rows `where` keeps.
    static func noEnglandRows(_ source: SourceConfig) -> PipelineError {
        let named = (source.englandRows ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.joined(separator: "/"))" }.joined(separator: ", ")
        return PipelineError(
            .usage, "source '\(source.name)': no row is one of England's own rows (englandRows: \(named)) among the rows its 'where' filter keeps",
            at: InputLocation(file: source.files),
            hint: source.kind == .value
                ? "let England's rows pass 'where' too (e.g. \"Area Type\": [\"ICBs\", \"England\"]), or remove englandRows: England's value is then not available"
                : "let England's rows pass 'where' too (e.g. \"org_type\": [\"ICB\", \"England\"]), or remove englandRows to add England up from the ICSs")
    }

    private func checkCoverage(_ result: SourceResult, reference: ReferenceTables) throws {
        let totals = result.totals
        // Where rows arrived but were set aside, the reasons are the diagnosis, not the delivery.
        let setAside =
            result.rowsQuarantined > 0
            ? "; \(result.rowsQuarantined) of its rows were set aside, by reason:\n  " + Self.problemsByReason(result).joined(separator: "\n  ") : ""
        guard !totals.periods.isEmpty else {
            throw PipelineError(
                .dataQuality, "source '\(result.source.name)' has no valid rows in any period\(setAside)",
                at: InputLocation(file: result.source.files),
                hint: result.rowsQuarantined > 0 ? "fix what the most frequent reason names" : "check that the files hold data rows under their header")
        }
        for (slot, period) in totals.periods.enumerated() {
            let missing = reference.icbs.indices.filter { icb in
                totals.value(.records, slot: slot, icb: icb) - totals.value(.unmappedLsoa, slot: slot, icb: icb) <= 0
            }
            guard missing.isEmpty else {
                let names = missing.prefix(10).map { "\(reference.icbs[$0].odsCode) \(reference.icbs[$0].shortName)" }
                throw PipelineError(
                    .dataQuality,
                    "coverage: source '\(result.source.name)' period \(period.label) has no records for \(missing.count) of \(reference.icbs.count) ICBs: \(names.joined(separator: "; "))\(missing.count > 10 ? "; …" : "")\(setAside)",
                    hint: result.rowsQuarantined > 0
                        ? "every dataset must cover every system in each period; the rows set aside may be the named ICBs' (fix what the reasons name), else check the delivery"
                        : "every dataset must cover every system in each period; check the delivery for the ICBs named")
            }
        }
    }

    /// For a source counted by provider: rows left out by its filter, and the share of its events from
    /// providers the weights do not name (listed in `ingest_unattributed`; docs/DATA.md, "Counts by provider").
    static func attributionNote(_ result: SourceResult, weights: AttributionTable?) -> String {
        var note = result.rowsFiltered > 0 ? ", \(result.rowsFiltered) rows left out by its 'where' filter" : ""
        // Merged providers read through their successors' weights (docs/DATA.md, "Merged providers").
        let through = Set(result.attributed.cells.keys.map(\.provider)).compactMap { code in weights?.readThrough[code].map { (code, $0) } }
            .sorted { $0.0 < $1.0 }
        if !through.isEmpty {
            note +=
                ", \(through.count) merged providers shared out by their successors' weights: \(through.prefix(8).map { "\($0.0) → \($0.1)" }.joined(separator: ", "))\(through.count > 8 ? " …" : "")"
        }
        let missing = result.attributed.unattributed
        guard !missing.isEmpty else { return note }
        let total = result.attributed.cells.values.reduce(Int64(0)) { $0 + $1.events }
        let unshared = missing.values.reduce(Int64(0)) { $0 + $1.events }
        note +=
            ", \(percent(Double(unshared) / Double(max(total, 1)))) of events from \(missing.count) providers the weights do not name (not shared out; table ingest_unattributed): \(missing.keys.sorted().prefix(8).joined(separator: " "))\(missing.count > 8 ? " …" : "")"
        return note
    }

    /// The periods missing inside a source's series (a month with no rows between two with rows), for
    /// the data-quality notes (docs/DATA.md, "Periods").
    static func gapNote(_ periods: [Period]) -> String {
        guard let kind = periods.first?.kind, let first = periods.map(\.ordinal).min(), let last = periods.map(\.ordinal).max() else { return "" }
        let present = Set(periods.map(\.ordinal))
        let missing = stride(from: first, through: last, by: kind.step).filter { !present.contains($0) }
            .map { Period(kind: kind, endingIn: $0).label }
        guard !missing.isEmpty else { return "" }
        return ", \(missing.count) missing inside the series: \(missing.prefix(6).joined(separator: " "))\(missing.count > 6 ? " …" : "")"
    }

    static func percent(_ share: Double) -> String {
        String(format: "%.2f%%", share * 100)
    }
}

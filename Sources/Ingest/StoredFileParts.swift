import Checkpoints
import Foundation
import GRDB
import PipelineCore
import Synchronization

/// The file parts earlier runs stored that this run may add instead of parsing (docs/ARCHITECTURE.md,
/// "Incremental ingest"): those stored under the key each source has now, with the current content hashes
/// of their files. None when raw rows are kept (`--keep-rows`): every file is then read.
final class StoredFileParts: Sendable {
    /// What a source's parse depends on besides its files' content; a part stored under another key is not used.
    private struct PartKey: Encodable {
        var program: String
        var source: SourceConfig
        var reference: ReferenceConfig
        var referenceFiles: [String]
        /// The configured window, not the current month: a part records the month it was parsed in, and is
        /// used in a later one only if the file held no row after that month (``FilePart/heldUnder(_:)``).
        var periods: PeriodWindow
        var maximumPeriods: Int
    }

    let enabled: Bool
    /// Each source's part key now.
    let keys: [String: String]
    /// Parts by source, loaded just before the source is parsed (``load(_:from:)``) and handed out once
    /// (``take(of:)``), so only the sources being parsed hold their parts' bytes.
    private let bySource = Mutex<[String: SourceParts]>([:])
    /// Each source with usable parts: whether they are all its parts (``SourceParts/periodsOnly``), and the
    /// periods it held after the last run.
    private let plans: [String: (periodsOnly: Bool, periodsLastRun: Int)]
    /// Which files have a usable stored part, by source and path.
    private let stored: Set<[String]>
    /// Every stored part's source, path and part key, usable or not.
    private let everyPart: [(source: String, path: String, key: String)]
    /// The stat cache: entries recorded by the last run, and those planning this run just made.
    private let statCache: [String: InputFileStat]
    private let verify: Bool

    init(_ db: Database, config: PipelineConfig, reference: ReferenceTables, context: StageContext, planned: [InputFileStat]) throws {
        enabled = !context.keepsRows
        verify = context.verifyInputs
        var keys: [String: String] = [:]
        for source in config.sources {
            let key = PartKey(
                program: ProgramVersion.build, source: source, reference: config.reference, referenceFiles: reference.fileHashes.map(\.sha256),
                periods: config.periods, maximumPeriods: config.ingest.maxPeriods)
            keys[source.name] = Fingerprint.sha256(Data(StageFingerprint.canonicalJSON(key).utf8))
        }
        self.keys = keys
        var cache = try Dictionary(InputFileStat.fetchAll(db).map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        for entry in planned { cache[entry.path] = entry }
        statCache = cache
        var usable: Set<[String]> = []
        var everyPart: [(source: String, path: String, key: String)] = []
        var otherKey: Set<String> = []
        if enabled {
            for part in try IngestedFilePart.listings(db) {
                everyPart.append((part.source, part.path, part.partKey))
                if keys[part.source] == part.partKey { usable.insert([part.source, part.path]) } else { otherKey.insert(part.source) }
            }
        }
        let periodsLastRun = try IngestPeriodDigest.fetchAll(db).reduce(into: [String: Int]()) { $0[$1.dataset, default: 0] += 1 }
        // The tables hold what a source's parts gave only if every part was stored under the key it has now.
        plans = Dictionary(
            Set(usable.map { $0[0] }).map { source in (source, (periodsOnly: !otherKey.contains(source), periodsLastRun: periodsLastRun[source] ?? 0)) },
            uniquingKeysWith: { first, _ in first })
        self.everyPart = everyPart
        stored = usable
    }

    /// Loads the bytes of a source's usable parts, on the thread that owns the database, just before the
    /// source is parsed (``ParallelWork/map(count:workers:order:boundedByResults:_:beforeStart:onResult:)``).
    func load(_ source: SourceConfig, from db: Database) throws {
        guard enabled, let plan = plans[source.name], let key = keys[source.name] else { return }
        var parts = SourceParts(periodsOnly: plan.periodsOnly, periodsLastRun: plan.periodsLastRun)
        for part in try IngestedFilePart.fetchAll(db, source: source.name, partKey: key) {
            parts.byPath[part.path] = .init(sha256: part.sha256, part: part.part, readInOrder: part.readInOrder)
        }
        bySource.withLock { $0[source.name] = parts }
    }

    /// A source's stored parts by path, handed out once; nil when parts are not used this run.
    func take(of source: SourceConfig) -> SourceParts? {
        guard enabled else { return nil }
        // A source whose parts were not loaded (a run already failing) parses every file: slower, never wrong.
        return bySource.withLock { $0.removeValue(forKey: source.name) } ?? SourceParts()
    }

    /// The content hash now of each file that has a stored part, by absolute path — from the stat cache where
    /// the file's metadata vouches for it, else read — and the stat-cache entry behind each hash.
    func currentHashes(of jobs: [(SourceConfig, [DiscoveredFile])], workers: Int) throws -> (sha256: [String: String], entries: [String: InputFileStat]) {
        let files = jobs.flatMap { source, files in files.filter { stored.contains([source.name, $0.displayPath]) } }
        let found = try FileStatCache(entries: statCache, verify: verify).hashes(files.map { ($0.path, $0.displayPath) }, workers: workers)
        var entries = Dictionary(found.read.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        for (file, sha256) in zip(files, found.sha256) where entries[file.path] == nil {
            if let entry = statCache[file.path], entry.sha256 == sha256 { entries[file.path] = entry }
        }
        return (Dictionary(zip(files.map(\.path), found.sha256), uniquingKeysWith: { $1 }), entries)
    }

    /// Forgets the parts of files gone or stored under another key, once every source is parsed (a source's
    /// parse reads the parts of its files gone, to know which periods they leave; a changed file's part is
    /// replaced when its source is stored).
    func forgetStale(files jobs: [(SourceConfig, [DiscoveredFile])], in db: Database) throws {
        // A run that reads every file for its raw rows stores no parts: those stored would no longer say
        // what the tables hold, so they go, and the next run reads every file.
        guard enabled else {
            try IngestedFilePart.deleteAll(db)
            return
        }
        let present = Set(jobs.flatMap { source, files in files.map { [source.name, $0.displayPath] } })
        for (source, path, key) in everyPart where !present.contains([source, path]) || keys[source] != key {
            // Only the part listed: a changed file's part stored this run under the key it has now stays.
            try IngestedFilePart.filter(
                IngestedFilePart.Columns.source == source && IngestedFilePart.Columns.path == path && IngestedFilePart.Columns.partKey == key
            )
            .deleteAll(db)
        }
    }

    /// Stores the parts of a source's files parsed this run, and lets the result's copies go; returns the
    /// parts written.
    func store(_ result: SourceResult, in db: Database) throws -> Int {
        guard enabled else { return 0 }
        for part in result.newParts {
            try IngestedFilePart(
                source: result.source.name, path: part.path, sha256: part.sha256, partKey: keys[result.source.name] ?? "", part: part.part,
                readInOrder: part.readInOrder
            )
            .insert(db, onConflict: .replace)
        }
        for (path, readInOrder) in result.readInOrderChanged {
            try IngestedFilePart.filter(key: [IngestedFilePart.Columns.source.rawValue: result.source.name, IngestedFilePart.Columns.path.rawValue: path])
                .updateAll(db, [Column(IngestedFilePart.Columns.readInOrder.rawValue).set(to: readInOrder)])
        }
        defer { result.newParts = [] }
        return result.newParts.count
    }
}

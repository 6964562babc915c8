import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// The stat cache: a file is read only when its metadata cannot vouch for its last hash, and a change the
/// metadata might hide is still seen (docs/ARCHITECTURE.md, "Skipping unchanged inputs").
struct FileStatCacheTests {
    let workspace: TestWorkspace
    let file: String

    init() throws {
        workspace = try TestWorkspace()
        try workspace.write("a.csv", "code,events\nQAA,12\n")
        file = workspace.path("a.csv")
    }

    var files: [(path: String, display: String)] { [(file, "a.csv")] }

    /// A cache whose clock runs `ahead` seconds fast, so entries it records look that old to the file.
    func cache(_ entries: [InputFileStat] = [], ahead seconds: Int64 = 0, verify: Bool = false) -> FileStatCache {
        FileStatCache(
            entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) }), verify: verify,
            now: { FileStat.nowNanoseconds() + seconds * 1_000_000_000 })
    }

    @Test func aFileWhoseMetadataVouchesForItsHashIsNotRead() throws {
        let first = try cache(ahead: 10).hashes(files, workers: 1)
        #expect(first.filesRead == 1)
        #expect(first.sha256 == [Fingerprint.sha256(Data("code,events\nQAA,12\n".utf8))])
        let second = try cache(first.read).hashes(files, workers: 1)
        #expect(second.filesRead == 0)
        #expect(second.sha256 == first.sha256)
        #expect(second.read.isEmpty)
    }

    @Test func verifyReadsEveryFile() throws {
        let first = try cache(ahead: 10).hashes(files, workers: 1)
        let verified = try cache(first.read, verify: true).hashes(files, workers: 1)
        #expect(verified.filesRead == 1)
        #expect(verified.sha256 == first.sha256)
    }

    /// Git's racy-timestamp case: a file rewritten within the same second as it was hashed, keeping its
    /// size, on a file system whose times did not move. Its metadata is exactly as recorded, yet it is read.
    @Test func anEntryRecordedWithinTheRacyWindowVouchesForNothing() throws {
        let entry = try #require(try cache().hashes(files, workers: 1).read.first)
        #expect(!entry.vouches(for: entry.stat), "the file's times are within 2 s of its hashing")
        var aged = entry
        aged.recordedNanoseconds = max(entry.stat.modifiedNanoseconds, entry.stat.changedNanoseconds) + InputFileStat.racyWindowNanoseconds
        #expect(aged.vouches(for: entry.stat))
        var moved = entry.stat
        moved.inode += 1
        #expect(!aged.vouches(for: moved))
    }

    /// The same edit on a real file: same size, the modification time set back to the original's.
    @Test func anEditWithinTheSameSecondKeepingItsSizeIsSeen() throws {
        let first = try cache().hashes(files, workers: 1)
        let before = try #require(FileStat.of(path: file))
        try workspace.write("a.csv", "code,events\nQAA,21\n")
        var times = [
            timespec(tv_sec: Int(before.modifiedNanoseconds / 1_000_000_000), tv_nsec: Int(before.modifiedNanoseconds % 1_000_000_000)),
            timespec(tv_sec: Int(before.modifiedNanoseconds / 1_000_000_000), tv_nsec: Int(before.modifiedNanoseconds % 1_000_000_000)),
        ]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        let after = try #require(FileStat.of(path: file))
        #expect(after.size == before.size && after.modifiedNanoseconds == before.modifiedNanoseconds)
        let second = try cache(first.read).hashes(files, workers: 1)
        #expect(second.filesRead == 1)
        #expect(second.sha256 == [Fingerprint.sha256(Data("code,events\nQAA,21\n".utf8))])
    }

    @Test func aMissingFileIsStillNamed() throws {
        #expect(throws: PipelineError.self) { try cache().hashes([(workspace.path("gone.csv"), "gone.csv")], workers: 1) }
    }

    /// Ingest records every file it read with the hash in its manifest; a skipped run keeps what its
    /// planning read; an edit right after a run is picked up by the next.
    @Test func ingestRecordsTheCacheAndSeesAnEditMadeJustAfterIt() throws {
        let world = try TestWorkspace()
        let config = try world.writeTinyWorld()
        let store = try StageHarness.run(IngestStage(), configPath: config)
        let (entries, manifest) = try store.pool.read { db in
            (try InputFileStat.fetchAll(db), try IngestedFile.fetchAll(db))
        }
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.sha256) })
        #expect(!manifest.isEmpty)
        for file in manifest { #expect(byPath[world.path(file.path)] == file.sha256, "\(file.path)") }
        #expect(entries.count > manifest.count, "reference files are cached too")

        try StageHarness.run(IngestStage(), configPath: config)
        let recordedAgain = try store.pool.read { db in try InputFileStat.fetchAll(db) }
        #expect(recordedAgain.count == entries.count)
        #expect(
            zip(recordedAgain, entries).allSatisfy { $0.recordedNanoseconds > $1.recordedNanoseconds },
            "the skipped run read the racy files again and kept their new entries")

        let admissions = world.path("extracts/QAA/admissions.csv")
        let text = try String(contentsOfFile: admissions, encoding: .utf8)
        let edited = text.replacingOccurrences(of: ",5\n", with: ",6\n")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(toFile: admissions, atomically: false, encoding: .utf8)
        try StageHarness.run(IngestStage(), configPath: config)
        let events = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA'") }
        #expect(events == 16)
    }
}

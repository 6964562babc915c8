import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// A large file parsed in chunks on several threads must give exactly what reading it in order gives —
/// totals, file hash, quarantined lines — and must fall back to reading in order whenever the chunks
/// cannot settle it alone (docs/ARCHITECTURE.md, "Hot paths").
struct ChunkedIngestTests {
    /// 60 months × 2 LSOAs × 2 sexes × 19 bands of QAA admissions, with `edit` applied line by line.
    static func admissions(lineEnd: String = "\n", bom: Bool = false, edit: (Int, String) -> String = { $1 }) -> String {
        var lines = ["lsoa_code,period,sex,age_band,events"]
        for month in 0..<60 {
            let period = String(format: "%04d-%02d", 2020 + (month + 3) / 12, (month + 3) % 12 + 1)
            for lsoa in ["E01000001", "E01000002"] {
                for sex in ["male", "female"] {
                    for band in AgeBand.all { lines.append("\(lsoa),\(period),\(sex),\(band.label),\((month * 7 + band.index) % 23)") }
                }
            }
        }
        let edited = lines.enumerated().map { edit($0.offset + 1, $0.element) }
        return (bom ? "\u{FEFF}" : "") + edited.joined(separator: lineEnd) + lineEnd
    }

    /// Ingests the tiny world with QAA's admissions replaced, in order or in chunks of tiny windows on
    /// three threads; returns the ingest tables as text and the stage's notes.
    static func ingest(_ admissions: String, chunked: Bool) throws -> (tables: String, notes: String) {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(admissionsQAA: admissions)
        // QBB delivers one month only; coverage of the other 59 is not what this test is about.
        try workspace.write("pipeline.json", TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false"))
        let stage =
            chunked
            ? IngestStage(workers: 3, chunkedFromBytes: 1, chunkOnlyWhenCoresIdle: false, chunkWindow: 9_000)
            : IngestStage(workers: 3, chunkedFromBytes: Int.max)
        let store = try StageHarness.run(stage, configPath: config)
        let notes = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") } ?? ""
        let dump = try TableDump.dump(workspace.path("out/test.sqlite"))
        let tables = dump.components(separatedBy: "## ").filter { $0.hasPrefix("ingest_") || $0.hasPrefix("ref_") }.joined(separator: "## ")
        return (tables, notes)
    }

    static func expectSame(_ admissions: String, chunksUsed: Bool, _ comment: Comment) throws {
        let ordered = try ingest(admissions, chunked: false)
        let chunked = try ingest(admissions, chunked: true)
        #expect(chunked.tables == ordered.tables, comment)
        #expect(!ordered.notes.contains("parallel chunks"))
        // QBB's three-line file is cut in chunks too (every file is "large" here); QAA's only when it can be.
        let expected = "admissions: 2 files (\(chunksUsed ? 2 : 1) parsed in parallel chunks)"
        #expect(chunked.notes.contains(expected), "\(comment): \(chunked.notes)")
    }

    @Test func cleanFileInManyWindows() throws {
        let text = Self.admissions()
        #expect(text.utf8.count > 100_000, "the file spans many 9 kB windows")
        try Self.expectSame(text, chunksUsed: true, "clean LF file")
        try Self.expectSame(Self.admissions(lineEnd: "\r\n", bom: true), chunksUsed: true, "CRLF with a byte-order mark")
    }

    @Test func quarantinedLinesKeepTheirNumbers() throws {
        let text = Self.admissions { line, row in
            switch line % 997 {
            case 11: row.replacingOccurrences(of: "E01000001", with: "E01999999")
            case 500: row.replacingOccurrences(of: "male", with: "mail")
            case 800: row + ",extra"
            case 900: ""
            default: row
            }
        }
        let (tables, _) = try Self.ingest(text, chunked: true)
        #expect(tables.contains("reason:\"unknown_lsoa\""))
        try Self.expectSame(text, chunksUsed: true, "bad rows, blank lines")
    }

    @Test func whatChunksCannotSettleIsReadInOrder() throws {
        // Line 2's row again in another chunk of the same window: only reading in order says which line
        // is the duplicate.
        let duplicate = Self.admissions { line, row in line == 150 ? "E01000001,2020-04,male,0-4,1" : row }
        try Self.expectSame(duplicate, chunksUsed: false, "duplicate across chunks of a window")
        // In a later window's first chunk, which is parsed after the rows before it: found in place.
        let later = Self.admissions { line, row in line == 4_000 ? "E01000001,2020-04,male,0-4,1" : row }
        try Self.expectSame(later, chunksUsed: true, "duplicate of an earlier window")
        // A quoted field is libcsv's business.
        let quoted = Self.admissions { line, row in line == 3_000 ? row.replacingOccurrences(of: "female", with: "\"female\"") : row }
        try Self.expectSame(quoted, chunksUsed: false, "a quote")
        // An error stops the read with its exact location either way.
        let broken = Self.admissions { line, row in line == 2_500 ? row + "\"" : row }
        #expect(throws: PipelineError.self) { try Self.ingest(broken, chunked: true) }
    }
}

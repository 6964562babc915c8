import Checkpoints
import Foundation
import GRDB
import PipelineCore
import Publication
import Render
import Synchronization

/// Builds the published tables on a thread of its own while the stage's thread, which owns the database,
/// inserts the rows as they come (docs/ARCHITECTURE.md, "Report memory"). Building the rows and inserting
/// them each take about half of the report's tables phase, all of it CPU, so on two cores they overlap.
/// The rows reach the database in the order they were written, a bounded queue of batches apart.
enum PublishedTableBuild {
    /// What the writer counted and digested, for the stage's outcome and the disclosure audit.
    struct Outcome: Sendable {
        var counts: [String: Int]
        var periodDigests: [String: [String: MultisetDigest]]
    }

    private enum Message: Sendable {
        case rows([PublishedTableWriter.LaidOutRow])
        case end
    }

    /// Batches queued between the threads.
    static let queuedBatches = 8

    /// Empties the published tables, runs `build` with a writer on a thread of its own, and inserts what it
    /// writes. The first error wins: inserting's (then `build` is stopped at its next row) or `build`'s.
    static func run(
        _ db: Database, provenance: Provenance, digestedTables: Set<String>, build: @escaping @Sendable (PublishedTableWriter) throws -> Void
    ) throws -> Outcome {
        try PublishedTableWriter.clear(db)
        let queue = PageQueue<Message>(capacity: queuedBatches)
        let insertingFailed = Atomic<Bool>(false)
        let built = Mutex<Result<Outcome, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = Result { () throws -> Outcome in
                let writer = PublishedTableWriter(provenance: provenance, digestedTables: digestedTables) { batch in
                    guard !insertingFailed.load(ordering: .relaxed) else {
                        throw PipelineError(.internal, "the report's tables stopped because inserting their rows failed")
                    }
                    queue.put(.rows(batch))
                }
                try build(writer)
                try writer.flush()
                return Outcome(counts: writer.counts, periodDigests: writer.periodDigests)
            }
            built.withLock { $0 = result }
            // Whatever happened, the stage's thread is told the rows are over.
            queue.put(.end)
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        var inserters: [String: BulkInserter] = [:]
        var failure: (any Error)?
        reading: while true {
            switch queue.take() {
            case .rows(let rows):
                // After a failure the queue is still drained, so the building thread never waits on it.
                guard failure == nil else { continue }
                do {
                    for row in rows { try inserter(for: row.table, in: db, among: &inserters).insert(row.values) }
                } catch {
                    failure = error
                    insertingFailed.store(true, ordering: .relaxed)
                }
            case .end:
                break reading
            }
        }
        finished.wait()
        if let failure { throw failure }
        return try built.withLock { $0 }!.get()
    }

    private static func inserter(for table: String, in db: Database, among inserters: inout [String: BulkInserter]) throws -> BulkInserter {
        if let inserter = inserters[table] { return inserter }
        guard let published = PublishedCatalog.tables.first(where: { $0.name == table }) else {
            throw PipelineError(.internal, "no published table is named \(table)")
        }
        let inserter = try BulkInserter(db, table: table, columns: published.columnNames)
        inserters[table] = inserter
        return inserter
    }
}

import Foundation
import PipelineCore
import Synchronization
import Testing

/// The one place the pipeline runs work in parallel (docs/ARCHITECTURE.md, "Concurrency"): results in
/// index order, each handed over once, and — bounded by results — no more finished jobs waiting for a slow
/// taker than there are workers (docs/ARCHITECTURE.md, "Incremental ingest").
struct ParallelWorkTests {
    /// Runs 20 instant jobs on 2 workers whose results are taken slowly; returns the most results that
    /// were ever finished and not yet taken, and the results.
    static func mostWaiting(bounded: Bool) throws -> (most: Int, results: [Int], taken: [Int]) {
        let waiting = Mutex(0)
        var most = 0
        var taken: [Int] = []
        let results = try ParallelWork.map(
            count: 20, workers: 2, boundedByResults: bounded,
            { index in
                waiting.withLock { $0 += 1 }
                return index * index
            },
            onResult: { index, value in
                most = max(most, waiting.withLock { $0 })
                waiting.withLock { $0 -= 1 }
                taken.append(index)
                #expect(value == index * index)
                Thread.sleep(forTimeInterval: 0.01)
            })
        return (most, results, taken)
    }

    @Test func boundedByResultsHoldsNoMoreThanTheWorkers() throws {
        let bounded = try Self.mostWaiting(bounded: true)
        #expect(bounded.results == (0..<20).map { $0 * $0 })
        #expect(bounded.taken.sorted() == Array(0..<20), "each result handed over once")
        #expect(bounded.most <= 2, "at most one finished job per worker waits: \(bounded.most)")
        // Unbounded, the instant jobs all finish while the first results are being taken.
        let unbounded = try Self.mostWaiting(bounded: false)
        #expect(unbounded.results == bounded.results)
        #expect(unbounded.most > 2, "\(unbounded.most)")
    }

    /// Ingest loads a source's stored parts just before the source is parsed: each job is prepared on the
    /// calling thread before it starts, and, bounded by results, no more jobs are prepared and not yet
    /// taken than there are workers — so no more sources hold their parts at once.
    @Test func jobsArePreparedJustBeforeTheyStart() throws {
        let prepared = Mutex(Set<Int>())
        let startedUnprepared = Mutex([Int]())
        var mostOutstanding = 0
        var outstanding = 0
        let order = Array((0..<15).reversed())
        let results = try ParallelWork.map(
            count: 15, workers: 2, order: order, boundedByResults: true,
            { index in
                if !prepared.withLock({ $0.contains(index) }) { startedUnprepared.withLock { $0.append(index) } }
                return index
            },
            beforeStart: { index in
                prepared.withLock { _ = $0.insert(index) }
                outstanding += 1
                mostOutstanding = max(mostOutstanding, outstanding)
            },
            onResult: { _, _ in
                outstanding -= 1
                Thread.sleep(forTimeInterval: 0.005)
            })
        #expect(results == Array(0..<15))
        #expect(startedUnprepared.withLock { $0 }.isEmpty, "every job was prepared before it started")
        #expect(prepared.withLock { $0 } == Set(0..<15))
        #expect(mostOutstanding <= 2, "no more than the workers: \(mostOutstanding)")
        // Unbounded, every job may start at once, so every one is prepared up front.
        var preparedFirst: [Int] = []
        var takenBeforeLastPrepared = false
        _ = try ParallelWork.map(
            count: 6, workers: 2, { $0 }, beforeStart: { preparedFirst.append($0) },
            onResult: { _, _ in takenBeforeLastPrepared = takenBeforeLastPrepared || preparedFirst.count < 6 })
        #expect(preparedFirst == Array(0..<6))
        #expect(!takenBeforeLastPrepared)
    }

    struct Refused: Error {}

    @Test func aThrowFromTheTakerEndsTheRunWithoutWaitingForever() throws {
        let ran = Mutex(0)
        #expect(throws: Refused.self) {
            try ParallelWork.map(
                count: 12, workers: 2, boundedByResults: true, { index in ran.withLock { $0 += 1 } },
                onResult: { index, _ in if index == 3 { throw Refused() } })
        }
        #expect(ran.withLock { $0 } == 12, "the jobs still queued run to the end, as unbounded")
    }
}

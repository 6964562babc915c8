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

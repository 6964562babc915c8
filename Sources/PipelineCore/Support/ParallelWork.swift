import Dispatch
import Foundation
import Synchronization

/// Runs indexed jobs on a few threads and hands their results back: the one place the pipeline does
/// parallel work (ingest's sources, file hashing, sample files, report formats; docs/ARCHITECTURE.md,
/// "Concurrency").
public enum ParallelWork {
    /// Runs `body(i)` for every `i` in `order` (default `0..<count`), on up to `workers` threads, starting
    /// jobs in that order. `onResult` runs on the calling thread for each job that succeeds, as soon as it
    /// completes. Returns every result in index order, or throws the first failure in index order (so
    /// errors do not depend on timing); a throw from `onResult` is rethrown once every job has ended.
    /// With `boundedByResults`, a worker starts a job only once `onResult` has taken its last one, so no
    /// more than `workers` results are held waiting for a slow `onResult` (ingest's writer, when the
    /// sources come from stored parts faster than they can be written; docs/ARCHITECTURE.md, "Incremental
    /// ingest"). `beforeStart` runs on the calling thread for each job before the job can start: with
    /// `boundedByResults`, for the first `workers` jobs up front and for each later one just after a result
    /// is taken, so what it prepares for a job is held only while the job can run (ingest loads a source's
    /// stored parts this way); without, for every job up front.
    public static func map<Value>(
        count: Int, workers: Int, order: [Int]? = nil, boundedByResults: Bool = false,
        _ body: @escaping @Sendable (Int) throws -> Value,
        beforeStart: (Int) throws -> Void = { _ in },
        onResult: (Int, Value) throws -> Void = { _, _ in }
    ) throws -> [Value] {
        guard count > 0 else { return [] }
        let order = order ?? Array(0..<count)
        precondition(order.count == count && Set(order) == Set(0..<count), "order must list each job once")
        let state = Mutex(JobState<Value>(count: count))
        let completed = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let threads = max(1, min(workers, count))
        // Jobs a worker may start before `onResult` has taken the results of earlier ones.
        let room = DispatchSemaphore(value: boundedByResults ? threads : count)
        var prepared = boundedByResults ? threads : count
        for position in 0..<prepared { try beforeStart(order[position]) }
        for _ in 0..<threads {
            DispatchQueue.global().async(group: group) {
                while true {
                    room.wait()
                    guard let position = state.withLock({ $0.take() }) else {
                        room.signal()
                        break
                    }
                    let index = order[position]
                    let outcome = Handoff(value: Result { try body(index) })
                    state.withLock { $0.finish(index, outcome) }
                    completed.signal()
                }
            }
        }
        do {
            for _ in 0..<count {
                completed.wait()
                let (index, outcome) = state.withLock { $0.nextCompleted() }
                defer { room.signal() }
                if case .success(let value) = outcome.value { try onResult(index, value) }
                // The room this result leaves lets the next job start: it is made ready first.
                if prepared < count {
                    try beforeStart(order[prepared])
                    prepared += 1
                }
            }
        } catch {
            // The workers still running take the remaining jobs without waiting for results taken.
            for _ in 0..<count { room.signal() }
            group.wait()
            throw error
        }
        group.wait()
        return try state.withLock { $0.slots }.map { try $0!.value.get() }
    }
}

extension ParallelWork {
    /// Runs `body(i)` for every `i` in `0..<count`, each on a thread of its own, and waits for them all;
    /// returns the results in index order, or throws the first failure in index order. For a few jobs
    /// started from inside a pool worker (ingest's chunks of one large file): Dispatch's pool is as wide
    /// as the cores, and a worker blocked waiting on jobs queued behind it would starve it.
    public static func onThreads<Value>(count: Int, _ body: @escaping @Sendable (Int) throws -> Value) throws -> [Value] {
        let slots = Mutex([Handoff<Value>?](repeating: nil, count: count))
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                let outcome = Handoff(value: Result { try body(index) })
                slots.withLock { $0[index] = outcome }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return try slots.withLock { $0 }.map { try $0!.value.get() }
    }
}

/// A job's result on its way from the worker that made it to the calling thread. Unchecked because the
/// value need not be Sendable (ingest's per-source results are classes): each is created by one worker,
/// stored once under the mutex, and read by the caller only after that store — ownership moves, it is
/// never shared.
private struct Handoff<Value>: @unchecked Sendable {
    let value: Result<Value, any Error>
}

/// The jobs' bookkeeping, only ever touched under the mutex.
private struct JobState<Value>: Sendable {
    var next = 0
    var slots: [Handoff<Value>?]
    var finished: [Int] = []
    var handedOver = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next job position to start, if any is left.
    mutating func take() -> Int? {
        guard next < slots.count else { return nil }
        defer { next += 1 }
        return next
    }

    mutating func finish(_ index: Int, _ outcome: Handoff<Value>) {
        slots[index] = outcome
        finished.append(index)
    }

    /// The job that completed next after those already handed over (one per completion signal).
    mutating func nextCompleted() -> (Int, Handoff<Value>) {
        let index = finished[handedOver]
        handedOver += 1
        return (index, slots[index]!)
    }
}

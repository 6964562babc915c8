import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGTERM (systemd, `kill`) and SIGINT (Ctrl-C) stop a run at its next safe point instead of killing it
/// mid-write (docs/ARCHITECTURE.md, "The stage contract"): the first signal sets a flag that every fault
/// point checks (``FaultInjection/check(_:)``), so the stage throws, its transaction rolls back, the
/// previous publication is restored and the run is recorded as interrupted. A second signal ends the
/// process at once (the database is still safe: SQLite rolls back an uncommitted transaction).
public enum Interruption {
    private static let flag = Atomic<Int32>(0)
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Installs the handlers (idempotent).
    public static func install() {
        sources.withLock { installed in
            guard installed.isEmpty else { return }
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    if flag.exchange(number, ordering: .sequentiallyConsistent) != 0 {
                        // Second signal: default action.
                        signal(number, SIG_DFL)
                        raise(number)
                    }
                }
                source.resume()
                installed.append(source)
            }
        }
    }

    /// The signal received, if any.
    public static var signalReceived: Int32? {
        let value = flag.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Throws at a safe point once a signal has arrived.
    public static func check(at point: String) throws {
        guard let number = signalReceived else { return }
        throw PipelineError(
            .interrupted, "interrupted by \(number == SIGINT ? "SIGINT" : "SIGTERM") at \(point); nothing of the stage under way was kept",
            hint: "run again to resume at the first stage that is not up to date")
    }
}

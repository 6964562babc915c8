import Foundation
import Logging
import Synchronization

/// Calls `LoggingSystem.bootstrap` exactly once per process.
enum LogBootstrap {
    private static let done = Mutex(false)

    static func once(format json: Bool, level: Logger.Level) {
        done.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}

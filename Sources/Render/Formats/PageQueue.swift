import Foundation
import Publication

/// A bounded first-in, first-out hand-off from the thread reading the database to one format's thread:
/// `put` waits while `capacity` messages are queued, so each format holds at most that many pages
/// however long the tables are (docs/ARCHITECTURE.md, "Report memory").
///
/// Unchecked Sendable: the queue's only state is guarded by its condition lock.
package final class PageQueue<Message: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [Message] = []
    private let capacity: Int

    package init(capacity: Int) { self.capacity = max(1, capacity) }

    package func put(_ message: Message) {
        condition.lock()
        while messages.count >= capacity { condition.wait() }
        messages.append(message)
        condition.broadcast()
        condition.unlock()
    }

    package func take() -> Message {
        condition.lock()
        while messages.isEmpty { condition.wait() }
        let message = messages.removeFirst()
        condition.broadcast()
        condition.unlock()
        return message
    }
}

public import Foundation
import GRDB
public import PipelineCore

/// Records each `run` invocation in `pipeline_run`.
public struct RunLedger {
    public let store: CheckpointStore

    public init(store: CheckpointStore) { self.store = store }

    /// A new run id: UTC time plus a random suffix, sortable and unique.
    public static func newRunID(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(formatter.string(from: now))-\(String(repeating: "0", count: 8 - suffix.count))\(suffix)"
    }

    /// Marks runs still `running` as failed. Call only while holding the run lock: then no other run is
    /// alive, so those ended without finishing (killed or crashed). Returns how many there were.
    @discardableResult
    public func markAbandoned() throws -> Int {
        try store.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE pipeline_run SET status = ?, finished_at = coalesce(finished_at, ?),
                           message = 'ended without finishing (process killed or crashed)'
                    WHERE status = ?
                    """, arguments: [RunStatus.failed.rawValue, Timestamp.iso8601(Date()), RunStatus.running.rawValue])
            return db.changesCount
        }
    }

    public func begin(runID: String, command: String, configHash: String) throws {
        try store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO pipeline_run (run_id, started_at, status, command, config_sha256, program_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, Timestamp.iso8601(Date()), RunStatus.running.rawValue, command, configHash, ProgramVersion.build])
        }
    }

    public func finish(runID: String, exitStatus: ExitStatus, message: String?) throws {
        try store.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE pipeline_run SET finished_at = ?, status = ?, exit_code = ?, message = ? WHERE run_id = ?
                    """,
                arguments: [
                    Timestamp.iso8601(Date()), RunStatus(exit: exitStatus).rawValue,
                    Int(exitStatus.rawValue), message.map { String($0.prefix(2000)) }, runID,
                ])
        }
    }
}

public import Foundation
public import PipelineCore

/// The machine-readable record of one `run`, written beside the database as `run-summary.json` at the
/// end of every run (success or failure), for monitoring; `heartbeat.json` is rewritten as stages start
/// and finish, so a watchdog can tell a hung run from a dead one.
public struct RunSummary: Encodable, Sendable {
    public struct Stage: Encodable, Sendable {
        /// What happened to a stage in this run.
        public enum Status: String, Encodable, Sendable, CaseIterable {
            case ran, skipped, failed
        }

        public var stage: StageName
        public var status: Status
        public var durationSeconds: Double
        public var rowsWritten: Int

        public init(stage: StageName, status: Status, durationSeconds: Double, rowsWritten: Int) {
            self.stage = stage
            self.status = status
            self.durationSeconds = durationSeconds
            self.rowsWritten = rowsWritten
        }
    }

    /// One change since the previous run (see table `change_log`): what changed, never a value — the
    /// summary lives outside the database, and values there are not disclosure-controlled.
    public struct Change: Encodable, Sendable {
        public var kind: ChangeKind
        public var subject: String

        public init(kind: ChangeKind, subject: String) {
            self.kind = kind
            self.subject = subject
        }
    }

    /// What changed since the last run: counts by kind, and the first changes of each kind.
    public struct Changes: Encodable, Sendable {
        public var valuesMoved = 0
        public var valuesAppeared = 0
        public var valuesDisappeared = 0
        public var comparisonsChanged = 0
        public var dataQualityChanged = 0
        public var examples: [Change] = []

        public init() {}
    }

    public var runID: String
    public var programVersion = ProgramVersion.build
    public var startedAt: String
    public var finishedAt: String?
    public var status: RunStatus
    public var exitCode: Int32?
    public var message: String?
    public var stages: [Stage] = []
    public var changes = Changes()

    public init(runID: String, startedAt: Date) {
        self.runID = runID
        self.startedAt = Timestamp.iso8601(startedAt)
        status = .running
    }

    /// Writes `run-summary.json` into `folder` atomically.
    public func write(toFolder folder: String, access: FileAccess = .ownerOnly) throws {
        let path = (folder as NSString).appendingPathComponent("run-summary.json")
        try Self.writeJSON(self, to: path)
        try access.restrict(path)
    }

    /// Rewrites `heartbeat.json` in `folder`: run id, pid, current stage, time.
    public static func heartbeat(folder: String, runID: String, stage: String, access: FileAccess = .ownerOnly) {
        struct Beat: Encodable { var runID: String; var pid: Int32; var stage: String; var updatedAt: String }
        let path = (folder as NSString).appendingPathComponent("heartbeat.json")
        try? writeJSON(Beat(runID: runID, pid: getpid(), stage: stage, updatedAt: Timestamp.iso8601(Date())), to: path)
        try? access.restrict(path)
    }

    static func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

import PipelineCore

/// What a stage reports back to the runner.
public struct StageOutcome: Sendable {
    /// Output rows written, by table.
    public var rowsByTable: [String: Int]
    /// Short facts for `status` and the run summary (no cell values).
    public var notes: [String]
    /// The content parts of the fingerprint as the run found them (ingest hashes files while it reads
    /// them); `nil` when they are those the stage planned.
    public var content: [StageFingerprint.Part]?

    public init(rowsByTable: [String: Int], notes: [String] = [], content: [StageFingerprint.Part]? = nil) {
        self.rowsByTable = rowsByTable
        self.notes = notes
        self.content = content
    }

    public var rowsWritten: Int { rowsByTable.values.reduce(0, +) }
}

/// What a stage reports back to the runner.
public struct StageOutcome: Sendable {
    /// Hash of everything the output depends on: input content, config section, program version.
    public var fingerprint: String
    /// Output rows written, by table.
    public var rowsByTable: [String: Int]
    /// Short facts for `status` and the run summary (no cell values).
    public var notes: [String]

    public init(fingerprint: String, rowsByTable: [String: Int], notes: [String] = []) {
        self.fingerprint = fingerprint
        self.rowsByTable = rowsByTable
        self.notes = notes
    }

    public var rowsWritten: Int { rowsByTable.values.reduce(0, +) }
}

public import PipelineCore

/// One quarantined row: where, which column, and why. Never the value.
public struct QuarantineEntry: Sendable {
    public var line: Int
    public var column: Int
    public var columnName: String?
    public var reason: QuarantineReason
}

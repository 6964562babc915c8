import Foundation
public import GRDB
public import PipelineCore

/// Records what a stage changed compared with the checkpoint it replaces, inside the stage's transaction.
///
/// Subjects name the row (`EIA03|2025-03|icb|QWE|imd_quintile|1`), never a count: published values
/// are rates and proportions, and data-quality states are labels.
public final class ChangeLog {
    private let insert: BulkInserter
    private let runID: String
    private let stage: String
    public private(set) var count = 0

    public init(_ db: Database, runID: String, stage: StageName) throws {
        insert = try BulkInserter(db, table: "change_log", columns: ["run_id", "stage", "kind", "subject", "before", "after"])
        self.runID = runID
        self.stage = stage.rawValue
    }

    public func record(_ kind: ChangeKind, subject: String, before: String? = nil, after: String? = nil) throws {
        try insert.insert(
            .text(runID), .text(stage), .text(kind.rawValue), .text(subject),
            before.map { .text($0) } ?? .null, after.map { .text($0) } ?? .null)
        count += 1
    }

    /// The subject of a change to one indicator row: `indicator|period|level|code|breakdown|index`.
    public static func subject(
        _ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String,
        _ breakdown: BreakdownType, _ index: Int
    ) -> String {
        "\(indicator)|\(period)|\(level.rawValue)|\(code)|\(breakdown.rawValue)|\(index)"
    }

    /// Text for a published value, to 6 significant figures (differences below that are noise).
    public static func text(_ value: Double?) -> String? {
        value.map { String(format: "%.6g", $0) }
    }
}

@available(*, unavailable)
extension ChangeLog: Sendable {}

/// The columns of `change_log` (Core's; docs/TABLES.md).
enum ChangeLogColumns: String, CheckpointColumns {
    case runID = "run_id"
    case stage, kind, subject, before, after
}

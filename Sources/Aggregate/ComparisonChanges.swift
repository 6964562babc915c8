import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// The "what changed" digest of the aggregate stage: ICSs whose two-level comparison with England moved.
enum ComparisonChanges {
    /// The comparison of every ICS row now in `england_comparison`, by change-log subject, in key order.
    static func current(_ db: Database) throws -> [(subject: String, comparison: TwoLevelComparison)] {
        var bands: [(subject: String, comparison: TwoLevelComparison)] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT indicator_id, period, icb_code, breakdown_type, breakdown_index, comparison FROM england_comparison ORDER BY 1, 2, 3, 4, 5
                """)
        {
            bands.append(
                (
                    ChangeLog.subject(
                        row["indicator_id"], row["period"], .icb, row["icb_code"], try row.decode("breakdown_type"),
                        row["breakdown_index"]), try row.decode("comparison")
                ))
        }
        return bands
    }

    /// Logs each comparison that differs from `previous`, in subject order.
    static func record(since previous: [(subject: String, comparison: TwoLevelComparison)], in db: Database, into log: ChangeLog) throws {
        let before = Dictionary(previous.map { ($0.subject, $0.comparison) }, uniquingKeysWith: { $1 })
        for (subject, after) in try current(db) {
            if let earlier = before[subject], earlier != after {
                try log.record(.comparisonChanged, subject: subject, before: earlier.rawValue, after: after.rawValue)
            }
        }
    }
}

import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// The "what changed" digest of the aggregate stage: ICSs whose two-level comparison with England moved.
enum ComparisonChanges {
    /// The comparison of every ICS row now in `england_comparison`, by change-log subject, in key order.
    static func current(_ db: Database) throws -> [(subject: String, comparison: TwoLevelComparison)] {
        try EnglandComparison.fetchAll(db, orderedBy: [.indicator, .period, .icbCode, .breakdown, .breakdownIndex]).map {
            (ChangeLog.subject($0.indicator, $0.period, .icb, $0.icbCode, $0.breakdown, $0.breakdownIndex), $0.comparison)
        }
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

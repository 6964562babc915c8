import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// Activity of providers the attribution weights do not name belongs to England though to no ICS (docs/DATA.md,
/// "Counts by provider"): England's crude rate counts it, so England is computed from all activity,
/// attributed or not. A rate by age (a DSR) or by sex cannot take it — the unattributed events are known
/// by period only — so those stay the attributed total, as the publication says.
struct UnattributedActivity {
    /// Unattributed events by dataset, then period.
    private let events: [String: [String: Int64]]

    init(_ db: Database) throws {
        var events: [String: [String: Int64]] = [:]
        for row in try AttributionCoverage.fetchAll(db) where row.unattributedEvents > 0 {
            events[row.dataset, default: [:]][row.period] = row.unattributedEvents
        }
        self.events = events
    }

    /// England's value for everyone with the period's unattributed events counted in, for a crude rate;
    /// the result unchanged otherwise (or where the value is withheld).
    func england(_ result: MethodResult, dataset: String, period: String, statistic: Statistic, multiplier: Double) -> MethodResult {
        guard statistic == .crudeRate, result.withheld == nil, result.denominator > 0, let extra = events[dataset]?[period] else { return result }
        let events = result.numerator + Double(extra)
        guard let estimate = CrudeRate.estimate(events: events, population: result.denominator, multiplier: multiplier) else { return result }
        return MethodResult(numerator: events, denominator: result.denominator, estimate: estimate)
    }
}

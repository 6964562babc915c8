import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// Which periods of each indicator aggregate computes again (docs/ARCHITECTURE.md, "Downstream by period").
/// A period's rows in every per-period table are a function of its own values and its place in the series;
/// its trend rows also of the baseline's and of the four periods before it (Fingertips' recent trend reads
/// the five most recent points); the headline facts of the latest period and the baseline. So a period is
/// computed again when its digest changed, a trend when its baseline or one of its five points did, and the
/// headlines every run; every period, when the basis did.
struct AggregatePlan {
    struct Indicator {
        /// Every period of the indicator's values, ascending.
        var periods: [String]
        var baseline: String?
        /// The periods whose rows in the per-period tables are written again.
        var written: Set<String>
        /// The periods whose trend rows are written again.
        var trended: Set<String>
        /// The periods whose values must be read: those written, each trend's five points, the baseline, the latest.
        var loaded: Set<String>
        /// The periods whose SII is fitted: those written, trended, the baseline and the latest.
        var fitted: Set<String>
    }

    private(set) var indicators: [String: Indicator] = [:]
    /// The rows of `aggregate_input` this run leaves.
    private(set) var inputs: [AggregateInput] = []
    /// Indicators whose every period is computed (their basis changed, or none was kept).
    private(set) var whole: Set<String> = []

    init(_ db: Database, definitions: [IndicatorDefinition], settings: AggregateSettings) throws {
        var transformDigests: [[String]: String] = [:]
        var transformBases: Set<String> = []
        for row in try TransformInput.fetchAll(db) {
            transformDigests[[row.dataset, row.period]] = row.digest
            transformBases.insert(row.basis)
        }
        let kept = Dictionary(try AggregateInput.fetchAll(db).map { ([$0.indicator, $0.period], $0) }, uniquingKeysWith: { first, _ in first })
        let shared: [(String, String)] = [
            ("program", ProgramVersion.build), ("settings", StageFingerprint.canonicalJSON(settings)),
            ("transform", transformBases.sorted().joined(separator: "\n")),
        ]
        for definition in definitions {
            let id = definition.indicator
            let series = try IndicatorValue.select(IndicatorValue.Columns.period, as: String.self).filter(IndicatorValue.Columns.indicator == id)
                .distinct().order(IndicatorValue.Columns.period).fetchAll(db)
            let keptBaseline = try TrendAgainstBaseline.select(TrendAgainstBaseline.Columns.baselinePeriod, as: String.self)
                .filter(TrendAgainstBaseline.Columns.indicator == id).fetchOne(db)
            // Every field of the definition as stored (its reflection lists them all, in declaration order).
            let basis = Fingerprint.combine(shared + [("definition", String(reflecting: definition))])
            // A period's digest: its source's digest in that period, and its place in the series (the SII's
            // simulation is seeded by it).
            let digests = series.enumerated().map { index, period in
                transformDigests[[definition.source, period]].map { Fingerprint.combine([("values", $0), ("index", String(index))]) }
            }
            let baseline = settings.baselinePeriod.flatMap { series.contains($0) ? $0 : nil } ?? series.first
            var changed: Set<Int> = []
            for (index, period) in series.enumerated() {
                let before = kept[[id, period]]
                if digests[index] == nil || before?.basis != basis || before?.digest != digests[index] { changed.insert(index) }
            }
            let everything = changed.count == series.count
            if everything { whole.insert(id) }
            let baselineIndex = baseline.flatMap { series.firstIndex(of: $0) }
            let trendsAll = everything || baselineIndex.map { changed.contains($0) } ?? true || keptBaseline != baseline
            var trended: Set<String> = []
            var loaded: Set<String> = Set(changed.map { series[$0] })
            for (index, period) in series.enumerated() where period != baseline {
                let window = max(0, index - RecentTrend.points + 1)...index
                guard trendsAll || window.contains(where: changed.contains) else { continue }
                trended.insert(period)
                loaded.formUnion(window.map { series[$0] })
            }
            let anchors = [baseline, series.last].compactMap { $0 }
            loaded.formUnion(anchors)
            let written = Set(changed.map { series[$0] })
            indicators[id] = Indicator(
                periods: series, baseline: baseline, written: written, trended: trended, loaded: loaded,
                fitted: written.union(trended).union(anchors))
            for (index, period) in series.enumerated() {
                // A period without transform's digest is computed every run: nothing says it is unchanged.
                inputs.append(AggregateInput(indicator: id, period: period, digest: digests[index] ?? "unknown", basis: basis))
            }
        }
    }

    /// Deletes the rows this run replaces: of periods computed again or gone, trends recomputed, and every
    /// headline; an indicator no longer in the catalogue loses all of its rows.
    func deleteReplaced(_ db: Database) throws {
        try HeadlineFact.deleteAll(db)
        try AggregateInput.deleteAll(db)
        let written = { (plan: Indicator, period: String) in plan.written.contains(period) }
        try delete(InequalityIndex.self, in: db, replaced: written)
        try delete(QuintileGap.self, in: db, replaced: written)
        try delete(ReferenceGroupGap.self, in: db, replaced: written)
        try delete(EnglandComparison.self, in: db, replaced: written)
        try delete(PlaceComparison.self, in: db, replaced: written)
        // The baseline has no trend rows of its own: a period that has just become the baseline loses its.
        try delete(TrendAgainstBaseline.self, in: db) { plan, period in plan.trended.contains(period) || period == plan.baseline }
    }

    /// Deletes a table's rows of indicators gone, of periods gone, and of the periods `replaced` says.
    private func delete<Table: CheckpointRecord>(_ table: Table.Type, in db: Database, replaced: (Indicator, String) -> Bool) throws {
        let indicator = Column("indicator_id"), period = Column("period")
        try table.filter(!indicators.keys.contains(indicator)).deleteAll(db)
        for (id, plan) in indicators {
            let present = Set(plan.periods)
            let stored = try table.select(period, as: String.self).filter(indicator == id).distinct().fetchAll(db)
            let gone = stored.filter { !present.contains($0) || replaced(plan, $0) }
            if !gone.isEmpty { try table.filter(indicator == id && gone.contains(period)).deleteAll(db) }
        }
    }
}

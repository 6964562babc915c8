public import GRDB
import Logging
public import PipelineCore

/// Stage 3: from the transform checkpoint only, the national view of access inequality —
/// SII/RII, quintile gaps, comparisons with England (two-level and funnel), trends against the
/// baseline, and headline facts.
public struct AggregateStage: PipelineStage {
    public let name = StageName.aggregate

    public init() {}

    static let tables = ["inequality_index", "quintile_gap", "england_comparison", "trend", "headline_fact"]

    public func plannedFingerprint(_ context: StageContext, in db: Database) throws -> String {
        StageFingerprints.downstream(section: "aggregate", sectionText: context.config.aggregate.canonicalText,
                                     upstream: context.upstream?.fingerprint ?? "")
    }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let settings = context.config.aggregate
        var previousBands: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT indicator_id, period, icb_code, breakdown_type, breakdown_index, comparison FROM england_comparison") {
            previousBands["\(row[0] as String)|\(row[1] as String)|icb|\(row[2] as String)|\(row[3] as String)|\(row[4] as Int)"] = row[5]
        }
        for table in Self.tables { try db.execute(sql: "DELETE FROM \(table)") }
        let values = try IndicatorValues(db)
        let writer = try AggregateWriter(db)
        let inequality = InequalityCalculator(settings: settings)
        let gaps = GapCalculator()
        let comparator = EnglandComparator()
        let trends = TrendCalculator()
        let headlines = HeadlineBuilder(values: values, topN: settings.headlineTopN)
        let england = (level: "england", code: "E92000001")
        var notes: [String] = []

        for definition in values.definitions {
            let periods = values.periods[definition.id] ?? []
            let baseline = settings.baselinePeriod.flatMap { periods.contains($0) ? $0 : nil } ?? periods.first
            if let wanted = settings.baselinePeriod, !periods.contains(wanted) {
                context.logger.warning("baseline period not in data; using the earliest", metadata: [
                    "indicator": "\(definition.id)", "baseline": "\(wanted)"])
            }
            var siiByKey: [String: InequalityCalculator.Result] = [:]
            var unstable = 0
            for (periodIndex, period) in periods.enumerated() {
                // SII/RII for every geography and both quantile types; England first, for comparisons.
                for type in ["imd_quintile", "imd_decile"] {
                    let national = values.quantiles(definition.id, period, england.level, england.code, type: type)
                    var englandResult: InequalityCalculator.Result?
                    for geography in values.geographies {
                        let rows = values.quantiles(definition.id, period, geography.level, geography.code, type: type)
                        let seed = settings.siiSeed &+ UInt64(periodIndex) &* 1_000_003 &+ UInt64(geography.code.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF_FFFF)
                        let result = inequality.compute(definition, rows: rows, national: national, seed: seed)
                        if geography.level == "england" { englandResult = result }
                        if result.unstableReason != nil { unstable += 1 }
                        siiByKey["\(period)|\(geography.level)|\(geography.code)|\(type)"] = result
                        try writer.inequality(definition.id, period, geography.level, geography.code, type, result,
                                              positions: settings.siiPositions.rawValue, scale: definition.isProportion ? "logit" : "log",
                                              versusEngland: geography.level == "england" ? nil : Self.versus(result, englandResult))
                    }
                }
                // Gaps, comparisons, trends.
                let englandAll = values.value(definition.id, period, england.level, england.code)
                for geography in values.geographies {
                    let quintiles = values.quantiles(definition.id, period, geography.level, geography.code, type: "imd_quintile")
                    let gap = gaps.compute(definition, quintiles: quintiles)
                    try writer.gap(definition.id, period, geography.level, geography.code, gap)

                    var slices: [(String, Int)] = [("all", 0)]
                    slices += (1...5).map { ("imd_quintile", $0) }
                    for (type, index) in slices {
                        let row = values.value(definition.id, period, geography.level, geography.code, type, index)
                        if geography.level == "icb", let row,
                           let benchmark = type == "all" ? englandAll : values.value(definition.id, period, england.level, england.code, type, index) {
                            try writer.comparison(definition.id, period, geography.code, type, index, row: row, england: benchmark,
                                                  result: comparator.compare(row, england: benchmark, definition: definition))
                        }
                        guard let baseline, period != baseline else { continue }
                        let base = values.value(definition.id, baseline, geography.level, geography.code, type, index)
                        let change = trends.change(latest: row, baseline: base, polarity: definition.polarity)
                        var siiChange: (change: Double, lower: Double, upper: Double)?
                        var siiPair: (Double?, Double?) = (nil, nil)
                        if type == "all" {
                            let now = siiByKey["\(period)|\(geography.level)|\(geography.code)|imd_quintile"]
                            let then = siiByKey["\(baseline)|\(geography.level)|\(geography.code)|imd_quintile"]
                            siiPair = (then?.sii, now?.sii)
                            if let n = now, let t = then, let v1 = n.sii, let l1 = n.siiLower, let u1 = n.siiUpper,
                               let v0 = t.sii, let l0 = t.siiLower, let u0 = t.siiUpper {
                                siiChange = ChangeInterval.difference(latest: (v1, l1, u1), baseline: (v0, l0, u0))
                            }
                        }
                        let series = periods.prefix(periodIndex + 1).enumerated().map { offset, label in
                            let point = values.value(definition.id, label, geography.level, geography.code, type, index)
                            return (time: Double(offset), value: point?.value, lower: point?.lower95, upper: point?.upper95)
                        }
                        try writer.trend(definition.id, period, baseline, geography.level, geography.code, type, index,
                                         baselineValue: base?.value, value: row?.value, change: change, siiPair: siiPair,
                                         siiChange: siiChange, recent: RecentTrend.marker(series).rawValue)
                    }
                }
                if period == periods.last {
                    let gap = gaps.compute(definition, quintiles: values.quantiles(definition.id, period, england.level, england.code, type: "imd_quintile"))
                    let englandSII = siiByKey["\(period)|england|\(england.code)|imd_decile"]
                    for fact in headlines.facts(definition, period: period, baseline: baseline, gap: gap, englandSII: englandSII) {
                        try writer.headline(fact)
                    }
                }
            }
            notes.append("\(definition.id): \(periods.count) periods, baseline \(baseline ?? "none"), \(unstable) SII flagged unstable")
        }
        let changes = try ChangeLog(db, runID: context.runID, stage: .aggregate)
        for row in try Row.fetchAll(db, sql: "SELECT indicator_id, period, icb_code, breakdown_type, breakdown_index, comparison FROM england_comparison ORDER BY 1, 2, 3, 4, 5") {
            let subject = "\(row[0] as String)|\(row[1] as String)|icb|\(row[2] as String)|\(row[3] as String)|\(row[4] as Int)"
            let now: String = row[5]
            if let before = previousBands[subject], before != now {
                try changes.record("comparison_changed", subject: subject, before: before, after: now)
            }
        }
        try FaultInjection.check("aggregate:after-tables")
        let fingerprint = try plannedFingerprint(context, in: db)
        return StageOutcome(fingerprint: fingerprint, rowsByTable: writer.counts.merging(["change_log": changes.count]) { $1 }, notes: notes)
    }

    /// ICS SII against England's: does the ICS interval exclude England's SII?
    static func versus(_ result: InequalityCalculator.Result, _ england: InequalityCalculator.Result?) -> String? {
        guard let lower = result.siiLower, let upper = result.siiUpper, let benchmark = england?.sii else { return nil }
        return lower > benchmark ? "higher" : upper < benchmark ? "lower" : "similar"
    }
}

import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// `soc_trend_vs_baseline`: change since the baseline period, from published values.
struct TrendTableBuilder {
    let inputs: ReportInputs

    func write(_ writer: PublishedTableWriter) throws {
        for row in inputs.trends {
            let id: String = row["indicator_id"], period: String = row["period"], baseline: String = row["baseline_period"]
            let level: GeographyLevel = try row.decode("geography_level"), code: String = row["geography_code"]
            let type: BreakdownType = try row.decode("breakdown_type"), index: Int = row["breakdown_index"]
            let direction: TrendDirection = try row.decode("direction")
            let latest = inputs.value(id, period, level, code, type, index)
            let base = inputs.value(id, baseline, level, code, type, index)
            let latestCell = latest?.value ?? .empty, baseCell = base?.value ?? .empty
            let change = CellRules.derived(from: [latestCell, baseCell]) { latestCell.number.flatMap { a in baseCell.number.map { a - $0 } } }
            let relative = CellRules.derived(from: [latestCell, baseCell]) {
                latestCell.number.flatMap { a in baseCell.number.flatMap { $0 != 0 ? (a - $0) / $0 : nil } }
            }
            try writer.insert(
                PublishedCatalog.trendVsBaseline, indicator: id, period: period,
                [
                    "geography_level": PublishedCell(level.rawValue), "geography_code": PublishedCell(code),
                    "geography_name": PublishedCell(latest?.name ?? base?.name ?? code),
                    "breakdown_type": PublishedCell(type.rawValue),
                    "breakdown_value": PublishedCell(ControlledValue.breakdownLabel(type: type, index: index, stored: "all")),
                    "baseline_period": PublishedCell(baseline),
                    "baseline_value": baseCell, "latest_value": latestCell,
                    "abs_change": change, "rel_change": relative,
                    "change_lcl": CellRules.alongside(change, row["change_lcl95"] as Double?),
                    "change_ucl": CellRules.alongside(change, row["change_ucl95"] as Double?),
                    "direction": PublishedCell(change.action?.hidesValue == true ? TrendDirection.notCompared.rawValue : direction.rawValue),
                    "sii_baseline": PublishedCell(row["sii_baseline"] as Double?), "sii_latest": PublishedCell(row["sii_latest"] as Double?),
                    "sii_change": PublishedCell(row["sii_change"] as Double?),
                    "sii_change_lcl": PublishedCell(row["sii_change_lcl95"] as Double?),
                    "sii_change_ucl": PublishedCell(row["sii_change_ucl95"] as Double?),
                    "gap_direction": PublishedCell((try row.decodeIfPresent("gap_direction") as GapDirection?)?.rawValue),
                    "fingertips_trend_marker": PublishedCell((try row.decode("recent_trend") as RecentTrend.Marker).rawValue),
                ])
        }
    }
}

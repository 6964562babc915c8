import Checkpoints
import Disclosure
import GRDB
import PipelineCore
import Publication
import Render
import Statistics

/// `soc_trend_vs_baseline`: change since the baseline period, from published values.
struct TrendTableBuilder {
    let inputs: ReportInputs

    func write(_ writer: PublishedTableWriter) throws {
        for row in inputs.trends {
            let id = row.indicator, period = row.period, baseline = row.baselinePeriod
            let level = row.level, code = row.code, type = row.breakdown, index = row.breakdownIndex
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
                    "change_lcl": CellRules.alongside(change, row.changeLower),
                    "change_ucl": CellRules.alongside(change, row.changeUpper),
                    "direction": PublishedCell(change.action?.hidesValue == true ? TrendDirection.notCompared.rawValue : row.direction.rawValue),
                    "sii_baseline": PublishedCell(row.siiBaseline), "sii_latest": PublishedCell(row.siiLatest),
                    "sii_change": PublishedCell(row.siiChange), "sii_change_lcl": PublishedCell(row.siiChangeLower),
                    "sii_change_ucl": PublishedCell(row.siiChangeUpper), "gap_direction": PublishedCell(row.gapDirection?.rawValue),
                    "fingertips_trend_marker": PublishedCell(row.recentTrend.rawValue),
                ])
        }
    }
}

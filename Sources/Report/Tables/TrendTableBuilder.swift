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
                    .geographyLevel: PublishedCell(level.rawValue), .geographyCode: PublishedCell(code),
                    .geographyName: PublishedCell(latest?.name ?? base?.name ?? code),
                    .breakdownType: PublishedCell(type.rawValue),
                    .breakdownValue: PublishedCell(type.label(index)),
                    .baselinePeriod: PublishedCell(baseline),
                    .baselineValue: baseCell, .latestValue: latestCell,
                    .absChange: change, .relChange: relative,
                    .changeLcl: CellRules.alongside(change, row.changeLower),
                    .changeUcl: CellRules.alongside(change, row.changeUpper),
                    .direction: PublishedCell(change.action?.hidesValue == true ? TrendDirection.notCompared.rawValue : row.direction.rawValue),
                    .siiBaseline: PublishedCell(row.siiBaseline), .siiLatest: PublishedCell(row.siiLatest),
                    .siiChange: PublishedCell(row.siiChange), .siiChangeLcl: PublishedCell(row.siiChangeLower),
                    .siiChangeUcl: PublishedCell(row.siiChangeUpper), .gapDirection: PublishedCell(row.gapDirection?.rawValue),
                    .fingertipsTrendMarker: PublishedCell(row.recentTrend.rawValue),
                ])
        }
    }
}

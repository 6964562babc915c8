import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Statistics

/// `soc_trend_vs_baseline`: change since the baseline period, from published values (docs/DISCLOSURE.md,
/// "Figures derived from counts"). An ICS's or place's change and its limits come from the values and
/// limits it publishes, its SII and change from the SIIs the league publishes. A region's figures are not
/// published as counts, and their limits give their counts away: a region's figure of a period is
/// published only where no count of the indicator is hidden anywhere in that period, so its sums can
/// narrow nothing hidden. The recent-trend marker is published only where every value of its series is.
struct TrendTableBuilder {
    let inputs: ReportInputs
    let inequality: ControlledInequality

    func write(_ writer: PublishedTableWriter) throws {
        let hiding = inputs.periodsWithHiddenCounts(), hidingEngland = inputs.periodsWithHiddenCounts(england: true)
        for row in inputs.trends {
            let id = row.indicator, period = row.period, baseline = row.baselinePeriod
            let level = row.level, code = row.code, type = row.breakdown, index = row.breakdownIndex
            let latest = inputs.value(id, period, level, code, type, index)
            let base = inputs.value(id, baseline, level, code, type, index)
            /// A region's figure of a period is hidden where any count of the indicator is, that period;
            /// England's where one of its own counts is.
            func regionInputs(_ moment: String) -> [PublishedCell] {
                let key = ReportInputs.Key(indicator: id, period: moment, code: "")
                guard level == .region && hiding.contains(key) || level == .england && hidingEngland.contains(key) else { return [] }
                return [.hidden(.secondarySuppressed, reason: "reveals_suppressed_count")]
            }
            /// A value as its own controls publish it, unless it is a region's of a period that hides it.
            func shown(_ value: ControlledValue?, _ moment: String) -> PublishedCell {
                guard let cell = value?.value else { return .empty }
                return cell.action?.hidesValue == true ? cell : regionInputs(moment).first ?? cell
            }
            let shownLatest = shown(latest, period), shownBase = shown(base, baseline)
            let change = CellRules.derived(from: [shownLatest, shownBase]) { shownLatest.number.flatMap { a in shownBase.number.map { a - $0 } } }
            let relative = CellRules.derived(from: [shownLatest, shownBase]) {
                shownLatest.number.flatMap { a in shownBase.number.flatMap { $0 != 0 ? (a - $0) / $0 : nil } }
            }
            // Below England, the change's limits and direction from the published values and limits.
            let belowEngland = level == .icb || level == .place
            let published = belowEngland ? inputs.publishedChange(row) : nil
            let direction: TrendDirection
            if change.action?.hidesValue == true {
                direction = .notCompared
            } else if !belowEngland {
                direction = row.direction
            } else if let published {
                direction = published.direction
            } else {
                direction = .notCompared  // a value's limits are not published
            }
            let series = (inputs.periods[id] ?? []).filter { $0 <= period }.compactMap { inputs.value(id, $0, level, code, type, index)?.value }
            let marker = CellRules.derived(from: series + regionInputs(period) + regionInputs(baseline)) { nil }
            var cells: [TrendVsBaselineColumn: PublishedCell] = [
                .geographyLevel: PublishedCell(level.rawValue), .geographyCode: PublishedCell(code),
                .geographyName: PublishedCell(latest?.name ?? base?.name ?? code),
                .breakdownType: PublishedCell(type.rawValue),
                .breakdownValue: PublishedCell(type.label(index)),
                .baselinePeriod: PublishedCell(baseline),
                .baselineValue: shownBase, .latestValue: shownLatest,
                .absChange: change, .relChange: relative,
                .changeLcl: CellRules.alongside(change, belowEngland ? published?.interval.lower : row.changeLower),
                .changeUcl: CellRules.alongside(change, belowEngland ? published?.interval.upper : row.changeUpper),
                .direction: PublishedCell(direction.rawValue),
                // Below five periods the marker says so whatever the values; otherwise it is their function.
                .fingertipsTrendMarker: marker.action == nil || row.recentTrend == .cannotBeCalculated
                    ? PublishedCell(row.recentTrend.rawValue) : marker,
            ]
            for (column, cell) in siiCells(row, quintileInputs: regionInputs(period) + regionInputs(baseline)) {
                cells[column] = cell
            }
            try writer.insert(PublishedCatalog.trendVsBaseline, indicator: id, period: period, cells)
        }
    }

    /// The SII columns of an overall row: England's as the aggregate stage fitted them (England is not
    /// controlled); an ICS's from the SIIs the league publishes, its change by MOVER from their intervals; a
    /// region's only where every ICS quintile count it rests on is shown.
    private func siiCells(_ row: TrendAgainstBaseline, quintileInputs: [PublishedCell]) -> [TrendVsBaselineColumn: PublishedCell] {
        let columns: [TrendVsBaselineColumn] = [.siiBaseline, .siiLatest, .siiChange, .siiChangeLcl, .siiChangeUcl, .gapDirection]
        guard row.breakdown == .all else { return Dictionary(uniqueKeysWithValues: columns.map { ($0, PublishedCell.empty) }) }
        switch row.level {
        case .england, .region:
            let hidden = CellRules.derived(from: quintileInputs) { nil }
            guard hidden.action == nil else { return Dictionary(uniqueKeysWithValues: columns.map { ($0, hidden) }) }
            return [
                .siiBaseline: PublishedCell(row.siiBaseline), .siiLatest: PublishedCell(row.siiLatest), .siiChange: PublishedCell(row.siiChange),
                .siiChangeLcl: PublishedCell(row.siiChangeLower), .siiChangeUcl: PublishedCell(row.siiChangeUpper),
                .gapDirection: PublishedCell(row.gapDirection?.rawValue),
            ]
        case .icb, .place:
            let now = inequality.figures(row.indicator, row.period, row.code), then = inequality.figures(row.indicator, row.baselinePeriod, row.code)
            let latest = now?.cells[0] ?? .empty, earlier = then?.cells[0] ?? .empty
            let change = now?.fit?.siiWithLimits.flatMap { a in then?.fit?.siiWithLimits.map { ChangeInterval.difference(latest: a, baseline: $0) } }
            let changed = CellRules.derived(from: [latest, earlier]) { change?.change }
            return [
                .siiBaseline: earlier, .siiLatest: latest, .siiChange: changed, .siiChangeLcl: CellRules.alongside(changed, change?.lower),
                .siiChangeUcl: CellRules.alongside(changed, change?.upper),
                .gapDirection: CellRules.alongside(changed, change.map(GapDirection.init)?.rawValue),
            ]
        }
    }
}

import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// An indicator of values a source publishes without counts (`kind: value`; docs/DATA.md, "Values without
/// counts"): each ICS's value and limits as published, England's from the publisher's own England row, and
/// no counts. What would need counts is withheld with its reason, never made up: England's value when the
/// source gives none, every region's (values cannot be added up), an ICS the source leaves out.
struct PublishedValueIndicator {
    let indicator: IndicatorConfig
    let frame: GeographyFrame

    /// One `indicator_value` row per England, region and ICS for each period of the source (those in
    /// `periods` when given), handed to `emit` in the frame's order.
    func values(_ db: Database, periods: Set<String>?, emit: (IndicatorValue) throws -> Void) throws -> (periods: Int, withheld: Int) {
        var request = PublishedValue.filter(PublishedValue.Columns.dataset == indicator.source)
        if let periods { request = request.filter(periods.contains(PublishedValue.Columns.period)) }
        var byPeriod: [String: [String: PublishedValue]] = [:]
        for row in try request.fetchAll(db) { byPeriod[row.period, default: [:]][row.code] = row }
        var withheld = 0
        for period in byPeriod.keys.sorted(by: Self.periodOrder) {
            let published = byPeriod[period] ?? [:]
            for area in frame.areas {
                let row = area.level == .region ? nil : published[area.code]
                let value = self.value(period: period, area: area, published: row)
                if value.withheld != nil { withheld += 1 }
                try emit(value)
            }
        }
        return (byPeriod.count, withheld)
    }

    /// The row of one area: the published value and limits, the publisher's suppression, or nothing published.
    func value(period: String, area: GeographyFrame.Area, published: PublishedValue?) -> IndicatorValue {
        let reason: WithheldReason? =
            published == nil ? .notPublishedBySource : published?.suppressedAtSource == true ? .suppressedAtSource : nil
        let shown = reason == nil ? published : nil
        return IndicatorValue(
            indicator: indicator.id, period: period, level: area.level, code: area.code, name: area.name, breakdown: .all,
            breakdownValue: BreakdownType.all.rawValue, breakdownIndex: 0, numerator: nil, denominator: nil, value: shown?.value,
            lower95: shown?.lower95, upper95: shown?.upper95, lower998: shown?.lower998, upper998: shown?.upper998, statistic: indicator.method,
            method: .published, multiplier: indicator.multiplier, unit: indicator.unit, withheld: reason,
            suppressedAtSourceRecords: published?.suppressedAtSource == true ? 1 : 0, fromNationalRows: area.level == .england && published != nil)
    }

    /// Periods in time order (labels of one kind; an unreadable label after the others, by text).
    static func periodOrder(_ a: String, _ b: String) -> Bool {
        switch (Period(label: a), Period(label: b)) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }
}

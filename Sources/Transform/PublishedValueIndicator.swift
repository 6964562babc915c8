import Checkpoints
import GRDB
import PipelineCore
import Statistics

/// An indicator of values a source publishes without counts (`kind: value`; docs/DATA.md, "Values without
/// counts"): each ICS's value and limits as published, England's from the publisher's own England row, and
/// no counts. What would need counts is withheld with its reason, never made up: England's value when the
/// source gives none, every region's (values cannot be added up), an ICS the source leaves out.
///
/// A source by ICB × decile also gives each decile's value, weighted in the SII by the decile's resident
/// population from the population source (docs/METHODS.md §12); quintiles would need counts, so there are none.
struct PublishedValueIndicator {
    let indicator: IndicatorConfig
    let frame: GeographyFrame
    /// By decile: the resident population by mid-year (``PopulationYear/everyPeriod`` for one serving every
    /// period), each decile's weight; empty for a source by ICB.
    let populations: [Int: IndicatorCube]
    /// Whether the source gives values by national decile.
    let byDecile: Bool

    init(indicator: IndicatorConfig, frame: GeographyFrame, byDecile: Bool = false, populations: [Int: IndicatorCube] = [:]) {
        self.indicator = indicator
        self.frame = frame
        self.byDecile = byDecile
        self.populations = populations
    }

    /// What one run wrote: periods, values withheld, and each period's population year (by decile only).
    struct Written {
        var periods = 0
        var withheld = 0
        var populationYears: [String: (year: Int, own: Bool)] = [:]
    }

    /// One `indicator_value` row per England, region and ICS (and, by decile, per decile of each) for each
    /// period of the source (those in `periods` when given), handed to `emit` in the frame's order.
    func values(_ db: Database, periods: Set<String>?, emit: (IndicatorValue) throws -> Void) throws -> Written {
        var request = PublishedValue.filter(PublishedValue.Columns.dataset == indicator.source)
        if let periods { request = request.filter(periods.contains(PublishedValue.Columns.period)) }
        var byPeriod: [String: [Key: PublishedValue]] = [:]
        for row in try request.fetchAll(db) { byPeriod[row.period, default: [:]][Key(code: row.code, decile: row.decile)] = row }
        let slices = BreakdownSlice.slices(for: byDecile ? [.imdDecile] : [])
        let years = populations.keys.sorted()
        var written = Written(periods: byPeriod.count)
        for period in byPeriod.keys.sorted(by: Self.periodOrder) {
            let published = byPeriod[period] ?? [:]
            var population: IndicatorCube?
            if byDecile {
                let choice: (year: Int, own: Bool) =
                    Period(label: period).map { PopulationYear.choose(for: $0, among: years) } ?? (PopulationYear.everyPeriod, true)
                written.populationYears[period] = choice
                population = populations[choice.year]
            }
            for area in frame.areas {
                for slice in slices {
                    let decile = slice.type == .imdDecile ? slice.index : 0
                    let row = area.level == .region ? nil : published[Key(code: area.code, decile: decile)]
                    var value = self.value(period: period, area: area, published: row)
                    value.breakdown = slice.type
                    value.breakdownValue = slice.value
                    value.breakdownIndex = slice.index
                    if decile > 0, let population {
                        let people = IndicatorCube.byAge(population.numerator, units: area.units, deciles: decile...decile, sexes: [0, 1, 2]).reduce(0, +)
                        value.quantilePopulation = people > 0 ? people : nil
                    }
                    if value.withheld != nil { written.withheld += 1 }
                    try emit(value)
                }
            }
        }
        return written
    }

    /// A published value's place: the area's code and its decile (0 over all deciles).
    struct Key: Hashable {
        var code: String
        var decile: Int
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

import Checkpoints
import Disclosure
import Foundation
import PipelineCore
import Publication
import Render
import Statistics

/// `soc_headlines`, the one place headline statements are built: England's facts as the aggregate stage
/// selected them, worded here; and the highest and lowest ICSs and the ranges across ICSs and regions,
/// built from *published* values only, so no statement reveals or contradicts a cell that disclosure
/// control hid, rounded or recomputed.
struct HeadlineTableBuilder {
    let inputs: ReportInputs
    /// Each ICS's SII as the league publishes it.
    let inequality: ControlledInequality
    let topN: Int

    func write(_ writer: PublishedTableWriter) throws {
        // England's facts are figures of its true counts: none is stated for a period (or from a baseline)
        // in which one of England's counts had to be hidden (docs/DISCLOSURE.md).
        let hidingEngland = inputs.periodsWithHiddenCounts(england: true)
        for fact in inputs.headlines {
            guard let definition = inputs.definitions.first(where: { $0.id == fact.indicator }) else { continue }
            let moments = [fact.period] + (inputs.englandTrend(fact.indicator, fact.period).map { [$0.baselinePeriod] } ?? [])
            guard !moments.contains(where: { hidingEngland.contains(ReportInputs.Key(indicator: fact.indicator, period: $0, code: "")) }) else { continue }
            guard let text = nationalText(fact, definition) else { continue }
            try writer.insert(
                PublishedCatalog.headlines, indicator: fact.indicator, period: fact.period,
                [
                    .statementType: PublishedCell(fact.kind.rawValue), .rank: PublishedCell(fact.rank),
                    .value: PublishedCell(fact.value), .lcl95: PublishedCell(fact.lower), .ucl95: PublishedCell(fact.upper),
                    .text: PublishedCell(text), .sourceTable: PublishedCell(Self.publishedSource(fact)), .sourceKey: PublishedCell(fact.sourceKey),
                ])
        }
        let hidingBelowEngland = inputs.periodsWithHiddenCounts()
        for definition in inputs.definitions {
            guard let latest = inputs.periods[definition.id]?.last else { continue }
            let statesRegions = !hidingBelowEngland.contains(ReportInputs.Key(indicator: definition.id, period: latest, code: ""))
            try subNational(definition, latest, statesRegions: statesRegions, writer)
            if definition.deprivationSplit { try gapExtremes(definition, latest, writer) }
        }
    }

    /// The table a reader finds a fact's figure in: England's SII change is published in the change table, its
    /// ethnic groups against the White group in England's table by group.
    /// A part's share of its whole from the unrounded counts; nil where either has none (a value published
    /// without counts) or the whole is empty.
    static func share(_ part: Double?, of whole: Double?) -> Double? {
        guard let part, let whole, whole > 0 else { return nil }
        return part / whole
    }

    static func publishedSource(_ fact: HeadlineFact) -> String {
        switch fact.kind {
        case .siiChangeEngland: PublishedCatalog.trendVsBaseline.name
        case .ethnicGroupsVsReference, .ethnicGapWidest: PublishedCatalog.nationalByGroup.name
        case .ratioMostVsLeast, .relativeIndex, .changeSinceBaseline, .topHighest, .topLowest, .rangeIcs, .rangeRegions, .gapWidestIcs,
            .gapNarrowestIcs:
            fact.sourceTable
        }
    }

    /// The ICSs with the widest and the smallest gap by deprivation, among those whose SII is stable
    /// (an unstable SII is never headlined), as `soc_ics_league` publishes them.
    private func gapExtremes(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        var stable: [(code: String, name: String, sii: Double, lower: Double?, upper: Double?)] = []
        for icb in inputs.icbs {
            guard let fit = inequality.figures(definition.id, period, icb.ods)?.fit, fit.unstableReason == nil, let sii = fit.sii else { continue }
            stable.append((icb.ods, icb.name, sii, fit.siiLower, fit.siiUpper))
        }
        guard stable.count >= 2 else { return }
        stable.sort { $0.sii != $1.sii ? $0.sii > $1.sii : $0.code < $1.code }
        for (kind, item) in [(HeadlineKind.gapWidestIcs, stable[0]), (.gapNarrowestIcs, stable[stable.count - 1])] {
            try writer.insert(
                PublishedCatalog.headlines, indicator: definition.id, period: period,
                [
                    .statementType: PublishedCell(kind.rawValue), .rank: PublishedCell(1), .value: PublishedCell(item.sii),
                    .lcl95: PublishedCell(item.lower), .ucl95: PublishedCell(item.upper),
                    .text: PublishedCell(
                        HeadlineText.gapExtreme(
                            widest: kind == .gapWidestIcs, phrase: definition.inSentence, name: item.name, sii: item.sii, lower: item.lower,
                            upper: item.upper, unit: definition.unit, stableCount: stable.count, polarity: definition.polarity.rawValue,
                            period: period, units: definition.deprivationUnits)),
                    .sourceTable: PublishedCell(PublishedCatalog.icsLeague.name),
                    .sourceKey: PublishedCell("\(definition.id)|\(period)|icb|\(item.code)|imd_quintile"),
                ])
        }
    }

    /// The sentence of one of England's facts, from the fact and the rows it cites.
    private func nationalText(_ fact: HeadlineFact, _ definition: ReportDefinition) -> String? {
        let period = fact.period
        switch fact.kind {
        case .ratioMostVsLeast:
            let gap = inputs.gap(definition.id, period, .england, GeographyLevel.englandCode)
            guard let ratio = fact.value, let q1 = gap?.q1, let q5 = gap?.q5 else { return nil }
            return HeadlineText.ratio(
                title: definition.title, phrase: definition.inSentence, isProportion: definition.method.counts == .numeratorAndDenominator,
                ratio: ratio, q1: q1, q5: q5, unit: definition.unit, period: period, units: definition.deprivationUnits)
        case .relativeIndex:
            guard let rii = fact.value else { return nil }
            return HeadlineText.relativeIndex(
                phrase: definition.inSentence, rii: rii, lower: fact.lower, upper: fact.upper, period: period, hasPolarity: definition.polarity != .none,
                units: definition.deprivationUnits)
        case .changeSinceBaseline:
            guard let change = fact.value, let trend = inputs.englandTrend(definition.id, period), let v0 = trend.baselineValue, let v1 = trend.value
            else { return nil }
            return HeadlineText.change(
                phrase: definition.inSentence, from: v0, baseline: trend.baselinePeriod, to: v1, period: period,
                change: change, lower: fact.lower, upper: fact.upper, direction: trend.direction.rawValue, unit: definition.unit)
        case .siiChangeEngland:
            guard let change = fact.value, let lower = fact.lower, let upper = fact.upper, let trend = inputs.englandTrend(definition.id, period),
                let s0 = trend.siiBaseline, let s1 = trend.siiLatest
            else { return nil }
            return HeadlineText.siiChange(
                phrase: definition.inSentence, baseline: trend.baselinePeriod, period: period, from: s0, to: s1, change: change, lower: lower,
                upper: upper, unit: definition.unit)
        case .ethnicGroupsVsReference, .ethnicGapWidest:
            return ethnicText(fact, definition)
        case .topHighest, .topLowest, .rangeIcs, .rangeRegions, .gapWidestIcs, .gapNarrowestIcs:
            // Sub-national statements are built from published values below, never from unrounded ones.
            return nil
        }
    }

    /// England's broad ethnic groups against its White group, from the published values and the aggregate
    /// stage's tests of their 83.4% intervals (docs/METHODS.md, "Groups against a reference group").
    private func ethnicText(_ fact: HeadlineFact, _ definition: ReportDefinition) -> String? {
        let type = BreakdownType.ethnicGroup, period = fact.period
        guard let whiteIndex = type.referenceGroup, let white = inputs.england(definition.id, period, type, whiteIndex),
            let whiteValue = white.shown
        else { return nil }
        func value(_ index: Int) -> (name: String, value: Double)? {
            inputs.england(definition.id, period, type, index)?.shown.map { (type.label(index), $0) }
        }
        switch fact.kind {
        case .ethnicGroupsVsReference:
            var groups: [(name: String, value: Double, outcome: ComparisonOutcome)] = []
            for group in type.groups where type.isCompared(group.index) && group.index != whiteIndex {
                guard let shown = value(group.index),
                    let gap = inputs.referenceGap(definition.id, period, .england, GeographyLevel.englandCode, type, group.index)
                else { continue }
                groups.append((shown.name, shown.value, gap.comparison))
            }
            let notStated = type.groups.first { type.ethnicGroup($0.index) == .notStated }.flatMap { group in
                inputs.england(definition.id, period, type, group.index)
            }
            let share: Double? = notStated.flatMap { cell in
                inputs.england(definition.id, period).flatMap { england in
                    Self.share(cell.rawDenominator, of: england.rawDenominator)
                }
            }
            return HeadlineText.ethnicGroups(
                phrase: definition.inSentence, white: whiteValue, groups: groups, notStated: notStated?.shown.map { ($0, share) }, unit: definition.unit,
                hasPolarity: definition.polarity != .none, period: period)
        case .ethnicGapWidest:
            guard let index = fact.sourceKey.split(separator: "|").last.flatMap({ Int($0) }), let group = value(index), let gap = fact.value else { return nil }
            return HeadlineText.ethnicGapWidest(
                phrase: definition.inSentence, group: group.name, value: group.value, white: whiteValue, gap: gap, unit: definition.unit, period: period)
        case .ratioMostVsLeast, .relativeIndex, .changeSinceBaseline, .siiChangeEngland, .topHighest, .topLowest, .rangeIcs, .rangeRegions,
            .gapWidestIcs, .gapNarrowestIcs:
            return nil
        }
    }

    /// Highest and lowest ICSs and the ranges across ICSs and regions, from published values only.
    private func subNational(_ definition: ReportDefinition, _ period: String, statesRegions: Bool, _ writer: PublishedTableWriter) throws {
        var icbs: [(code: String, name: String, cell: ControlledValue, value: Double)] = []
        for icb in inputs.icbs {
            if let cell = inputs.value(definition.id, period, .icb, icb.ods), let value = cell.shown {
                icbs.append((icb.ods, icb.name, cell, value))
            }
        }
        icbs.sort { $0.value != $1.value ? $0.value > $1.value : $0.code < $1.code }
        /// Whether the system at `index` of the ranking has a 95% interval overlapping a neighbour's.
        func overlapsNeighbour(_ index: Int) -> Bool? {
            guard let lower = icbs[index].cell.lower95, let upper = icbs[index].cell.upper95 else { return nil }
            let neighbours = [index - 1, index + 1].filter(icbs.indices.contains).compactMap { other -> (Double, Double)? in
                guard let l = icbs[other].cell.lower95, let u = icbs[other].cell.upper95 else { return nil }
                return (l, u)
            }
            guard !neighbours.isEmpty else { return nil }
            return neighbours.contains { $0.0 <= upper && lower <= $0.1 }
        }
        for (kind, ordered) in [(HeadlineKind.topHighest, Array(icbs.prefix(topN))), (.topLowest, Array(icbs.reversed().prefix(topN)))] {
            let label = kind == .topHighest ? "highest" : "lowest"
            for (offset, item) in ordered.enumerated() {
                let index = kind == .topHighest ? offset : icbs.count - 1 - offset
                try writer.insert(
                    PublishedCatalog.headlines, indicator: definition.id, period: period,
                    [
                        .statementType: PublishedCell(kind.rawValue), .rank: PublishedCell(offset + 1),
                        .value: PublishedCell(item.value), .lcl95: PublishedCell(item.cell.lower95), .ucl95: PublishedCell(item.cell.upper95),
                        .text: PublishedCell(
                            HeadlineText.ranked(
                                label, rank: offset + 1, name: item.name, value: item.value,
                                lower: item.cell.lower95, upper: item.cell.upper95, unit: definition.unit,
                                decimals: Self.decimals(item.cell), overlapsNeighbour: overlapsNeighbour(index))),
                        .sourceTable: PublishedCell(PublishedCatalog.icsLeague.name),
                        .sourceKey: PublishedCell("\(definition.id)|\(period)|icb|\(item.code)|all"),
                    ])
            }
        }
        // A region's value is not stated in a period where some count below England is hidden: it is the
        // sum of its systems' counts, so it could give a hidden one back (docs/DISCLOSURE.md, "Figures derived
        // from counts"); the trend table hides region rows by the same rule.
        var regions: [(code: String, name: String, value: Double, decimals: Int)] = []
        if statesRegions {
            for region in inputs.regions {
                if let cell = inputs.value(definition.id, period, .region, region.code), let value = cell.shown {
                    regions.append((region.code, region.name, value, Self.decimals(cell)))
                }
            }
        }
        let icbItems: [(code: String, name: String, value: Double, decimals: Int)] = icbs.map { ($0.code, $0.name, $0.value, Self.decimals($0.cell)) }
        for (kind, items) in [(HeadlineKind.rangeIcs, icbItems), (.rangeRegions, regions)] {
            // A range needs two ends.
            guard items.count >= 2, let low = items.min(by: { $0.value < $1.value }), let high = items.max(by: { $0.value < $1.value })
            else { continue }
            let level: GeographyLevel = kind == .rangeIcs ? .icb : .region
            let noun = kind == .rangeIcs ? "the \(items.count) ICSs with a published value" : "the \(items.count) NHS regions"
            // Ties at the printed precision are said: naming one of six systems at 62.0% would mislead.
            func named(_ end: (code: String, name: String, value: Double, decimals: Int)) -> String {
                let printed = FigureText.withUnit(end.value, unit: definition.unit, decimals: end.decimals)
                let tied = items.filter { FigureText.withUnit($0.value, unit: definition.unit, decimals: $0.decimals) == printed }.count
                return tied > 1 ? "\(tied) \(kind == .rangeIcs ? "ICSs" : "regions"), among them \(end.name)" : end.name
            }
            try writer.insert(
                PublishedCatalog.headlines, indicator: definition.id, period: period,
                [
                    .statementType: PublishedCell(kind.rawValue), .rank: PublishedCell(1),
                    .value: PublishedCell(high.value - low.value), .rangeLow: PublishedCell(low.value), .rangeHigh: PublishedCell(high.value),
                    .text: PublishedCell(
                        HeadlineText.range(
                            across: noun, phrase: definition.inSentence, low: (named(low), low.value, low.decimals),
                            high: (named(high), high.value, high.decimals), unit: definition.unit, period: period)),
                    .sourceTable: PublishedCell(kind == .rangeIcs ? PublishedCatalog.icsLeague.name : "indicator_value"),
                    .sourceKey: PublishedCell("\(definition.id)|\(period)|\(level.rawValue)|*|all"),
                ])
        }
    }

    /// The decimals a value is published with: none for a percentage disclosure control shows whole
    /// (docs/DISCLOSURE.md, "The regime"), else one.
    static func decimals(_ cell: ControlledValue) -> Int {
        cell.value.action == .reducedPrecision ? 0 : 1
    }
}

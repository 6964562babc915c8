import Checkpoints
import Disclosure
import Foundation
import GRDB
import PipelineCore
import Publication
import Render
import Statistics

/// `soc_ics_league`, `soc_ics_quintile_gap` and `soc_ics_by_ethnic_group`: each ICS against England, by
/// deprivation quintile and by ethnic group.
struct IcsTablesBuilder {
    let inputs: ReportInputs
    let control: DisclosureControl
    /// Each ICS's SII and RII fitted on its published quintiles.
    let inequality: ControlledInequality

    func write(_ writer: PublishedTableWriter) throws {
        for definition in inputs.definitions {
            for period in inputs.periods[definition.id] ?? [] {
                try league(definition, period, writer)
                try quintiles(definition, period, writer)
                try ethnicGroups(definition, period, writer)
                try places(definition, period, writer)
            }
        }
    }

    private func league(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        let ranked = inputs.icbs.compactMap { icb in inputs.value(definition.id, period, .icb, icb.ods)?.shown }.sorted(by: >)
        // England's counts in no ICS make every ICS's value possibly too low: said on each row (docs/DATA.md,
        // "Unknown places in the totals").
        var completeness = CountCompleteness.complete
        if inputs.england(definition.id, period, .icsUnknown, 0) != nil {
            completeness = inputs.attribution.contains { $0.dataset == definition.source } ? .unattributedActivity : .unknownIcs
        }
        for icb in inputs.icbs {
            guard let cell = inputs.value(definition.id, period, .icb, icb.ods) else { continue }
            let comparison = inputs.comparison(definition.id, period, icb.ods)
            let twoLevel = comparison?.comparison
            let league = PublishedCatalog.icsLeague
            let funnelBand = Self.publishedBand(
                comparison?.funnelBand, value: cell.shown.map(league.precision(of: .value).round),
                lines: [comparison?.funnelLower95, comparison?.funnelUpper95, comparison?.funnelLower998, comparison?.funnelUpper998].map {
                    $0.map(league.precision(of: .funnelLcl95).round)
                })
            let sii = inequality.figures(definition.id, period, icb.ods)
            let englandSII = inputs.inequality(
                definition.id, period, .england, GeographyLevel.englandCode, type: definition.decilesOnly ? .imdDecile : .imdQuintile)?.sii
            let siiSide = sii?.fit?.siiWithLimits.flatMap { own in
                englandSII.map { IntervalSide.of(lower: own.lower, upper: own.upper, benchmark: $0) }
            }
            let profile = inputs.profiles[icb.ods]
            let gap = definition.deprivationSplit || definition.decilesOnly ? siiSide.map(Self.gapWord) ?? "gap_not_compared" : "gap_not_available"
            // The quadrant reads the indicator's one verdict (docs/METHODS.md §10).
            let verdict: TwoLevelComparison?
            switch definition.comparison {
            case .twoLevel: verdict = twoLevel
            case .funnel: verdict = funnelBand.map { TwoLevelComparison($0, polarity: definition.polarity) }
            }
            let quadrant = verdict.map { "\($0.outcome.rawValue)_value_\(gap)" }
            let rank = cell.shown.flatMap { value in ranked.firstIndex(of: value).map { $0 + 1 } }
            try writer.insert(
                PublishedCatalog.icsLeague, indicator: definition.id, period: period,
                [
                    .icsOdsCode: PublishedCell(icb.ods), .icsOnsCode: PublishedCell(icb.ons), .icsName: PublishedCell(icb.name),
                    .region: PublishedCell(icb.region),
                    .population: control.count(profile?.population, national: false),
                    .core20Share: PublishedCell(profile?.core20Share),
                    .imdAverageScore: PublishedCell(profile?.imdAverageScore),
                    .numerator: cell.numerator, .denominator: cell.denominator,
                    .value: cell.estimate[0], .lcl95: cell.estimate[1], .ucl95: cell.estimate[2],
                    .lcl998: cell.estimate[3], .ucl998: cell.estimate[4], .unit: PublishedCell(definition.unit),
                    .compareEngland2level: CellRules.alongside(cell.value, twoLevel?.rawValue),
                    .funnelBand: CellRules.alongside(cell.value, funnelBand?.rawValue),
                    .funnelLcl95: CellRules.alongside(cell.value, comparison?.funnelLower95),
                    .funnelUcl95: CellRules.alongside(cell.value, comparison?.funnelUpper95),
                    .funnelLcl998: CellRules.alongside(cell.value, comparison?.funnelLower998),
                    .funnelUcl998: CellRules.alongside(cell.value, comparison?.funnelUpper998),
                    .funnelTau2: CellRules.alongside(cell.value, comparison?.funnelTau2),
                    .sii: sii?.cells[0] ?? .empty, .siiLcl95: sii?.cells[1] ?? .empty, .siiUcl95: sii?.cells[2] ?? .empty,
                    .rii: sii?.cells[3] ?? .empty, .riiLcl95: sii?.cells[4] ?? .empty, .riiUcl95: sii?.cells[5] ?? .empty,
                    .siiVsEngland: definition.deprivationSplit || definition.decilesOnly
                        ? CellRules.alongside(sii?.cells[0] ?? .empty, siiSide?.rawValue) : PublishedCell(Self.noSplit),
                    .quadrant: CellRules.alongside(cell.value, quadrant),
                    .trendMarker: CellRules.alongside(cell.value, inputs.icbTrendDirection(definition.id, period, icb.ods)?.rawValue),
                    .rankValue: CellRules.alongside(cell.value, rank),
                    .siiUnstableReason: PublishedCell(sii?.unstableReason),
                    .completeness: PublishedCell(completeness.rawValue),
                ])
        }
    }

    /// What the inequality columns say for an indicator with no deprivation split.
    static let noSplit = "not_available_no_deprivation_split"

    /// The quadrant's word for an ICS's SII against England's.
    static func gapWord(_ side: IntervalSide) -> String {
        switch side {
        case .higher: "wider_gap"
        case .lower: "narrower_gap"
        case .similar: "similar_gap"
        }
    }

    /// `soc_place`: each place against its ICS, with the spread of the ICS's published place values.
    private func places(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        for icb in inputs.icbs {
            let places = (inputs.placesOfIcb[icb.ods] ?? []).compactMap { place in
                inputs.value(definition.id, period, .place, place.code).map { (place, $0) }
            }
            guard !places.isEmpty, let ics = inputs.value(definition.id, period, .icb, icb.ods) else { continue }
            let shown = places.compactMap { $0.1.shown }
            let lowest = shown.min(), highest = shown.max()
            for (place, cell) in places {
                let comparison = inputs.placeComparison(definition.id, period, place.code)
                let twoLevel = comparison?.comparison
                let table = PublishedCatalog.places
                let funnelBand = Self.publishedBand(
                    comparison?.funnelBand, value: cell.shown.map(table.precision(of: .value).round),
                    lines: [comparison?.funnelLower95, comparison?.funnelUpper95, comparison?.funnelLower998, comparison?.funnelUpper998].map {
                        $0.map(table.precision(of: .funnelLcl95).round)
                    })
                // Beside a hidden ICS value the comparison and the funnel (centred on it) would give it away.
                let both = ics.value.action?.hidesValue == true ? ics.value : cell.value
                try writer.insert(
                    PublishedCatalog.places, indicator: definition.id, period: period,
                    [
                        .icsOdsCode: PublishedCell(icb.ods), .icsName: PublishedCell(icb.name),
                        .placeCode: PublishedCell(place.code), .placeName: PublishedCell(place.name),
                        .numerator: cell.numerator, .denominator: cell.denominator,
                        .value: cell.estimate[0], .lcl95: cell.estimate[1], .ucl95: cell.estimate[2],
                        .lcl998: cell.estimate[3], .ucl998: cell.estimate[4], .unit: PublishedCell(definition.unit),
                        .icsValue: ics.value,
                        .compareIcs2level: CellRules.alongside(both, twoLevel?.rawValue),
                        .funnelBand: CellRules.alongside(both, funnelBand?.rawValue),
                        .funnelLcl95: CellRules.alongside(both, comparison?.funnelLower95),
                        .funnelUcl95: CellRules.alongside(both, comparison?.funnelUpper95),
                        .funnelLcl998: CellRules.alongside(both, comparison?.funnelLower998),
                        .funnelUcl998: CellRules.alongside(both, comparison?.funnelUpper998),
                        .icsPlaces: PublishedCell(places.count), .icsPlacesShown: PublishedCell(shown.count),
                        .icsPlaceLowest: PublishedCell(lowest), .icsPlaceHighest: PublishedCell(highest),
                        .icsPlaceRange: PublishedCell(lowest.flatMap { low in highest.map { $0 - low } }),
                    ])
            }
        }
    }

    /// The funnel band as a reader sees it: the published value against the published lines (lower and
    /// upper 95%, lower and upper 99.8%), each at its column's precision, so that the band, the row and the
    /// point drawn on the chart agree (docs/METHODS.md §10); the band as computed where a line is missing.
    static func publishedBand(_ band: FunnelBand?, value: Double?, lines: [Double?]) -> FunnelBand? {
        guard let band, band != .notApplicable, let value else { return band }
        let known = lines.compactMap { $0 }
        guard known.count == 4 else { return band }
        return FunnelBand.of(value, limits95: (known[0], known[1]), limits998: (known[2], known[3]))
    }

    private func quintiles(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        let englandQ1 = inputs.england(definition.id, period, .imdQuintile, 1)
        for icb in inputs.icbs {
            let cells = (1...5).map { inputs.value(definition.id, period, .icb, icb.ods, .imdQuintile, $0) }
            guard cells.contains(where: { $0 != nil }) else { continue }
            let q1 = cells[0]?.value ?? .empty, q5 = cells[4]?.value ?? .empty
            let difference = CellRules.derived(from: [q1, q5]) { q1.number.flatMap { a in q5.number.map { a - $0 } } }
            let ratio = CellRules.derived(from: [q1, q5]) { q1.number.flatMap { a in q5.number.flatMap { $0 > 0 ? a / $0 : nil } } }
            let gap = inputs.gap(definition.id, period, .icb, icb.ods)
            let core20 = ComparisonOutcome.of(
                lower: cells[0]?.lower95, upper: cells[0]?.upper95, benchmark: englandQ1?.shown,
                polarity: definition.polarity)
            for quintile in 1...5 {
                guard let cell = cells[quintile - 1] else { continue }
                let population = inputs.profiles[icb.ods]?.quintilePopulation[quintile - 1]
                let sameQuintile = inputs.england(definition.id, period, .imdQuintile, quintile)
                try writer.insert(
                    PublishedCatalog.icsQuintileGap, indicator: definition.id, period: period,
                    [
                        .icsOdsCode: PublishedCell(icb.ods), .icsName: PublishedCell(icb.name), .quintile: PublishedCell(quintile),
                        .population: control.count(population, national: false),
                        .numerator: cell.numerator, .denominator: cell.denominator,
                        .value: cell.estimate[0], .lcl95: cell.estimate[1], .ucl95: cell.estimate[2],
                        .q1MinusQ5: difference, .q1OverQ5: ratio,
                        .gapSignificant834: CellRules.alongside(difference, CellRules.yesNo(gap?.significant834)),
                        .compareEnglandSameQuintile: CellRules.alongside(
                            cell.value,
                            ComparisonOutcome.of(
                                lower: cell.lower95, upper: cell.upper95, benchmark: sameQuintile?.shown, polarity: definition.polarity
                            ).rawValue),
                        .core20ValueVsEnglandCore20: CellRules.alongside(q1, core20.rawValue),
                    ])
            }
        }
    }

    /// Each ICS's broad ethnic groups and not stated, against England's same group and the ICS's White group
    /// (docs/DATA.md, "Ethnic groups").
    private func ethnicGroups(_ definition: ReportDefinition, _ period: String, _ writer: PublishedTableWriter) throws {
        let type = BreakdownType.ethnicGroup
        for icb in inputs.icbs {
            guard let overall = inputs.value(definition.id, period, .icb, icb.ods) else { continue }
            let reference = ReferenceGroupCells(inputs: inputs, indicator: definition.id, period: period, level: .icb, code: icb.ods)
            for group in type.groups {
                guard let cell = inputs.value(definition.id, period, .icb, icb.ods, type, group.index) else { continue }
                let england = inputs.england(definition.id, period, type, group.index)
                let sameGroup =
                    type.isCompared(group.index)
                    ? ComparisonOutcome.of(lower: cell.lower95, upper: cell.upper95, benchmark: england?.shown, polarity: definition.polarity)
                    : .notCompared
                let against = reference.cells(cell, type: type, index: group.index)
                try writer.insert(
                    PublishedCatalog.icsByEthnicGroup, indicator: definition.id, period: period,
                    [
                        .icsOdsCode: PublishedCell(icb.ods), .icsName: PublishedCell(icb.name), .ethnicGroup: PublishedCell(cell.breakdownLabel),
                        .groupOrder: PublishedCell(group.index), .numerator: cell.numerator, .denominator: cell.denominator,
                        .value: cell.estimate[0], .lcl95: cell.estimate[1], .ucl95: cell.estimate[2], .unit: PublishedCell(definition.unit),
                        // From the published (rounded) counts, so the share narrows no count further than they do.
                        .shareOfIcs: CellRules.derived(from: [cell.denominator, overall.denominator]) {
                            cell.denominator.number.flatMap { part in overall.denominator.number.flatMap { $0 > 0 ? part / $0 : nil } }
                        },
                        .englandGroupValue: england?.value ?? .empty,
                        .compareEnglandSameGroup: CellRules.alongside(cell.value, sameGroup.rawValue),
                        .referenceGroup: against.group, .referenceValue: against.value, .gapToReference: against.gap,
                        .gapLcl95: against.gapLimits[0], .gapUcl95: against.gapLimits[1], .ratioToReference: against.ratio,
                        .ratioLcl95: against.ratioLimits[0], .ratioUcl95: against.ratioLimits[1], .compareReference: against.comparison,
                    ])
            }
        }
    }
}

import Checkpoints
import Disclosure
import GRDB
import PipelineCore
import Publication
import Render
import Statistics

/// `soc_national_by_group` and `soc_national_inequality`: England's values by group and its inequality.
/// England's counts are published as computed, unless one had to be hidden so that an ICS's suppressed
/// count could not be narrowed from it (a world of very few ICSs): then every England figure that sums or
/// fits to it — its deciles and sexes, its inequality figures — is hidden that period too
/// (docs/DISCLOSURE.md, "Figures derived from counts").
struct NationalTablesBuilder {
    let inputs: ReportInputs

    func write(_ writer: PublishedTableWriter) throws {
        let hiding = inputs.periodsWithHiddenCounts(england: true)
        for definition in inputs.definitions {
            for period in inputs.periods[definition.id] ?? [] {
                let hidden = hiding.contains(ReportInputs.Key(indicator: definition.id, period: period, code: ""))
                try byGroup(definition, period, hidden: hidden, writer)
                try inequality(definition, period, hidden: hidden, writer)
            }
        }
    }

    private static let revealing = PublishedCell.hidden(.secondarySuppressed, reason: "reveals_suppressed_count")

    private func byGroup(_ definition: ReportDefinition, _ period: String, hidden: Bool, _ writer: PublishedTableWriter) throws {
        guard let overall = inputs.england(definition.id, period) else { return }
        for (type, index) in BreakdownType.allCases.flatMap({ type in type.groups.map { (type, $0.index) } }) {
            guard var cell = inputs.england(definition.id, period, type, index) else { continue }
            // Deciles and sexes sum to England's quintiles and total, which the additive structure holds.
            if hidden, type.additivePart(index) == nil {
                (cell.numerator, cell.denominator) = (Self.revealing, Self.revealing)
                cell.estimate = Array(repeating: Self.revealing, count: 5)
            }
            // Everyone, the counts of unknown places and ethnic group not stated are compared with nothing
            // (docs/DATA.md, "Unknown places in the totals", "Ethnic groups").
            let comparison =
                !type.isCompared(index)
                ? .notCompared
                : ComparisonOutcome.of(lower: cell.lower95, upper: cell.upper95, benchmark: overall.shown, polarity: definition.polarity)
            let reference = ReferenceGroupCells(inputs: inputs, indicator: definition.id, period: period, level: .england, code: GeographyLevel.englandCode)
                .cells(cell, type: type, index: index)
            try writer.insert(
                PublishedCatalog.nationalByGroup, indicator: definition.id, period: period,
                [
                    .indicatorTitle: PublishedCell(definition.title),
                    .breakdownType: PublishedCell(type.rawValue),
                    .breakdownValue: PublishedCell(type == .all ? "England" : cell.breakdownLabel),
                    .numerator: cell.numerator, .denominator: cell.denominator,
                    .value: cell.estimate[0], .lcl95: cell.estimate[1], .ucl95: cell.estimate[2],
                    .lcl998: cell.estimate[3], .ucl998: cell.estimate[4],
                    .unit: PublishedCell(definition.unit), .method: PublishedCell(definition.methodLabel),
                    .englandValue: overall.value, .compareEngland: PublishedCell(comparison.rawValue),
                    .populationShare: PublishedCell(HeadlineTableBuilder.share(cell.rawDenominator, of: overall.rawDenominator)),
                    .referenceGroup: reference.group, .referenceValue: reference.value, .gapToReference: reference.gap,
                    .gapLcl95: reference.gapLimits[0], .gapUcl95: reference.gapLimits[1], .ratioToReference: reference.ratio,
                    .ratioLcl95: reference.ratioLimits[0], .ratioUcl95: reference.ratioLimits[1], .compareReference: reference.comparison,
                    .countedFrom: PublishedCell((cell.fromNationalRows ? EnglandCounts.englandRows : .icsRows).rawValue),
                ])
        }
    }

    private func inequality(_ definition: ReportDefinition, _ period: String, hidden: Bool, _ writer: PublishedTableWriter) throws {
        let gap = inputs.gap(definition.id, period, .england, GeographyLevel.englandCode)
        for type in QuantileType.allCases {
            guard let row = inputs.inequality(definition.id, period, .england, GeographyLevel.englandCode, type: type) else { continue }
            var cells: [NationalInequalityColumn: PublishedCell] = [
                .indicatorTitle: PublishedCell(definition.title),
                .nQuantiles: PublishedCell(type.count),
                .q1Value: PublishedCell(gap?.q1), .q5Value: PublishedCell(gap?.q5),
                .absGap: PublishedCell(gap?.absoluteGap), .ratio: PublishedCell(gap?.ratio),
                .gapSignificant834: PublishedCell(CellRules.yesNo(gap?.significant834)),
                .sii: PublishedCell(row.sii), .siiLcl95: PublishedCell(row.siiLower), .siiUcl95: PublishedCell(row.siiUpper),
                .rii: PublishedCell(row.rii), .riiLcl95: PublishedCell(row.riiLower), .riiUcl95: PublishedCell(row.riiUpper),
                .transform: PublishedCell(row.scale.rawValue), .rankBasis: PublishedCell(row.positionBasis.rawValue),
                .polarity: PublishedCell(definition.polarity.rawValue),
                .signConventionNote: PublishedCell(definition.signConvention),
                .excessEvents: PublishedCell(gap?.excessEvents.map { $0.rounded() }),
                .unstableReason: PublishedCell(
                    definition.decilesOnly && type == .imdQuintile ? "no quintiles: the source publishes values by decile without counts" : row.unstableReason),
            ]
            // Values without counts: a decile hidden because its limits give a small count away hides the fit too.
            let hidesInput =
                definition.publishedWithoutCounts
                && (1...type.count).contains { inputs.england(definition.id, period, type.breakdownType, $0)?.estimate[0].action?.hidesValue == true }
            if hidden || hidesInput {
                for column in [NationalInequalityColumn.q1Value, .q5Value, .absGap, .ratio, .gapSignificant834, .sii, .siiLcl95, .siiUcl95, .rii]
                    + [.riiLcl95, .riiUcl95, .excessEvents]
                {
                    cells[column] = Self.revealing
                }
            }
            try writer.insert(PublishedCatalog.nationalInequality, indicator: definition.id, period: period, cells)
        }
    }
}

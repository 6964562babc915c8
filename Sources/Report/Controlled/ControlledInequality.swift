import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Statistics

/// Each ICS's SII and RII over national quintiles as the report publishes them (docs/DISCLOSURE.md,
/// "Figures derived from counts"): fitted by the one rule (``InequalityFit``) on the quintile values, limits
/// and denominators it publishes — after disclosure control — and withheld, with the reason of the hidden
/// input, whenever any of them is hidden. A published SII is therefore a function of published cells: it
/// tells a reader nothing the quintile table does not, however it is inverted.
struct ControlledInequality {
    /// One ICS's published SII and RII with their 95% limits.
    struct Figures {
        /// SII, lower, upper, RII, lower, upper, each shown or hidden.
        var cells: [PublishedCell]
        /// The fit on the published cells, when none of them is hidden.
        var fit: InequalityFit.Result?
        /// Why the SII should be read with care, when it is published.
        var unstableReason: String? { fit?.unstableReason }

        var shown: Bool { fit?.sii != nil }
    }

    private var figures: [ReportInputs.Key: Figures] = [:]

    init(inputs: ReportInputs, settings: AggregateSettings) {
        for definition in inputs.definitions where definition.deprivationSplit || definition.decilesOnly {
            let fit = InequalityFit(
                valueType: definition.method.inequalityScale, polarity: definition.polarity, multiplier: definition.multiplier,
                minimumPopulation: settings.minQuantilePopulation, nationalPositions: settings.siiPositions == .national,
                repetitions: settings.siiRepetitions)
            if definition.decilesOnly {
                overDeciles(definition, inputs: inputs, fit: fit, seed: settings.siiSeed)
                continue
            }
            for period in inputs.periods[definition.id] ?? [] {
                // England's quintile populations place the quintiles on the deprivation scale; where one is
                // hidden (a world of two or three systems), no ICS's fit can be a function of published cells.
                let englandCells = (1...5).map { inputs.england(definition.id, period, .imdQuintile, $0)?.denominator }
                let national = englandCells.map { $0?.number ?? 0 }
                let englandHidden = englandCells.contains { $0?.action?.hidesValue == true }
                for icb in inputs.icbs {
                    let cells = (1...5).map { inputs.value(definition.id, period, .icb, icb.ods, .imdQuintile, $0) }
                    guard cells.contains(where: { $0 != nil }) else { continue }
                    if englandHidden && settings.siiPositions == .national {
                        let hidden = PublishedCell.hidden(.secondarySuppressed, reason: "reveals_suppressed_count")
                        figures[ReportInputs.Key(indicator: definition.id, period: period, code: icb.ods)] = Figures(
                            cells: Array(repeating: hidden, count: 6), fit: nil)
                        continue
                    }
                    figures[ReportInputs.Key(indicator: definition.id, period: period, code: icb.ods)] = Self.figures(
                        cells, national: national, fit: fit, seed: settings.siiSeed)
                }
            }
        }
    }

    /// Each ICS's figures over its ten deciles of values published without counts (docs/METHODS.md §12): the
    /// publisher's own values and limits, each weighted by the decile's resident population and placed by
    /// England's deciles' populations; withheld with the reason of any decile that is hidden or not published.
    private mutating func overDeciles(_ definition: ReportDefinition, inputs: ReportInputs, fit: InequalityFit, seed: UInt64) {
        for period in inputs.periods[definition.id] ?? [] {
            let national = (1...10).map { inputs.england(definition.id, period, .imdDecile, $0)?.quantilePopulation ?? 0 }
            for icb in inputs.icbs {
                let deciles = (1...10).map { inputs.value(definition.id, period, .icb, icb.ods, .imdDecile, $0) }
                guard deciles.contains(where: { $0 != nil }) else { continue }
                let key = ReportInputs.Key(indicator: definition.id, period: period, code: icb.ods)
                if let hidden = deciles.lazy.map({ $0?.estimate[0] ?? .hidden(.withheld, reason: "no_value") }).first(where: { $0.action?.hidesValue == true })
                {
                    figures[key] = Self.withheld(because: hidden)
                    continue
                }
                if let unweighted = deciles.firstIndex(where: { $0?.quantilePopulation == nil }) {
                    let result = InequalityFit.Result(unstableReason: "decile \(unweighted + 1) has no population to weigh it by", quantiles: 10)
                    figures[key] = Figures(cells: Array(repeating: PublishedCell(nil as Double?), count: 6), fit: result)
                    continue
                }
                let result = fit.fit(
                    deciles.map { cell in
                        cell.map {
                            InequalityFit.Quantile(value: $0.shown, lower95: $0.lower95, upper95: $0.upper95, population: $0.quantilePopulation ?? 0)
                        }
                    }, national: national, seed: seed)
                figures[key] = Figures(
                    cells: [result.sii, result.siiLower, result.siiUpper, result.rii, result.riiLower, result.riiUpper].map { PublishedCell($0) },
                    fit: result)
            }
        }
    }

    /// Every figure hidden for a hidden input: withheld with its reason, or suppressed as revealing a count.
    static func withheld(because hidden: PublishedCell) -> Figures {
        let cell: PublishedCell =
            hidden.action == .withheld
            ? .hidden(.withheld, reason: hidden.reason ?? "withheld") : .hidden(.secondarySuppressed, reason: "reveals_suppressed_count")
        return Figures(cells: Array(repeating: cell, count: 6), fit: nil)
    }

    /// The figures of one ICS from its five published quintiles.
    static func figures(_ quintiles: [ControlledValue?], national: [Double], fit: InequalityFit, seed: UInt64) -> Figures {
        let inputs = quintiles.flatMap { cell -> [PublishedCell] in
            guard let cell else { return [.hidden(.withheld, reason: "no_value")] }
            return Array(cell.estimate.prefix(3)) + [cell.denominator]
        }
        if let hidden = inputs.first(where: { $0.action?.hidesValue == true }) { return withheld(because: hidden) }
        // At the precision the quintile table publishes them, so that the fit holds no digit a reader lacks.
        let result = fit.fit(
            quintiles.map { cell in
                cell.map {
                    InequalityFit.Quantile(
                        value: $0.shown.map(Self.published.value.round), lower95: $0.lower95.map(Self.published.lower.round),
                        upper95: $0.upper95.map(Self.published.upper.round), population: $0.denominator.number ?? 0)
                }
            }, national: national, seed: seed)
        return Figures(
            cells: [result.sii, result.siiLower, result.siiUpper, result.rii, result.riiLower, result.riiUpper].map { PublishedCell($0) }, fit: result)
    }

    /// The precision of the quintile table's value and limits (docs/PUBLISHED_TABLES.md).
    static let published = (
        value: PublishedCatalog.icsQuintileGap.precision(of: .value), lower: PublishedCatalog.icsQuintileGap.precision(of: .lcl95),
        upper: PublishedCatalog.icsQuintileGap.precision(of: .ucl95)
    )

    /// An ICS's figures for an indicator and period, if the indicator has a deprivation split.
    func figures(_ indicator: String, _ period: String, _ icb: String) -> Figures? {
        figures[ReportInputs.Key(indicator: indicator, period: period, code: icb)]
    }
}

import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Render
import Statistics

/// `soc_metadata`: the cover and notes of the publication, as rows (no cell values).
struct MetadataBuilder {
    let inputs: ReportInputs
    let config: PipelineConfig
    let provenance: Provenance
    /// The stage's disclosure control, for the counts the notes state.
    let control: DisclosureControl

    func write(_ writer: PublishedTableWriter) throws {
        let rules = config.report.disclosure
        var general: [(String, String)] = [
            ("title", config.report.title),
            ("manifest_sha256", provenance.manifestSHA256),
            ("program_version", ProgramVersion.current),
            ("icb_vintage", provenance.icbVintage),
            ("imd_vintage", "IMD \(provenance.imdVintage); quintiles and deciles are national (England) ranks of LSOAs"),
            ("population_source", provenance.populationSource),
            ("disclosure_rules", rules.summary),
            (
                "symbol_suppressed",
                "\(rules.suppressedSymbol) in Markdown and HTML, [c] in the workbook, an empty cell with status `suppressed` (or `complementary_suppressed`, `secondary_suppressed`) in CSV and JSON: a count of \(rules.suppressFrom) to \(rules.suppressTo), or a figure that would reveal one"
            ),
            (
                "symbol_withheld",
                "[x] in Markdown, HTML and the workbook, an empty cell with status `withheld` in CSV and JSON: not available — the method gives no reliable figure (e.g. a DSR of fewer than 10 events, PHEindicatormethods)"
            ),
            ("symbol_not_applicable", "empty cell with an empty status ([z] in the workbook): not applicable"),
            (
                "precision",
                "Published files round each number column to the precision docs/PUBLISHED_TABLES.md states (values in the indicator's unit to 1 decimal place); the checkpoint database keeps full precision"
            ),
            (
                "confidence_intervals",
                "95% and 99.8% limits after PHEindicatormethods 2.1: Wilson (proportions), Byar's or exact Poisson (crude rates, below 10 events exact), Dobson (DSRs); gaps tested with 83.4% intervals"
            ),
            (
                "england_comparison",
                "Each indicator has one verdict against England, by its comparison_policy: the Fingertips two-level comparison of the 95% and 99.8% intervals with England's value, or its funnel band around England's value; the other test is a secondary column"
            ),
            (
                "funnel_limits",
                {
                    switch config.aggregate.funnelOverdispersion {
                    case .none: return "from chance alone (no overdispersion adjustment)"
                    case .spiegelhalter:
                        return
                            "widened for overdispersion between ICSs: Spiegelhalter's random-effects limits, τ² from z-scores winsorised at \(FigureText.figure(config.aggregate.funnelWinsorisation * 100, decimals: 0))% at each tail (funnel_tau2 in soc_ics_league)"
                    }
                }()
            ),
            (
                "input_files",
                "\(inputs.files.count) files, \(inputs.files.reduce(0) { $0 + $1.rowsLoaded }) rows loaded; each file's SHA-256 is in the run's checkpoint database (table ingest_file) and in the manifest hash"
            ),
        ]
        // Said rather than left for a reader to assume (docs/DATA.md, "Populations by year"): which mid-year
        // each period's rates are over, or that one population serves them all.
        let allPeriods = Set(inputs.periods.values.flatMap { $0 })
        let populationYears = inputs.populationPeriods.filter { allPeriods.contains($0.period) }
        if let first = allPeriods.min(), let last = allPeriods.max() {
            if populationYears.allSatisfy({ $0.populationYear == PopulationYear.everyPeriod }) {
                general.append(
                    (
                        "population_periods",
                        "One population (\(provenance.populationSource)) is the denominator of every period published, \(first) to \(last); it is not matched to each period's year"
                    ))
            } else {
                general.append(
                    (
                        "population_periods",
                        "Each period's rates are over the population of the mid-year its middle month falls in (\(provenance.populationSource))"
                            + Self.periodsByYear(
                                populationYears.map { ($0.period, "mid-\($0.populationYear)", $0.ownYear) },
                                otherwise: "where the source has no population for that year, the nearest it has")
                    ))
            }
        }
        // Synthetic sources are said on every page and here, so a made-up figure is never read as real.
        let used = Set(config.indicators.map(\.source))
        let synthetic = config.sources.filter { $0.synthetic && (used.contains($0.name) || $0.kind == .population) }.map(\.name)
        if !synthetic.isEmpty {
            general.append(
                (
                    "synthetic_data",
                    "Built from synthetic data (\(synthetic.joined(separator: ", "))): the figures describe no real people or places and are for demonstration and testing only"
                ))
        }
        if let boundaries = config.reference.boundaries {
            general.append(("map_boundaries", "\(boundaries.vintage). \(boundaries.attribution)"))
        }
        if let standard = inputs.vintages[.standardPopulation] {
            general.append(("standard_population", "\(standard.vintage) (\(standard.file))"))
        }
        for (item, value) in general {
            try writer.insert(
                PublishedCatalog.metadata, indicator: "all", period: nil,
                [.item: PublishedCell(item), .value: PublishedCell(value)])
        }
        for definition in inputs.definitions {
            let source = config.sources.first { $0.name == definition.source }
            let periods = inputs.periods[definition.id] ?? []
            var items: [(String, String)] = [
                ("title", definition.title),
                ("definition", definition.definition ?? definition.title),
                ("source", "\(definition.source)\(source?.description.map { ": \($0)" } ?? "")"),
                ("method", definition.methodLabel),
                ("statistic", definition.statistic.rawValue),
                (
                    "multiplier",
                    definition.multiplier == definition.multiplier.rounded() ? String(Int64(definition.multiplier)) : String(definition.multiplier)
                ),
                ("unit", definition.unit),
                ("polarity", definition.polarity.rawValue),
                // The one verdict against England every page uses (docs/METHODS.md §10); the other test's
                // column is secondary.
                ("comparison_policy", definition.comparison.rawValue),
                ("sign_convention", definition.signConvention),
                ("periods", periods.joined(separator: ", ")),
                ("baseline_period", config.aggregate.baselinePeriod.flatMap { periods.contains($0) ? $0 : nil } ?? periods.first ?? ""),
                ("sii_positions", "\(config.aggregate.siiPositions.rawValue) cumulative population shares; log scale for rates, logit for proportions"),
            ]
            if let from = definition.ageFrom, let to = definition.ageTo { items.append(("age_range", "\(from) to \(to)")) }
            // Rows set aside at ingest are in no value: said with their reasons, most frequent first (docs/TABLES.md,
            // "Ingest"), counts only.
            let setAside = inputs.files.filter { $0.source == definition.source }.reduce(0) { $0 + $1.rowsQuarantined }
            if setAside > 0 {
                let reasons = (inputs.setAside[definition.source] ?? [:]).sorted {
                    $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue
                }
                .map { "\(FigureText.figure(Double($0.value), decimals: 0)) \($0.key.rawValue)" }
                // Rows of an unknown ICB or decile are counted in England's value (docs/DATA.md, "Unknown places in
                // the totals"); said only where there are some.
                let placed = (inputs.setAsideCounts[definition.source] ?? []).contains { $0.reason == .unknownIcb || $0.reason == .invalidDecile }
                let fate =
                    placed
                    ? " (\(reasons.joined(separator: ", "))); those whose only fault is an unknown ICB or deprivation decile are counted where they can be (see unknown_place), the rest are in no value"
                    : " and are in no value (\(reasons.joined(separator: ", ")))"
                items.append(
                    (
                        "rows_set_aside",
                        "\(FigureText.figure(Double(setAside), decimals: 0)) rows of the source were set aside at ingest\(fate); `soc-pipeline quarantine` lists them by file, line and column"
                    ))
            }
            // What those rows counted where only their place was unknown, with its share of the period's
            // counts (docs/DATA.md, "Rows set aside"): a count at England level, controlled as England's are.
            if let note = unknownPlaceNote(definition, periods: periods) { items.append(("unknown_place", note)) }
            // Records suppressed at source are in no count: where the values are kept (small counts at the
            // source's grain), their share is said, period by period (docs/DATA.md, "Suppressed at source").
            let suppressed = (inputs.suppressedAtSource[definition.id] ?? [:]).filter { periods.contains($0.key) && $0.value.suppressed > 0 }
            if !suppressed.isEmpty {
                let shares = suppressed.sorted { $0.key < $1.key }.map { period, total in
                    "\(Period(label: period)?.readable ?? period): \(FigureText.figure(total.suppressed / max(total.records, 1) * 100, decimals: 1))% of records"
                }
                items.append(
                    (
                        "suppressed_at_source",
                        "Records the publisher suppressed (*, [c], …) are in no count: where the source suppresses only small counts the values are kept without them, else the values they belong to are withheld (suppressed_at_source). Share of the source's records suppressed — \(shares.joined(separator: "; "))"
                    ))
            }
            // Activity the attribution could not place is in no ICS value: said with its share, period by period
            // (docs/DATA.md, "Counts by provider"), never left for a reader to miss.
            let coverage = inputs.attribution.filter { $0.dataset == definition.source && periods.contains($0.period) }
            if coverage.contains(where: { $0.unattributedEvents > 0 }) {
                // The share from the published counts: England's and the group in no ICS, as controlled.
                let shares = coverage.map { row in
                    let england = inputs.england(definition.id, row.period)?.numerator.number
                    let unplaced = inputs.england(definition.id, row.period, .icsUnknown, 0)?.numerator.number
                    var share = "not published"
                    if let england, let unplaced, england > 0 { share = "\(FigureText.figure(unplaced / england * 100, decimals: 1))%" }
                    return "\(Period(label: row.period)?.readable ?? row.period): \(share) (\(row.unattributedProviders) providers)"
                }
                items.append(
                    (
                        "unattributed_activity",
                        "Activity from providers the attribution weights do not name is counted in England's value and in no ICS's, so ICS values may be too low where their residents use those providers (soc_ics_league's completeness column says so on each row; the group 'ICS not known', ics_unknown, of soc_national_by_group gives the count). Share of England's events left unattributed — \(shares.joined(separator: "; "))"
                    ))
            }
            // Where England's figures come from, when not from adding up the ICSs (docs/DATA.md, "England as published").
            if source?.englandRows != nil {
                items.append(
                    (
                        "england_counts",
                        "England's values are computed from the publisher's own England rows (counted_from = england_rows in soc_national_by_group), not added up from the ICSs: the publisher rounds and suppresses counts by ICB, so England's counts need not equal the sum of the ICSs'"
                    ))
            }
            if source?.grain.profile.ethnicGroupSplit == true {
                items.append(
                    (
                        "ethnic_groups",
                        "By the patient's ethnic group as recorded, in the NHS Data Dictionary's categories: the five broad groups (each from its own row where the publisher prints one, else the sum of its categories) and Not stated make up everyone; the sixteen detailed categories are published for England only (soc_national_by_group), the broad groups for each ICS too (soc_ics_by_ethnic_group). Each group is compared with England and with the White group (83.4% intervals); Not stated is published with its share and compared with nothing"
                    ))
            }
            // Whose deprivation the quintiles are, and what the rates are over: never left for a reader to assume
            // (docs/DATA.md, "Deprivation of a practice's registered population", "Denominators").
            if definition.deprivationSplit, definition.deprivationBasis != .areaOfResidence {
                let scores = source?.practiceDeprivation.map { " Scores: \($0.vintage ?? $0.file)." } ?? ""
                items.append(("deprivation_basis", "Quintiles and deciles are of the \(definition.deprivationBasis.label).\(scores)"))
            }
            // A rate by ethnic group is over the census's usual residents, grouped as the NHS groups its events.
            if source?.grain.profile.ethnicGroupSplit == true, definition.method.counts == .events {
                items.append(("denominators", Self.ethnicGroupDenominators(vintage: inputs.vintages[.ethnicGroupPopulation]?.vintage)))
            }
            if let source, definition.method.counts == .events, source.rateDenominator == .sourceRows {
                items.append(
                    (
                        "denominators",
                        "Rates are over \(source.rateDenominator.label), read with the events, not over the resident population: each value's denominator is the sum of the rows' denominators (a row whose count is suppressed at source adds neither)"
                    ))
            }
            // Over a need-weighted population (docs/DATA.md, "Access against need"): which component, from which
            // allocation, and that the same events over residents are the head-count view.
            let component = config.indicators.first { $0.id == definition.id }?.needWeighted
            if let component, let weights = config.reference.needWeights {
                let beside = config.indicators.filter { $0.source == definition.source && $0.needWeighted == nil && $0.method == .crudeRate }.map(\.id)
                items.append(
                    (
                        "denominators",
                        "Rates are over \(RateDenominator.needWeighted.label): component '\(component)' (column '\(weights.components[component] ?? component)' of \(weights.vintage)), not over residents: one all-ages number per ICB, England's the sum of the ICBs'. A value above another ICS's means more events for the same need"
                            + Self.allocationYears(inputs.needAllocationPeriods.filter { periods.contains($0.period) })
                            + (beside.isEmpty ? "" : "; the same events over residents are indicator \(beside.joined(separator: ", "))")
                    ))
            }
            if definition.publishedWithoutCounts {
                items.append(("counts", Self.withoutCounts(source, byDecile: definition.decilesOnly)))
            }
            if definition.decilesOnly {
                items.append(("deprivation_split", Self.decilesWithoutCounts))
            } else if !definition.deprivationSplit {
                // Said instead of leaving the inequality columns and charts silently empty (docs/DATA.md).
                items.removeAll { $0.0 == "sign_convention" || $0.0 == "sii_positions" }
                items.append(
                    (
                        "deprivation_split",
                        component != nil
                            ? "not available over a need-weighted population, which is one number per ICB with no deprivation split: no SII, RII, gap or quintile values"
                            : definition.publishedWithoutCounts
                                ? "not available: the source publishes one value per ICS, without counts, so no SII, RII, gap or quintile values"
                                : source?.grain.profile.deprivationSplit.reason
                                    ?? "not asked for: the indicator has no IMD breakdown, so no SII, RII, gap or quintile values"
                    ))
            }
            for (item, value) in items {
                try writer.insert(
                    PublishedCatalog.metadata, indicator: definition.id, period: nil,
                    [.item: PublishedCell(item), .value: PublishedCell(value)])
            }
        }
    }

    /// `unknown_place`: per period, the rows set aside for an unknown ICB, LSOA or deprivation decile and where
    /// their counts went (docs/DATA.md, "Unknown places in the totals"). Rows of an unknown ICB or decile are in
    /// England's value (and their ICS's, when known): the note names the published groups that give their
    /// counts and shares, and adds no figure of its own — a second figure for part of a published group would
    /// be a sum disclosure control does not model. Rows of an unknown LSOA (outside England, or a code the
    /// lookup lacks) are in no value: their count, controlled as England's counts are, and its share of the
    /// period's count (England's plus theirs). A proportion's count is its denominator. Nil when no such row.
    /// Which allocation year each period is over (docs/DATA.md, "Access against need"): said only where the
    /// weights come by year; weights of one year serve every period, as the vintage says.
    /// What a source of values without counts does and does not give (docs/DATA.md, "Values without counts"):
    /// said once in the metadata rather than left for a reader to find in empty columns.
    static func withoutCounts(_ source: SourceConfig?, byDecile: Bool = false) -> String {
        let england =
            source?.englandRows != nil ? "England's value is the publisher's own England row" : "England's value is not available: the source publishes none"
        return
            "Not published by the source: each value is published as its source gave it, with the limits it gave (if any), and no count is shown, computed or invented. \(england); a region's is not available (values without counts are not added up). Compared with England only where the source gives an ICS's limits and England's value; no funnel, excess events or \(byDecile ? "quintiles" : "deprivation split"). Values and limits that would give away a count in the suppression range (inverting them by the publisher's method) are hidden"
    }

    /// What the rates of a source by ethnic group are over (docs/DATA.md, "Rates by ethnic group").
    static func ethnicGroupDenominators(vintage: String?) -> String {
        "Rates are over \(RateDenominator.ethnicGroupPopulation.label)\(vintage.map { " — \($0)" } ?? ""): one all-ages number per ICB and group, England's the sum of the ICBs'. ONS's nineteen groups are counted where the NHS records them: Chinese, an Asian group in the 2021 Census, in Other ethnic groups; Gypsy or Irish Traveller and Roma in any other White background; Arab in any other ethnic group. A group's rate counts only the events whose group was recorded: Not stated has events and no population, so no rate (its events are published beside everyone's); everyone's rate is every event over every usual resident"
    }

    /// What a source of values by ICB × decile without counts gives of the deprivation split (docs/DATA.md, "Values
    /// without counts").
    static let decilesWithoutCounts =
        "by national IMD decile, as the source publishes it without counts: England's value in each decile (soc_national_by_group) and its SII and RII over deciles (soc_national_inequality, n_quantiles 10), and each ICS's SII and RII over its deciles (soc_ics_league, compared with England's over deciles), each decile weighted by its resident population; an ICS's decile values are the source's own and are not republished. A quintile's value would need its two deciles' counts, so there are no quintile values or quintile gaps"

    static func allocationYears(_ rows: [NeedAllocationPeriod]) -> String {
        guard rows.contains(where: { $0.allocationYear != NeedAllocationYear.everyPeriod }) else { return "" }
        return ". Each period is over the allocation of the financial year its middle month falls in"
            + periodsByYear(
                rows.map { ($0.period, NeedAllocationYear.label($0.allocationYear), $0.ownYear) },
                otherwise: "where the weights have no allocation for that year, the nearest they have")
    }

    /// Each period with its year: those of their own year, then (`otherwise`) those served by the nearest.
    static func periodsByYear(_ rows: [(period: String, year: String, own: Bool)], otherwise: String) -> String {
        let own = rows.filter(\.own).map { "\($0.period): \($0.year)" }
        let nearest = rows.filter { !$0.own }.map { "\($0.period): \($0.year)" }
        return (own.isEmpty ? "" : " — \(own.joined(separator: ", "))") + (nearest.isEmpty ? "" : "; \(otherwise) — \(nearest.joined(separator: ", "))")
    }

    func unknownPlaceNote(_ definition: ReportDefinition, periods: [String]) -> String? {
        let proportion = definition.method.counts == .numeratorAndDenominator
        var byPeriod: [String: [SetAsideCount]] = [:]
        for row in inputs.setAsideCounts[definition.source] ?? [] where periods.contains(row.period) { byPeriod[row.period, default: []].append(row) }
        var parts: [String] = []
        for period in periods {
            guard let rows = byPeriod[period] else { continue }
            var said: [String] = []
            for row in rows {
                let what =
                    "\(FigureText.figure(Double(row.rows), decimals: 0)) rows \(Self.unknownPlaceWords[row.reason] ?? "set aside as \(row.reason.rawValue)")"
                    + (row.suppressedRows > 0 ? " (\(FigureText.figure(Double(row.suppressedRows), decimals: 0)) of them suppressed at source)" : "")
                guard row.reason == .unknownLsoa else {
                    said.append(what)
                    continue
                }
                let counted = proportion ? row.denominator : row.numerator
                let england = inputs.england(definition.id, period).flatMap { proportion ? $0.denominator.number : $0.numerator.number }
                var amount = "a small number, hidden by disclosure control"
                if let number = control.count(counted, national: true).number {
                    amount = FigureText.figure(number, decimals: 0)
                    if let england, england + number > 0 { amount += ", \(FigureText.figure(number / (england + number) * 100, decimals: 1))%" }
                }
                said.append("\(what) (\(amount), in no value)")
            }
            guard !said.isEmpty else { continue }
            parts.append("\(Period(label: period)?.readable ?? period): \(said.joined(separator: " and "))")
        }
        guard !parts.isEmpty else { return nil }
        let what = proportion ? "denominator" : "count"
        // Only the kinds the source has.
        let reasons = Set((inputs.setAsideCounts[definition.source] ?? []).filter { periods.contains($0.period) }.map(\.reason))
        // England from the publisher's own rows holds its unknown places itself (docs/DATA.md, "England as published").
        let ownRows = config.sources.first { $0.name == definition.source }?.englandRows != nil
        // Practices placed by their list are in their place whatever their score (docs/DATA.md, "Places of GP practices").
        let placed = config.sources.first { $0.name == definition.source }?.attribution?.placeColumn != nil
        let kinds = [
            reasons.contains(.unknownIcb)
                ? ownRows
                    ? "those of an unknown ICB are in no ICS's value (England's value is the publisher's own England rows, which count them)"
                    : "those of an unknown ICB are counted in England's value and in no ICS's (the group 'ICS not known', ics_unknown, of soc_national_by_group gives their \(what) and share)"
                : nil,
            reasons.contains(.invalidDecile)
                ? ownRows
                    ? "those with no deprivation decile ('Not stated') in their ICS's value and in no quintile (England's own rows give its group 'deprivation not known', imd_unknown)"
                    : "those with no deprivation decile ('Not stated') in their ICS's value and England's and in no quintile (the group 'deprivation not known', imd_unknown)"
                : nil,
            reasons.contains(.unknownLsoa) ? "those of an unknown LSOA in no value" : nil,
            reasons.contains(.unknownPractice)
                ? "those of a GP practice the practice list does not name (closed or merged since) are counted in England's value and its practice-deprivation groups and in no ICS's (the group 'ICS not known', ics_unknown, of soc_national_by_group gives their \(what) and share)"
                : nil,
            reasons.contains(.unrankedPractice)
                ? "those of a GP practice with no deprivation score in their ICS's value\(placed ? ", their place's" : "") and England's and in no quintile (the group 'deprivation not known', imd_unknown)"
                : nil,
        ].compactMap { $0 }
        return "Rows whose place is unknown: \(kinds.joined(separator: "; ")) — \(parts.joined(separator: "; "))"
    }

    /// How each reason for an unknown place reads in the note.
    static let unknownPlaceWords: [QuarantineReason: String] = [
        .unknownIcb: "with an unknown ICB", .unknownLsoa: "with an unknown LSOA", .invalidDecile: "with no deprivation decile",
        .unknownPractice: "of a GP practice not in the practice list", .unrankedPractice: "of a GP practice with no deprivation score",
    ]
}

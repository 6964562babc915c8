import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import PipelineCore
import Publication
import Render
import Report
import Statistics

/// `soc-pipeline explain`: the lineage of one published value — formula, parameters, the counts by age
/// band it was computed from, the input files (with SHA-256 and row counts) and the runs that produced it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one value was computed: formula, parameters, numerator and denominator by age band, input files, runs.",
        discussion: "Example: soc-pipeline explain --indicator EIA03 --geography QWE --breakdown imd_quintile=1")

    @OptionGroup var global: GlobalOptions

    /// The checkpoint tables a value can be explained from.
    enum Table: String, ExpressibleByArgument, CaseIterable {
        case indicatorValue = "indicator_value"
        case inequalityIndex = "inequality_index"
    }

    @Option(help: "indicator_value (a value) or inequality_index (an SII/RII).")
    var table = Table.indicatorValue

    @Option(help: "Indicator id, e.g. EIA03.")
    var indicator: String

    @Option(help: "Geography code: E92000001 (England), a region's ONS code, or an ICB's ODS code.")
    var geography = GeographyLevel.englandCode

    @Option(help: "all, imd_quintile=N, imd_decile=N or sex=male|female (indicator_value); imd_quintile or imd_decile (inequality_index).")
    var breakdown = "all"

    @Option(help: "Period YYYY-MM; default the latest.")
    var period: String?

    func run() throws {
        let config = try global.loadConfig()
        guard let store = try CheckpointStore.openForReading(path: global.databasePath(config)) else {
            throw PipelineError(.inputMissing, "no checkpoint database yet", hint: "run `soc-pipeline run` first")
        }
        try store.reader.read { db in
            let definitions = try IndicatorDefinition.fetchAll(db, orderedBy: [.indicator])
            guard let definition = definitions.first(where: { $0.indicator == indicator }) else {
                let ids = definitions.map(\.indicator)
                throw PipelineError(
                    .usage, "no indicator '\(indicator)' in the transform checkpoint",
                    hint: ClosestMatch.best(for: indicator, among: ids).map { "did you mean '\($0)'?" } ?? "indicators: \(ids.joined(separator: ", "))")
            }
            let period =
                try self.period
                ?? IndicatorValue.filter(IndicatorValue.Columns.indicator == indicator).select(max(IndicatorValue.Columns.period), as: String.self)
                .fetchOne(db) ?? ""
            switch table {
            case .indicatorValue:
                try explainValue(db, definition: definition, period: period, need: config.indicators.first { $0.id == indicator }?.needWeighted)
                try published(db, period: period)
            case .inequalityIndex: try explainIndex(db, definition: definition, period: period)
            }
            try provenance(db, source: definition.source)
        }
    }

    /// Where the value is published and what disclosure control did to each of its cells.
    private func published(_ db: Database, period: String) throws {
        let log = PublishedCatalog.suppressedCells.table
        guard try db.tableExists(log.name), let start = Period(label: period).map({ "\(Period(ordinal: $0.firstOrdinal).label)-01" }) else {
            return
        }
        let (type, index) = try slice()
        let england = geography == GeographyLevel.englandCode
        // Everyone's values are published for England and each ICS, and each ICS's by quintile; a place's in
        // its own table (docs/DATA.md, "Places").
        let isPlace = try IndicatorPlace.filter(IndicatorPlace.Columns.placeCode == geography).fetchCount(db) > 0
        let place: (table: String, key: String)
        switch (england, type.additivePart(index)) {
        case (false, 0?) where isPlace: place = (PublishedCatalog.places.name, "\(indicator)|\(start)|\(geography)")
        case (true, _) where type == .ethnicGroup || type == .ethnicCategory:
            place = (PublishedCatalog.nationalByGroup.name, "\(indicator)|\(start)|\(type.rawValue)|\(type.label(index))")
        case (false, _?) where type == .ethnicGroup:
            place = (PublishedCatalog.icsByEthnicGroup.name, "\(indicator)|\(start)|\(geography)|\(index)")
        case (true, 0?): place = (PublishedCatalog.nationalByGroup.name, "\(indicator)|\(start)|all|England")
        case (false, 0?): place = (PublishedCatalog.icsLeague.name, "\(indicator)|\(start)|\(geography)")
        case (false, let quintile?): place = (PublishedCatalog.icsQuintileGap.name, "\(indicator)|\(start)|\(geography)|\(quintile)")
        case (true, _?), (_, nil): return
        }
        let actions = try PublishedTableData.load(db, table: log, filters: [("table_name", place.table), ("row_key", place.key)])
            .rows(PublishedCatalog.suppressedCells)
        Console.out("\nPublished in \(place.table) (row \(place.key)):")
        if actions.isEmpty { Console.out("  shown as computed (no disclosure action)") }
        // Column names padded to the longest, never cut: a cut name could read as another column.
        let width = actions.map { $0.text(.columnName).count }.max() ?? 0
        for row in actions {
            let column = row.text(.columnName), action = row.text(.action), reason = row.text(.reasonCode)
            Console.out("  \(column.padding(toLength: width, withPad: " ", startingAt: 0)) \(action) (\(reason))")
        }
    }

    private func slice() throws -> (type: BreakdownType, index: Int) {
        guard let group = BreakdownType.group(named: breakdown) else {
            throw ValidationError(
                "--breakdown must be all, imd_quintile=N, imd_decile=N, sex=male|female, ethnic_group=<group> (white, mixed, asian, black, other, not_stated) or ethnic_category=<category>"
            )
        }
        return group
    }

    private func explainValue(_ db: Database, definition: IndicatorDefinition, period: String, need: String?) throws {
        let (type, index) = try slice()
        typealias Column = IndicatorValue.Columns
        guard
            let row = try IndicatorValue.filter(
                Column.indicator == indicator && Column.period == period && Column.code == geography && Column.breakdown == type
                    && Column.breakdownIndex == index
            ).fetchOne(db)
        else {
            throw PipelineError(
                .usage, "no value for \(indicator) \(period) \(geography) \(breakdown)",
                hint: "check the geography code (ICBs by ODS code) and the breakdown")
        }
        Console.out("\(indicator) — \(definition.title)")
        Console.out("  \(row.name) (\(row.level.rawValue) \(geography)), \(breakdown), period \(period)")
        Console.out(
            "  value \(Self.show(row.value)) [95% \(Self.show(row.lower95)) to \(Self.show(row.upper95)); 99.8% \(Self.show(row.lower998)) to \(Self.show(row.upper998))] \(row.unit), method \(row.method.rawValue)"
        )
        if let reason = row.withheld { Console.out("  withheld: \(reason.text) (\(reason.rawValue))") }
        Console.out(
            "  numerator \(Self.show(row.numerator)), denominator \(Self.show(row.denominator)), records suppressed at source \(row.suppressedAtSourceRecords)"
        )
        // A value its source published without counts has no formula or counts here: where it was read instead
        // (docs/DATA.md, "Values without counts").
        if try IngestedSource.filter(IngestedSource.Columns.source == definition.source).fetchOne(db)?.kind == .value {
            let read = try PublishedValue.filter(
                PublishedValue.Columns.dataset == definition.source && PublishedValue.Columns.period == period && PublishedValue.Columns.code == geography
                    && PublishedValue.Columns.decile == (type == .imdDecile ? index : 0)
            ).fetchOne(db)
            Console.out("as published")
            Console.out(
                read.map { "  \(row.statistic.rawValue) as its source published it, without counts: \($0.path) line \($0.line) (ingest_published_value)" }
                    ?? "  the source publishes no value here: values without counts are not added up (\(WithheldReason.notPublishedBySource.rawValue))")
            if let people = row.quantilePopulation {
                Console.out("  weighted in the SII by the decile's resident population, \(Self.show(people)) (quantile_population)")
            }
            return
        }
        Console.out("formula")
        Console.out("  " + row.statistic.method.formula(multiplier: Self.multiplierText(row.multiplier)))
        if let from = definition.ageFrom {
            Console.out("  ages \(from) to \(definition.ageTo.map(String.init) ?? "and over"); a band partly inside counts its population pro rata")
        }
        try bands(db, definition: definition, period: period, type: type, index: index, level: row.level, need: need)
    }

    /// The counts by age band behind the value, straight from the ingest tables the source's grain keeps
    /// them in (docs/ARCHITECTURE.md, "Adding a source grain").
    private func bands(
        _ db: Database, definition: IndicatorDefinition, period: String, type: BreakdownType, index: Int, level: GeographyLevel, need: String?
    ) throws {
        guard let source = try IngestedSource.filter(IngestedSource.Columns.source == definition.source).fetchOne(db) else {
            throw PipelineError(.inputMissing, "source '\(definition.source)' is not in the ingest checkpoint", hint: "run `soc-pipeline run --stage ingest`")
        }
        let scope = Scope(
            level: level, geography: geography, type: type, index: index,
            regionOf: Dictionary(try ReferenceIcb.fetchAll(db).map { ($0.odsCode, $0.regionOnsCode) }, uniquingKeysWith: { first, _ in first }))
        let profile = source.grain.profile
        let counts = try Self.counts(db, source: source, period: period, scope: scope)
        // Events over the denominators their own rows carry (a registered list) read as a proportion's counts do.
        let ownDenominator = source.rateDenominator == .sourceRows
        let proportion = source.kind == .proportion || ownDenominator
        var population: [RecordedAge: Int64] = [:]
        if let need {
            // Over a need-weighted population: the scope's ICBs' sums, one all-ages number (docs/DATA.md, "Access against need").
            // The allocation year the period is over (its financial year's, or the nearest the weights have).
            let allocation = try NeedAllocationPeriod.filter(NeedAllocationPeriod.Columns.period == period).fetchOne(db)
            let year = allocation?.allocationYear ?? NeedAllocationYear.everyPeriod
            var weighted = 0.0, practices = 0
            for row in try NeedPopulation.filter(NeedPopulation.Columns.component == need && NeedPopulation.Columns.allocationYear == year).fetchAll(db)
            where scope.contains(icb: row.icbOdsCode, unit: row.icbOdsCode, decile: 1, sex: .unknown, age: .unknown) {
                weighted += row.weightedPopulation
                practices += row.practices
            }
            let allocated =
                year == NeedAllocationYear.everyPeriod
                ? "" : ", allocations \(NeedAllocationYear.label(year))\(allocation?.ownYear == false ? " (the nearest year the weights have)" : "")"
            Console.out(
                "denominator: need-weighted population, component '\(need)' (ref_need_population\(allocated)), \(Self.count(weighted)) over \(practices) GP practices"
            )
        } else if profile.ethnicGroupSplit, !proportion {
            // Over usual residents by ethnic group, the census's, one all-ages number (docs/DATA.md, "Rates by ethnic group").
            var people = 0.0
            for row in try EthnicGroupPopulation.fetchAll(db)
            where scope.type != .icsUnknown && scope.contains(row.category, broadHasOwnRow: false) && scope.inArea(icb: row.icbOdsCode, unit: row.icbOdsCode) {
                people += row.population
            }
            let vintage = try ReferenceVintage.filter(ReferenceVintage.Columns.kind == ReferenceKind.ethnicGroupPopulation.rawValue).fetchOne(db)?.vintage
            Console.out(
                "denominator: usual residents by ethnic group\(vintage.map { ", \($0)" } ?? "") (ref_ethnic_group_population, the NHS's categories), \(Self.count(people)) of all ages"
            )
        } else if !proportion {
            // The mid-year the period's rates are over (docs/DATA.md, "Populations by year").
            let year = try PopulationPeriod.filter(PopulationPeriod.Columns.period == period).fetchOne(db)
            if let year, year.populationYear != PopulationYear.everyPeriod {
                Console.out("population: mid-\(year.populationYear)\(year.ownYear ? "" : " (the nearest year the source has)")")
            }
            let rows = try PopulationTotal.filter(PopulationTotal.Columns.populationYear == (year?.populationYear ?? PopulationYear.everyPeriod)).fetchCursor(
                db)
            while let row = try rows.next() {
                guard scope.contains(icb: row.icbCode, unit: row.subIcbCode, decile: row.imdDecile, sex: row.sex, age: row.age) else { continue }
                population[row.age, default: 0] += row.population
            }
        }
        let unplaced = try UnplacedTotal.filter(UnplacedTotal.Columns.dataset == source.source).fetchCount(db) > 0
        let tables = (profile.counts.tables(for: source.storedKind).map { $0.databaseTableName } + (unplaced ? [UnplacedTotal.databaseTableName] : []))
            .joined(separator: ", ")
        Console.out("counts (source '\(source.source)', grain \(source.grain.rawValue), from \(tables))")
        let oneDenominator = need != nil || (profile.ethnicGroupSplit && !proportion)
        Console.out(
            oneDenominator
                ? "by age band: events (over the population above)"
                : ownDenominator
                    ? "by age band: events / denominator (the source's own rows, e.g. a registered list)"
                    : proportion ? "by age band: numerator / denominator" : "by age band: events / population / ESP2013 weight")
        for weight in try StandardPopulationWeight.fetchAll(db, orderedBy: [.bandIndex]) {
            let count = counts[.band(weight.band)] ?? Totals()
            let line =
                oneDenominator
                ? Self.count(count.numerator)
                : proportion
                    ? "\(Self.count(count.numerator)) / \(Self.count(count.denominator))"
                    : "\(Self.count(count.numerator)) / \(population[.band(weight.band)] ?? 0) / \(Int(weight.weight))"
            Console.out("  \(weight.band.label.padding(toLength: 7, withPad: " ", startingAt: 0)) \(line)")
        }
        if let unknown = counts[.unknown] {
            // Counts with no age band at all are the source's all-ages rows, not records of unknown age.
            let byAge = counts.keys.contains { $0 != .unknown }
            let label = source.topAgeBand == .allAges || !byAge ? "all ages" : "unknown age"
            Console.out("  \(label) \(Self.count(unknown.numerator))\(proportion ? " / \(Self.count(unknown.denominator))" : "")")
        }
    }

    /// A source's numerators and denominators by age inside `scope`, in `period`.
    /// With the counts whose ICS or decile is unknown, as transform counts them (docs/DATA.md, "Unknown places in
    /// the totals"): England's group in no ICS is those counts alone.
    static func counts(_ db: Database, source: IngestedSource, period: String, scope: Scope) throws -> [RecordedAge: Totals] {
        var counts: [RecordedAge: Totals] = [:]
        // England from the publisher's own England rows: those rows alone (docs/DATA.md, "England as published").
        let englandRows = try EnglandTotal.filter(EnglandTotal.Columns.dataset == source.source && EnglandTotal.Columns.period == period).fetchAll(db)
        if scope.level == .england, !englandRows.isEmpty {
            let owned = Set(englandRows.compactMap { $0.ethnicGroup.flatMap { $0.isBroad ? $0 : nil } })
            for row in englandRows {
                let inScope: Bool
                if let group = row.ethnicGroup {
                    inScope = scope.contains(group, broadHasOwnRow: group.broad.map(owned.contains) ?? false)
                } else {
                    inScope = scope.type.selection(scope.index).contains(decile: row.imdDecile ?? 0, sex: row.sex, age: row.age)
                }
                if inScope { counts[row.age, default: Totals()].add(row.numerator, row.denominator) }
            }
            return counts
        }
        if scope.type != .icsUnknown {
            var cells: [SourceCountCell] = []
            try source.grain.profile.counts.forEachCell(db, dataset: source.source, kind: source.storedKind) { cell in
                if cell.period == period { cells.append(cell) }
            }
            // A broad ethnic group with no row of its own is its categories' sum, as transform adds it.
            let owned = Set(cells.compactMap { cell in cell.ethnicGroup.flatMap { $0.isBroad ? "\(cell.icbCode) \($0.rawValue)" : nil } })
            for cell in cells {
                if let group = cell.ethnicGroup {
                    let own = group.broad.map { owned.contains("\(cell.icbCode) \($0.rawValue)") } ?? false
                    guard scope.contains(icb: cell.icbCode, unit: cell.unit, decile: nil, sex: cell.sex, age: cell.age, ignoringSplit: true),
                        scope.contains(group, broadHasOwnRow: own)
                    else { continue }
                } else {
                    guard scope.contains(icb: cell.icbCode, unit: cell.unit, decile: cell.decile, sex: cell.sex, age: cell.age) else { continue }
                }
                counts[cell.age, default: Totals()].add(cell.numerator, cell.denominator)
            }
        }
        let split = source.grain.profile.deprivationSplit.isAvailable
        for row in try UnplacedTotal.filter(UnplacedTotal.Columns.dataset == source.source && UnplacedTotal.Columns.period == period).fetchAll(db) {
            if let group = row.ethnicGroup {
                // An unknown ICB's rows by ethnic group: England's only.
                guard scope.level == .england, scope.contains(group, broadHasOwnRow: group.isBroad) else { continue }
            } else if let icb = row.icbCode {
                guard scope.type != .icsUnknown,
                    scope.contains(icb: icb, unit: row.subIcbCode ?? icb, decile: row.decileSlot(split: split), sex: row.sex, age: row.age)
                else { continue }
            } else {
                guard scope.level == .england, scope.type.selection(scope.index).contains(decile: row.decileSlot(split: split), sex: row.sex, age: row.age)
                else { continue }
            }
            counts[row.age, default: Totals()].add(row.numerator, row.denominator)
        }
        return counts
    }

    /// A numerator and denominator added up.
    struct Totals {
        var numerator = 0.0
        var denominator = 0.0

        mutating func add(_ numerator: Double, _ denominator: Double) {
            self.numerator += numerator
            self.denominator += denominator
        }
    }

    /// The counts a value is made of: its geography and its slice.
    struct Scope {
        let level: GeographyLevel
        let geography: String
        let type: BreakdownType
        let index: Int
        /// Each ICB's region (ONS code).
        let regionOf: [String: String]

        func contains(icb: String, unit: String, decile: Int?, sex: Sex, age: RecordedAge, ignoringSplit: Bool = false) -> Bool {
            guard inArea(icb: icb, unit: unit) else { return false }
            var selection = type.selection(index)
            if ignoringSplit { selection.deciles = BreakdownType.Selection.everyone.deciles }
            return selection.contains(decile: decile, sex: sex, age: age)
        }

        /// Whether a row of `icb` (and of `unit`, its sub-ICB location or the ICB's own) is in the scope's geography.
        func inArea(icb: String, unit: String) -> Bool {
            switch level {
            case .icb: icb == geography
            case .region: regionOf[icb] == geography
            case .place: unit == geography
            case .england: true
            }
        }

        /// Whether a row of an ethnic group is in the scope's group, as transform adds them (docs/DATA.md,
        /// "Ethnic groups"): everyone is the broad groups and not stated, a broad group its own row — or, with
        /// none (`broadHasOwnRow` false), its categories' rows.
        func contains(_ group: EthnicGroup, broadHasOwnRow: Bool) -> Bool {
            let isCategory = !group.isBroad && group != .notStated
            switch type {
            case .all, .icsUnknown: return !isCategory || !broadHasOwnRow
            case .ethnicGroup:
                guard let chosen = type.ethnicGroup(index) else { return false }
                return group == chosen || (isCategory && group.broad == chosen && !broadHasOwnRow)
            case .ethnicCategory: return group == type.ethnicGroup(index)
            case .imdQuintile, .imdDecile, .sex, .imdUnknown: return false
            }
        }
    }

    private func explainIndex(_ db: Database, definition: IndicatorDefinition, period: String) throws {
        guard let type = breakdown == BreakdownType.all.rawValue ? .imdDecile : QuantileType(rawValue: breakdown) else {
            throw ValidationError("--breakdown must be imd_quintile or imd_decile with --table inequality_index")
        }
        typealias Column = InequalityIndex.Columns
        guard
            let row = try InequalityIndex.filter(
                Column.indicator == indicator && Column.period == period && Column.code == geography && Column.quantileType == type
            ).fetchOne(db)
        else {
            throw PipelineError(.usage, "no inequality index for \(indicator) \(period) \(geography) \(type.rawValue)")
        }
        Console.out("\(indicator) — \(definition.title): \(type.rawValue) SII/RII for \(geography), period \(period)")
        Console.out(
            "  SII \(Self.show(row.sii)) [95% \(Self.show(row.siiLower)) to \(Self.show(row.siiUpper))], RII \(Self.show(row.rii)) [95% \(Self.show(row.riiLower)) to \(Self.show(row.riiUpper))]"
        )
        if let reason = row.unstableReason { Console.out("  unstable: \(reason)") }
        Console.out("formula")
        Console.out(
            "  weighted least squares of \(row.scale.rawValue)(value) on x = mid-point of cumulative population share (\(row.positionBasis.rawValue) positions), weights = this geography's quantile shares; SII = g⁻¹(β₀+β₁) − g⁻¹(β₀) oriented so positive = disadvantage to the most deprived; 95% limits by \(row.intervalMethod?.rawValue ?? "—")"
        )
        Console.out("quantile rows used (indicator_value)")
        typealias Value = IndicatorValue.Columns
        for quantile in try IndicatorValue.filter(
            Value.indicator == indicator && Value.period == period && Value.code == geography && Value.breakdown == type.breakdownType
        ).order(Value.breakdownIndex).fetchAll(db) {
            Console.out(
                "  \(quantile.breakdownIndex): value \(Self.show(quantile.value)) [\(Self.show(quantile.lower95)) to \(Self.show(quantile.upper95))], population \(Self.show(quantile.denominator ?? quantile.quantilePopulation))"
            )
        }
    }

    private func provenance(_ db: Database, source: String) throws {
        Console.out("inputs")
        let delivered = try ReferenceIcb.filter(ReferenceIcb.Columns.odsCode == geography).fetchCount(db) > 0
        let files = try IngestedFile.fetchAll(db, orderedBy: [.kind, .path]).filter { file in
            (file.source == source && (!delivered || file.deliveredForIcb == geography || file.deliveredForIcb == nil)) || file.kind == .population
        }
        for file in files.prefix(12) {
            Console.out(
                "  \(file.path)  sha256 \(String(file.sha256.prefix(16)))…  rows \(file.rowsRead) read, \(file.rowsLoaded) loaded, \(file.rowsQuarantined) quarantined"
            )
        }
        if files.count > 12 { Console.out("  … and \(files.count - 12) more files (table ingest_file)") }
        for vintage in try ReferenceVintage.fetchAll(db, orderedBy: [.kind]) {
            Console.out("  reference \(vintage.kind.rawValue) \(vintage.vintage): \(vintage.file)")
        }
        Console.out("runs")
        for checkpoint in try CheckpointStore.checkpoints(db).values.sorted(by: { $0.completedAt < $1.completedAt }) {
            Console.out(
                "  \(checkpoint.stage.rawValue): run \(checkpoint.runID) at \(checkpoint.completedAt), fingerprint \(String(checkpoint.fingerprint.prefix(12)))"
            )
        }
    }

    /// The multiplier as written in a formula: `100000`, or `2.5` when it has a fraction.
    static func multiplierText(_ multiplier: Double) -> String {
        multiplier == multiplier.rounded() ? String(Int(multiplier)) : String(multiplier)
    }

    /// A count as stored: whole when it is, else to four places (counts shared out by provider).
    static func count(_ value: Double) -> String { show(value) }

    static func show(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4f", value)
    }
}

public import Checkpoints
import Foundation
public import GRDB
import Logging
public import PipelineCore
import Statistics

/// Stage 2: from the ingest checkpoint only, computes every indicator × period for England, each
/// NHS region and each ICB, overall and by national IMD quintile, decile and sex, and for each place
/// (sub-ICB location) overall, into `indicator_value` (docs/DATA.md, "Places").
///
/// Deterministic: the same ingest checkpoint gives byte-identical rows.
public struct TransformStage: PipelineStage {
    public let name = StageName.transform

    public init() {}

    public var migrations: [SchemaMigration] { TransformSchema.migrations }

    /// The indicator catalogue is all transform reads from the configuration.
    public func configuration(_ context: StageContext) -> any Encodable { context.config.indicators }

    public func run(_ context: StageContext, in db: Database) throws -> StageOutcome {
        let config = context.config
        // Only the periods whose ingest digest changed are computed again when nothing every period shares
        // has changed (docs/ARCHITECTURE.md, "Downstream by period").
        let basis = try Self.basis(db, config: config)
        var digests: [String: [String: String]] = [:]
        for row in try IngestPeriodDigest.fetchAll(db) { digests[row.dataset, default: [:]][row.period] = row.digest }
        let inputs = try TransformInput.fetchAll(db)
        let byPeriod = inputs.allSatisfy { $0.basis == basis } && !inputs.isEmpty
        let computedFrom = Dictionary(inputs.map { ([$0.dataset, $0.period], $0.digest) }, uniquingKeysWith: { first, _ in first })
        let periodsBefore = Dictionary(grouping: inputs, by: \.dataset).mapValues { Set($0.map(\.period)) }
        let populationPeriodsBefore = Dictionary(
            try PopulationPeriod.fetchAll(db).map { ($0.period, (year: $0.populationYear, own: $0.ownYear)) }, uniquingKeysWith: { first, _ in first })
        // The values this run replaces, for the "what changed" digest.
        var previous: [String: String] = [:]
        func remember(_ rows: RecordCursor<IndicatorValue>) throws {
            while let row = try rows.next() {
                previous[ChangeLog.subject(row.indicator, row.period, row.level, row.code, row.breakdown, row.breakdownIndex)] =
                    ChangeLog.text(row.value) ?? "withheld"
            }
        }
        if !byPeriod { try remember(IndicatorValue.fetchCursor(db)) }
        let hadCheckpoint = byPeriod || !previous.isEmpty
        let changes = try ChangeLog(db, runID: context.runID, stage: .transform)
        for table in CheckpointContracts.records where table.writer == .transform {
            if byPeriod, ObjectIdentifier(table) == ObjectIdentifier(IndicatorValue.self) { continue }
            try table.deleteAll(db)
        }
        let frame = try GeographyFrame(db)
        let coordinates = CubeCoordinates(unitCodes: frame.unitCodes)
        let weights = try Self.standardWeights(db)
        // The population by mid-year (0: one population for every period); the latest serves the profiles
        // and the places (docs/DATA.md, "Populations by year").
        let populations = try Self.loadPopulations(db, coordinates: coordinates, unitCount: frame.unitCodes.count)
        let populationYears = populations.keys.sorted()
        let population = populations[populationYears.last ?? PopulationYear.everyPeriod] ?? IndicatorCube(unitCount: frame.unitCodes.count)
        var populationPeriods: [String: (year: Int, own: Bool)] = [:]
        // Places need both counts and population by sub-ICB location: sources whose grain has places, and a
        // population that is not by ICB only.
        let populationHasPlaces = frame.places.contains { place in
            IndicatorCube.byAge(population.numerator, units: place.units, deciles: 1...10, sexes: [0, 1, 2]).contains { $0 > 0 }
        }
        // Need-weighted populations, one per component (docs/DATA.md, "Access against need").
        let needPopulations = try Self.loadNeedPopulations(db, coordinates: coordinates, unitCount: frame.unitCodes.count)
        let ethnicGroupPopulation = try Self.loadEthnicGroupPopulation(db, coordinates: coordinates, unitCount: frame.unitCodes.count)
        let ingested = Dictionary(try IngestedSource.fetchAll(db).map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let profiles = try Self.writeGeographyProfiles(db, frame: frame, population: population)

        let values = try RecordInserter<IndicatorValue>(db)
        /// Writes a value, logging that it moved, appeared or stayed — never the value itself (it is not
        /// disclosure-controlled here; docs/DISCLOSURE.md).
        func emit(_ value: IndicatorValue) throws {
            let subject = ChangeLog.subject(value.indicator, value.period, value.level, value.code, value.breakdown, value.breakdownIndex)
            let now = ChangeLog.text(value.value) ?? "withheld"
            if let before = previous.removeValue(forKey: subject) {
                if before != now { try changes.record(.valueMoved, subject: subject) }
            } else if hadCheckpoint {
                try changes.record(.valueAppeared, subject: subject)
            }
            try values.insert(value)
        }
        let definitions = try RecordInserter<IndicatorDefinition>(db)
        var notes: [String] = []
        let placeRows = try RecordInserter<IndicatorPlace>(db)
        // The places each ICS has values for: a population by place, or a source placing its own denominators.
        if populationHasPlaces || ingested.values.contains(where: Self.placedByPracticeList) {
            for area in frame.areas where area.level == .icb {
                for place in frame.places where area.units.contains(place.units[0]) {
                    try placeRows.insert(IndicatorPlace(placeCode: place.code, placeName: place.name, icbCode: area.code))
                }
            }
        }

        for indicator in config.indicators {
            guard let source = ingested[indicator.source] else {
                throw PipelineError(
                    .inputMissing, "indicator \(indicator.id): dataset '\(indicator.source)' is not in the ingest checkpoint",
                    hint: "run `soc-pipeline run --stage ingest` after adding the source")
            }
            // A grain without a deprivation split gives ICS and England values only (the configuration
            // refuses IMD breakdowns asked of it; docs/DATA.md, "ICS-level sources").
            let profile = source.grain.profile
            var breakdowns = indicator.breakdowns
            if !profile.deprivationSplit.isAvailable { breakdowns.removeAll { $0 == .imdQuintile || $0 == .imdDecile } }
            if !profile.ethnicGroupSplit { breakdowns.removeAll { $0 == .ethnicGroup || $0 == .ethnicCategory } }
            // A need-weighted population is one all-ages number per ICB: no split of any kind.
            let need = indicator.needWeighted.map { needPopulations[$0] ?? [:] }
            let needYears = need.map { $0.keys.sorted() } ?? []
            if need != nil { breakdowns = [] }
            let defined = breakdowns
            // By period: the periods whose digest changed are computed, those gone deleted, the others kept.
            var recompute: Set<String>?
            if byPeriod {
                let now = digests[indicator.source] ?? [:]
                let changed = Set(now.filter { computedFrom[[indicator.source, $0.key]] != $0.value }.keys)
                let before = periodsBefore[indicator.source] ?? []
                let redo = changed.union(before.subtracting(now.keys))
                let replaced = IndicatorValue.filter(IndicatorValue.Columns.indicator == indicator.id && redo.contains(IndicatorValue.Columns.period))
                try remember(replaced.fetchCursor(db))
                try replaced.deleteAll(db)
                for period in before.subtracting(redo) { if let choice = populationPeriodsBefore[period] { populationPeriods[period] = choice } }
                recompute = changed
            }
            if source.kind == .value {
                // By decile, the deciles as published; never quintiles, which would need counts (docs/DATA.md).
                let byDecile = profile.deprivationSplit.isAvailable
                try definitions.insert(
                    IndicatorDefinition(
                        indicator: indicator.id, title: indicator.title, source: indicator.source, statistic: indicator.method,
                        multiplier: indicator.multiplier, unit: indicator.unit, ageFrom: nil, ageTo: nil, polarity: indicator.polarity,
                        breakdowns: byDecile ? [.imdDecile] : [], definition: indicator.definition))
                let written = try PublishedValueIndicator(indicator: indicator, frame: frame, byDecile: byDecile, populations: populations).values(
                    db, periods: recompute, emit: emit)
                for (period, choice) in written.populationYears { populationPeriods[period] = choice }
                try Self.writeDataQuality(db, indicator: indicator)
                notes.append(
                    "\(indicator.id): \(written.periods) periods of values published without counts\(byDecile ? ", by national decile" : "")\(recompute != nil ? " (the others unchanged since the last run)" : ""), \(written.withheld) values withheld (suppressed at source, or not published: England without its own row, the regions)"
                )
                continue
            }
            let cubes = try Self.loadCubes(
                db, source: source, coordinates: coordinates, unitCount: frame.unitCodes.count, notInAnIcs: GeographyFrame.notInAnIcs,
                periods: recompute)
            // Rows for all ages cannot be standardised or cut to an age range (docs/DATA.md, "Ages").
            if source.topAgeBand == .allAges, indicator.ageRange != nil || indicator.method.standardisesByAge {
                throw PipelineError(
                    .usage,
                    "indicators: \(indicator.id) needs ages (\(indicator.ageRange != nil ? "an age range" : "'\(indicator.method.rawValue)'")), but source '\(indicator.source)' gives all-ages rows",
                    hint: "use crude_rate or proportion without ageRange for all-ages data, or deliver the source by age band")
            }
            let populationStopsAt85 = config.populationSource.map { ingested[$0.name]?.topAgeBand == .eightyFivePlus } == true
            let mergesTopBands = source.topAgeBand == .eightyFivePlus || populationStopsAt85
            // A rate by ethnic group is over each group's usual residents (Census 2021), one number for all ages.
            let byEthnicGroupPopulation = profile.ethnicGroupSplit && indicator.method.sourceKind == .events
            if byEthnicGroupPopulation, ethnicGroupPopulation == nil {
                throw PipelineError(
                    .inputMissing, "indicator \(indicator.id): a rate by ethnic group, but the ingest checkpoint holds no population by ethnic group",
                    hint: "configure reference.ethnicGroupPopulation and run `soc-pipeline run --stage ingest`")
            }
            var calculators: [Int: IndicatorCalculator] = [:]
            /// Over the population of `year`: a mid-year, or an allocation year for a need-weighted indicator.
            func calculator(year: Int) -> IndicatorCalculator {
                if let made = calculators[year] { return made }
                let over =
                    byEthnicGroupPopulation
                    ? ethnicGroupPopulation! : need.map { $0[year] ?? IndicatorCube(unitCount: frame.unitCodes.count) } ?? populations[year] ?? population
                let made = IndicatorCalculator(
                    indicator: indicator, standardWeights: weights, population: over, mergesTopBands: mergesTopBands,
                    denominator: need != nil ? .needWeighted : byEthnicGroupPopulation ? .ethnicGroupPopulation : source.rateDenominator)
                calculators[year] = made
                return made
            }
            let method = calculator(year: (need != nil ? needYears : populationYears).last ?? PopulationYear.everyPeriod).method
            // ONS publishes LSOA populations for persons: with no sex in the population, sex breakdowns
            // have no denominator. Not offered by default; asked for, a configuration error.
            if !population.recordsSex, breakdowns.contains(.sex) {
                guard !indicator.breakdownsGiven else {
                    throw PipelineError(
                        .usage,
                        "indicators: \(indicator.id) asks for a sex breakdown, but the population source '\(config.populationSource?.name ?? "population")' is persons only",
                        hint: "remove \"sex\" from the indicator's breakdowns, or use a population by sex")
                }
                breakdowns.removeAll { $0 == .sex }
            }
            try definitions.insert(
                IndicatorDefinition(
                    indicator: indicator.id, title: indicator.title, source: indicator.source, statistic: indicator.method,
                    multiplier: indicator.multiplier, unit: indicator.unit, ageFrom: indicator.ageRange?.from, ageTo: indicator.ageRange?.to,
                    polarity: indicator.polarity, breakdowns: defined,
                    definition: indicator.definition))
            let byEthnicGroup = profile.ethnicGroupSplit
            let allSlices = BreakdownSlice.slices(for: breakdowns, byEthnicGroup: byEthnicGroup)
            let everyone = BreakdownSlice.slices(for: [], byEthnicGroup: byEthnicGroup)
            // Places of a source by LSOA are over residents; a practice source's over its practices' own lists
            // (docs/DATA.md, "Places of GP practices").
            let places =
                need == nil && ((profile.places.isAvailable && populationHasPlaces) || Self.placedByPracticeList(source)) ? frame.places : []
            var withheld = 0
            for counts in cubes {
                let (period, cube) = (counts.period, counts.cube)
                // Each period's rates over its own mid-year's population, or the nearest the source has.
                let choice: (year: Int, own: Bool) =
                    Period(label: period).map { PopulationYear.choose(for: $0, among: populationYears) } ?? (PopulationYear.everyPeriod, true)
                populationPeriods[period] = choice
                // Need-weighted: over the allocation of the period's financial year, or the nearest the weights have.
                let calculator = calculator(
                    year: need == nil
                        ? choice.year
                        : Period(label: period).map { NeedAllocationYear.choose(for: $0, among: needYears).year } ?? NeedAllocationYear.everyPeriod)
                // Counts with no decile or no ICS get their own group, when the period has them (docs/DATA.md,
                // "Unknown places in the totals").
                // With England's own rows, England is no sum of ICSs: it has no group of counts in no ICS.
                let englandCounts = counts.england ?? cube
                var unknown: Set<BreakdownType> = []
                if profile.deprivationSplit.isAvailable, englandCounts.holds(units: Array(0..<frame.unitCodes.count), deciles: 0...0) {
                    unknown.insert(.imdUnknown)
                }
                if counts.england == nil, cube.holds(units: [frame.notInAnIcsUnit], deciles: 0...(cube.splits - 1)) { unknown.insert(.icsUnknown) }
                let periodSlices = unknown.isEmpty ? allSlices : BreakdownSlice.slices(for: breakdowns, unknown: unknown, byEthnicGroup: byEthnicGroup)
                // A source that records no sex (every record `unknown`) gets no sex rows rather than zero rates.
                let slices = cube.recordsSex ? periodSlices : periodSlices.filter { $0.type != .sex }
                // Places are published overall only (docs/DATA.md, "Places"); the groups of unknown places are
                // England's only (an ICS's counts with no decile are in its total, published in no group of their own).
                for (area, slice) in frame.areas.flatMap({ area in slices.map { (area, $0) } }) + places.map({ ($0, everyone[0]) })
                where !slice.type.isUnknownPlace || area.level == .england {
                    let units = slice.type == .icsUnknown ? [frame.notInAnIcsUnit] : area.units
                    let national = area.level == .england && counts.england != nil
                    let output = calculator.compute(national ? englandCounts : cube, england: englandCounts, units: units, slice: slice)
                    var result = output.result
                    // A `*` at a grain where it may hide any amount: the value would be a partial total, so it is
                    // withheld with its reason — never 0, never ranked, compared or trended (docs/DATA.md).
                    // A slice whose every record arrived suppressed is unknown at any grain: withheld, never 0.
                    // England's own rows are whole counts: one suppressed leaves England's value unknown.
                    if ((profile.suppressedAtSourceWithholds || national) && output.suppressedRecords > 0) || output.onlySuppressedRecords {
                        result.estimate = nil
                        result.withheld = .suppressedAtSource
                    }
                    let estimate = result.estimate
                    if result.withheld != nil { withheld += 1 }
                    try emit(
                        IndicatorValue(
                            indicator: indicator.id, period: period, level: area.level, code: area.code, name: area.name, breakdown: slice.type,
                            breakdownValue: slice.value, breakdownIndex: slice.index, numerator: result.numerator, denominator: result.denominator,
                            value: estimate?.value, lower95: estimate?.lower95, upper95: estimate?.upper95, lower998: estimate?.lower998,
                            upper998: estimate?.upper998, statistic: indicator.method, method: estimate?.method ?? method.defaultIntervalMethod,
                            multiplier: indicator.multiplier, unit: indicator.unit, withheld: result.withheld,
                            suppressedAtSourceRecords: Int(output.suppressedRecords), fromNationalRows: national))
                }
            }
            try Self.writeDataQuality(db, indicator: indicator)
            notes.append(
                "\(indicator.id): \(cubes.count) periods computed\(recompute != nil ? " (the others unchanged since the last run)" : ""), \(withheld) values withheld"
            )
            context.logger.info("indicator computed", metadata: ["indicator": "\(indicator.id)", "periods": "\(cubes.count)"])
        }
        let periodRows = try RecordInserter<PopulationPeriod>(db)
        for (period, choice) in populationPeriods.sorted(by: { $0.key < $1.key }) {
            try periodRows.insert(PopulationPeriod(period: period, populationYear: choice.year, ownYear: choice.own))
        }
        // Every period a need-weighted indicator publishes, with the allocation year it is over.
        let needRows = try RecordInserter<NeedAllocationPeriod>(db)
        let needIndicators = config.indicators.filter { $0.needWeighted != nil }
        if !needIndicators.isEmpty {
            let needYears = Set(needPopulations.values.flatMap(\.keys)).sorted()
            let periods = try IndicatorValue.select(IndicatorValue.Columns.period, as: String.self)
                .filter(needIndicators.map(\.id).contains(IndicatorValue.Columns.indicator)).distinct().order(IndicatorValue.Columns.period).fetchAll(db)
            for label in periods {
                let choice =
                    Period(label: label).map { NeedAllocationYear.choose(for: $0, among: needYears) } ?? (year: NeedAllocationYear.everyPeriod, own: true)
                try needRows.insert(NeedAllocationPeriod(period: label, allocationYear: choice.year, ownYear: choice.own))
            }
        }
        for subject in previous.keys.sorted() { try changes.record(.valueDisappeared, subject: subject) }
        let inputRows = try RecordInserter<TransformInput>(db)
        for (dataset, periods) in digests.sorted(by: { $0.key < $1.key }) {
            for (period, digest) in periods.sorted(by: { $0.key < $1.key }) {
                try inputRows.insert(TransformInput(dataset: dataset, period: period, digest: digest, basis: basis))
            }
        }
        try FaultInjection.check("transform:after-values")
        let quality = try IndicatorDataQuality.fetchCount(db)
        return StageOutcome(
            rowsByTable: [
                IndicatorValue.databaseTableName: values.rowsInserted, IndicatorDefinition.databaseTableName: definitions.rowsInserted,
                IndicatorDataQuality.databaseTableName: quality, IndicatorPlace.databaseTableName: placeRows.rowsInserted,
                GeographyProfile.databaseTableName: profiles, PopulationPeriod.databaseTableName: periodRows.rowsInserted,
                NeedAllocationPeriod.databaseTableName: needRows.rowsInserted,
                "change_log": changes.count,
            ],
            notes: notes)
    }

    /// England's, each region's and each ICS's population, by national quintile, and Core20 share (the
    /// population in IMD deciles 1–2), with each ICS's names and average IMD score (docs/TABLES.md).
    static func writeGeographyProfiles(_ db: Database, frame: GeographyFrame, population: IndicatorCube) throws -> Int {
        let icbs = Dictionary(try ReferenceIcb.fetchAll(db).map { ($0.odsCode, $0) }, uniquingKeysWith: { first, _ in first })
        let scores = Dictionary(try IcbDeprivation.fetchAll(db).map { ($0.icbOdsCode, $0.averageScore) }, uniquingKeysWith: { first, _ in first })
        let inserter = try RecordInserter<GeographyProfile>(db)
        for area in frame.areas where area.level != .place {
            var deciles: [Double] = []
            for decile in 1...10 {
                let byAge: [Double] = IndicatorCube.byAge(population.numerator, units: area.units, deciles: decile...decile, sexes: [0, 1, 2])
                deciles.append(byAge.reduce(0, +))
            }
            let total: Double = deciles.reduce(0, +)
            let quintiles: [Double] = stride(from: 0, to: 10, by: 2).map { (first: Int) -> Double in deciles[first] + deciles[first + 1] }
            let core20: Double = (deciles[0] + deciles[1]) / max(total, 1)
            let (onsCode, region): (String, String)
            switch area.level {
            case .england: (onsCode, region) = (area.code, area.name)
            case .region: (onsCode, region) = (area.code, area.name)
            case .icb, .place: (onsCode, region) = (icbs[area.code]?.onsCode ?? area.code, icbs[area.code]?.regionName ?? "")
            }
            try inserter.insert(
                GeographyProfile(
                    level: area.level, code: area.code, name: area.name, onsCode: onsCode, regionName: region, population: total,
                    quintilePopulation: quintiles, core20Share: core20,
                    imdAverageScore: area.level == .icb ? scores[area.code] : nil))
        }
        return inserter.rowsInserted
    }

    static func standardWeights(_ db: Database) throws -> [Double] {
        let rows = try StandardPopulationWeight.fetchAll(db, orderedBy: [.bandIndex])
        guard rows.count == AgeBand.count else {
            throw PipelineError(.inputMissing, "the ingest checkpoint lacks the standard population", hint: "run `soc-pipeline run --stage ingest`")
        }
        return rows.map(\.weight)
    }

    /// The population in cube form, by mid-year (``PopulationYear/everyPeriod`` for one that serves every period).
    static func loadPopulations(_ db: Database, coordinates: CubeCoordinates, unitCount: Int) throws -> [Int: IndicatorCube] {
        var cubes: [Int: IndicatorCube] = [:]
        let rows = try PopulationTotal.fetchCursor(db)
        while let row = try rows.next() {
            let index = try coordinates.index(unit: row.subIcbCode, decile: row.imdDecile, sex: row.sex, age: row.age)
            cubes[row.populationYear, default: IndicatorCube(unitCount: unitCount)].numerator[index] += Double(row.population)
        }
        return cubes
    }

    /// Whether a source has places beyond its grain's — GP practices placed by their practice list — with the
    /// denominators its own rows carry, so its places need no resident population (docs/DATA.md, "Places of
    /// GP practices").
    static func placedByPracticeList(_ source: IngestedSource) -> Bool {
        !source.grain.profile.places.isAvailable && source.places && (source.rateDenominator == .sourceRows || source.kind == .proportion)
    }

    /// Each need-weighted component by allocation year in cube form: its ICBs' sums in their whole-ICB units,
    /// decile 1, sex and age unknown — one all-ages number per ICB (docs/DATA.md, "Access against need").
    /// Usual residents by ICB and ethnic group (Census 2021; docs/DATA.md, "Rates by ethnic group") in a cube split
    /// as a source by ethnic group is: each category in its own slot and in its broad group's, all ages, persons;
    /// nil when the reference is not configured.
    static func loadEthnicGroupPopulation(_ db: Database, coordinates: CubeCoordinates, unitCount: Int) throws -> IndicatorCube? {
        let rows = try EthnicGroupPopulation.fetchAll(db)
        guard !rows.isEmpty else { return nil }
        var cube = IndicatorCube(unitCount: unitCount, splits: EthnicGroup.slots)
        for row in rows {
            for group in [row.category] + (row.category.broad.map { [$0] } ?? []) {
                let index = try coordinates.index(unit: row.icbOdsCode, decile: group.slot, sex: .unknown, age: .unknown, splits: EthnicGroup.slots)
                cube.numerator[index] += row.population
            }
        }
        return cube
    }

    static func loadNeedPopulations(_ db: Database, coordinates: CubeCoordinates, unitCount: Int) throws -> [String: [Int: IndicatorCube]] {
        var cubes: [String: [Int: IndicatorCube]] = [:]
        for row in try NeedPopulation.fetchAll(db) {
            let index = try coordinates.index(unit: row.icbOdsCode, decile: 1, sex: .unknown, age: .unknown)
            cubes[row.component, default: [:]][row.allocationYear, default: IndicatorCube(unitCount: unitCount)].numerator[index] += row.weightedPopulation
        }
        return cubes
    }

    /// One period's counts: every ICB's, and England's own when the publisher's England rows are read.
    struct PeriodCounts {
        var period: String
        var cube: IndicatorCube
        var england: IndicatorCube?
    }

    /// Per period, the dataset's counts in cube form (sorted by period for determinism), from the ingest
    /// tables of its grain. Counts with no decile (grains without a deprivation split) go into the cube's
    /// decile-1 cells, which only the "all" breakdown reads for such a source; counts shared out by provider
    /// are fractional and kept so (docs/DATA.md, "Counts by provider").
    static func loadCubes(
        _ db: Database, source: IngestedSource, coordinates: CubeCoordinates, unitCount: Int, notInAnIcs: String, periods: Set<String>? = nil
    ) throws -> [PeriodCounts] {
        // Counts with no ICS go to England's own unit, those with no decile to decile 0 — or, for a grain with
        // no split, to decile 1 with the rest (docs/DATA.md, "Unknown places in the totals"). A source by ethnic
        // group is split by its groups instead (docs/DATA.md, "Ethnic groups").
        let split = source.grain.profile.deprivationSplit.isAvailable
        let splits = source.grain.profile.ethnicGroupSplit ? EthnicGroup.slots : IndicatorCube.deciles
        let empty = IndicatorCube(unitCount: unitCount, splits: splits)
        var cubes: [String: IndicatorCube] = [:]
        let unplaced = try UnplacedTotal.filter(
            UnplacedTotal.Columns.dataset == source.source && (periods.map { $0.contains(UnplacedTotal.Columns.period) } ?? true.sqlExpression)
        )
        .fetchCursor(db)
        while let row = try unplaced.next() {
            let slot = row.ethnicGroup?.slot ?? row.decileSlot(split: split)
            // In its place when it has one (a GP practice with no score), which is in its ICS.
            let index = try coordinates.index(unit: row.subIcbCode ?? row.icbCode ?? notInAnIcs, decile: slot, sex: row.sex, age: row.age, splits: splits)
            cubes[row.period, default: empty].numerator[index] += row.numerator
            cubes[row.period]!.denominator[index] += row.denominator
            cubes[row.period]!.suppressedRecords[index] += Double(row.suppressedRecords)
            cubes[row.period]!.records[index] += Double(row.records)
        }
        try source.grain.profile.counts.forEachCell(db, dataset: source.source, kind: source.storedKind, periods: periods) { cell in
            let index = try coordinates.index(
                unit: cell.unit, decile: cell.ethnicGroup?.slot ?? cell.decile ?? 1, sex: cell.sex, age: cell.age, splits: splits)
            cubes[cell.period, default: empty].numerator[index] += cell.numerator
            cubes[cell.period]!.denominator[index] += cell.denominator
            cubes[cell.period]!.suppressedRecords[index] += Double(cell.suppressedRecords)
            if let records = cell.records {
                cubes[cell.period]!.records[index] += Double(records)
                cubes[cell.period]!.recordsKnown = true
            }
        }
        // The publisher's own England rows, in England's own cube: in the unit of counts in no ICS, so the
        // population of every unit is England's (docs/DATA.md, "England as published").
        var england: [String: IndicatorCube] = [:]
        let national = try EnglandTotal.filter(
            EnglandTotal.Columns.dataset == source.source && (periods.map { $0.contains(EnglandTotal.Columns.period) } ?? true.sqlExpression)
        ).fetchCursor(db)
        while let row = try national.next() {
            let slot = row.ethnicGroup?.slot ?? row.imdDecile ?? (split ? 0 : 1)
            let index = try coordinates.index(unit: notInAnIcs, decile: slot, sex: row.sex, age: row.age, splits: splits)
            england[row.period, default: empty].numerator[index] += row.numerator
            england[row.period]!.denominator[index] += row.denominator
            england[row.period]!.suppressedRecords[index] += Double(row.suppressedRecords)
            england[row.period]!.records[index] += Double(row.records)
            england[row.period]!.recordsKnown = true
        }
        return Set(cubes.keys).union(england.keys).sorted().map { period in
            var cube = cubes[period] ?? empty
            cube.fillBroadGroupsFromCategories()
            var own = england[period]
            own?.fillBroadGroupsFromCategories()
            return PeriodCounts(period: period, cube: cube, england: own)
        }
    }

    /// What every period's values depend on besides its own counts: the program build, the indicator
    /// catalogue, the population (its sources' digests), every source's kind, grain, vintage and top age band,
    /// and the reference files (docs/ARCHITECTURE.md, "Downstream by period").
    static func basis(_ db: Database, config: PipelineConfig) throws -> String {
        var parts: [(String, String)] = [
            ("program", ProgramVersion.build), ("indicators", StageFingerprint.canonicalJSON(config.indicators)),
            ("population source", config.populationSource?.name ?? ""),
        ]
        let sources = try IngestedSource.fetchAll(db).sorted { $0.source < $1.source }
        for source in sources {
            parts.append(
                (
                    "source \(source.source)",
                    "\(source.kind.rawValue) \(source.grain.rawValue) \(source.vintage ?? "") \(source.topAgeBand.rawValue)\(source.rateDenominator == .residents ? "" : " \(source.rateDenominator.rawValue)")"
                ))
        }
        let populations = Set(sources.filter { $0.kind == .population }.map(\.source))
        for row in try IngestPeriodDigest.fetchAll(db) where populations.contains(row.dataset) {
            parts.append(("population \(row.dataset) \(row.period)", row.digest))
        }
        for row in try ReferenceVintage.fetchAll(db) { parts.append(("reference \(row.kind.rawValue) \(row.vintage) \(row.file)", row.sha256)) }
        return Fingerprint.combine(parts)
    }

    /// Each ICS's shares of records it could not map or place, per period (docs/TABLES.md, "Transform").
    static func writeDataQuality(_ db: Database, indicator: IndicatorConfig) throws {
        let rows = try SourceDataQuality.filter(SourceDataQuality.Columns.dataset == indicator.source && SourceDataQuality.Columns.records > 0)
            .order(SourceDataQuality.Columns.period, SourceDataQuality.Columns.icbCode).fetchAll(db)
        let inserter = try RecordInserter<IndicatorDataQuality>(db)
        for row in rows {
            let records = Double(row.records)
            try inserter.insert(
                IndicatorDataQuality(
                    indicator: indicator.id, period: row.period, icbCode: row.icbCode, records: row.records,
                    shareUnmappedLsoa: Double(row.recordsUnmappedLsoa) / records, shareUnknownSex: Double(row.recordsUnknownSex) / records,
                    shareUnknownAge: Double(row.recordsUnknownAge) / records, shareSuppressedAtSource: Double(row.recordsSuppressedAtSource) / records))
        }
    }
}

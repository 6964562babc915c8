import Checkpoints
import GRDB
import PipelineCore

/// Replaces ingest's checkpoint tables with this run's results (inside the stage transaction):
/// ``init(db:reference:config:)`` clears them and writes the reference tables, ``write(_:)`` writes one
/// source as soon as it has been parsed (while other sources are still parsing), ``finish(runID:)``
/// records what changed.
final class IngestWriter {
    let db: Database
    let reference: ReferenceTables
    let config: PipelineConfig
    private let previousStates: [String: String]
    private var counts: [String: Int] = [:]
    private let files: RecordInserter<IngestedFile>
    private let quarantine: RecordInserter<QuarantinedRow>
    private let sources: RecordInserter<IngestedSource>
    private let events: RecordInserter<EventTotal>
    private let proportions: RecordInserter<ProportionTotal>
    private let icbEvents: RecordInserter<IcbEventTotal>
    private let icbProportions: RecordInserter<IcbProportionTotal>
    private let icbEthnicGroups: RecordInserter<IcbEthnicGroupTotal>
    private let attributedEvents: RecordInserter<AttributedEventTotal>
    private let unattributed: RecordInserter<UnattributedProvider>
    private let coverage: RecordInserter<AttributionCoverage>
    private let population: RecordInserter<PopulationTotal>
    private let quality: RecordInserter<SourceDataQuality>
    private let setAside: RecordInserter<SetAsideCount>
    private let unplaced: RecordInserter<UnplacedTotal>
    private let england: RecordInserter<EnglandTotal>
    private let digests: RecordInserter<IngestPeriodDigest>
    private let publishedValues: RecordInserter<PublishedValue>
    private let ages = (0..<SourceTotals.ages).map(RecordedAge.init(index:))
    private let sexes = Sex.allCases

    /// The tables of counts by period, in which a run writes again only the periods whose contribution
    /// changed (``SourceResult/periodsToWrite``; docs/ARCHITECTURE.md, "Incremental ingest").
    static let countTables: [any CheckpointRecord.Type] = [
        EventTotal.self, ProportionTotal.self, IcbEventTotal.self, IcbProportionTotal.self, IcbEthnicGroupTotal.self, AttributedEventTotal.self,
    ]

    /// The tables ingest replaces whole on every run: all but the counts by period and the file parts, which
    /// it keeps for unchanged files (``StoredFileParts``).
    static let tables: [any CheckpointRecord.Type] = CheckpointContracts.records.filter { table in
        table.writer == .ingest && ObjectIdentifier(table) != ObjectIdentifier(IngestedFilePart.self)
            && !countTables.contains { ObjectIdentifier($0) == ObjectIdentifier(table) }
    }

    /// Deletes a count table's rows of `dataset` (or of every dataset not in `keeping`), in `periods` when given.
    private static func delete(
        _ table: (some CheckpointRecord).Type, dataset: String? = nil, keeping: [String] = [], periods: Set<String>? = nil, in db: Database
    ) throws {
        var rows = dataset.map { table.filter(Column("dataset") == $0) } ?? table.filter(!keeping.contains(Column("dataset")))
        if let periods { rows = rows.filter(periods.contains(Column("period"))) }
        try rows.deleteAll(db)
    }

    /// Data-quality states by subject: whether each source had quarantined rows, and each
    /// dataset × period × ICB's band of records it could not map or place (none, under 1%, 1% or more).
    static func qualityStates(_ db: Database) throws -> [String: String] {
        var states: [String: String] = [:]
        var quarantined: [String: Int] = [:]
        for file in try IngestedFile.fetchAll(db) { quarantined[file.source, default: 0] += file.rowsQuarantined }
        for (source, rows) in quarantined { states["quarantine|\(source)"] = rows > 0 ? "rows quarantined" : "clean" }
        for row in try SourceDataQuality.fetchAll(db) {
            let share = Double(row.recordsUnmappedLsoa + row.recordsUnknownSex + row.recordsUnknownAge) / Double(row.records)
            states["incomplete_records|\(row.dataset)|\(row.period)|\(row.icbCode)"] = share == 0 ? "none" : share < 0.01 ? "under 1%" : "1% or more"
        }
        return states
    }

    init(db: Database, reference: ReferenceTables, config: PipelineConfig) throws {
        self.db = db
        self.reference = reference
        self.config = config
        previousStates = try Self.qualityStates(db)
        for table in Self.tables { try table.deleteAll(db) }
        // Counts of sources no longer configured.
        for table in Self.countTables { try Self.delete(table, keeping: config.sources.map(\.name), in: db) }
        files = try RecordInserter(db)
        quarantine = try RecordInserter(db)
        sources = try RecordInserter(db)
        events = try RecordInserter(db)
        proportions = try RecordInserter(db)
        icbEvents = try RecordInserter(db)
        icbProportions = try RecordInserter(db)
        icbEthnicGroups = try RecordInserter(db)
        attributedEvents = try RecordInserter(db)
        unattributed = try RecordInserter(db)
        coverage = try RecordInserter(db)
        population = try RecordInserter(db)
        quality = try RecordInserter(db)
        setAside = try RecordInserter(db)
        unplaced = try RecordInserter(db)
        england = try RecordInserter(db)
        digests = try RecordInserter(db)
        publishedValues = try RecordInserter(db)
        try writeReference()
    }

    /// Writes one parsed source.
    func write(_ result: SourceResult) throws {
        let source = result.source
        try writeManifest(source, files: result.files)
        let totals = result.totals
        try sources.insert(
            IngestedSource(
                source: source.name, kind: source.kind, grain: source.grain, vintage: source.vintage, files: result.files.count,
                rowsLoaded: result.rowsLoaded, periods: source.kind == .population ? [] : totals.periods.sorted().map(\.label),
                topAgeBand: totals.topAgeBand, rateDenominator: source.rateDenominator, places: source.hasPlaces))
        for (period, digest) in result.periodDigests { try digests.insert(IngestPeriodDigest(dataset: source.name, period: period, digest: digest)) }
        // The counts of the periods whose contribution changed, or of all of them (a population's rows are in
        // a table written whole).
        let rewrite = source.kind == .population ? nil : result.periodsToWrite.map { Set($0.map(\.label)) }
        for table in Self.countTables { try Self.delete(table, dataset: source.name, periods: rewrite, in: db) }
        let tables = source.grain.profile.counts
        if tables == .attributed { try writeAttributed(result, periods: rewrite) }
        let periodLabels = totals.periods.map(\.label)
        let writesSlot = periodLabels.map { rewrite?.contains($0) ?? true }
        for cell in 0..<totals.records.count where totals.records[cell] > 0 {
            let d = totals.dimensions(ofCell: cell)
            guard writesSlot[d.slot] else { continue }
            let icb = reference.icbs[Int(reference.subIcbToIcb[d.subIcb])].odsCode
            let sub = reference.subIcbCodes[d.subIcb]
            let period = periodLabels[d.slot], sex = sexes[d.sex], age = ages[d.age]
            let records = Int(totals.records[cell]), suppressed = Int(totals.suppressed[cell])
            switch tables {
            case .attributed:
                continue  // shared out above
            case .byDecile:
                break
            case .byIcbEthnicGroup:
                guard let group = EthnicGroup(slot: d.decile - 1) else { continue }
                let scale = Double(source.counts.scale)
                try icbEthnicGroups.insert(
                    IcbEthnicGroupTotal(
                        dataset: source.name, period: period, icbCode: icb, ethnicGroup: group, sex: sex, age: age,
                        numerator: Double(totals.value1[cell]) / scale, denominator: Double(totals.second(cell)) / scale, records: records,
                        suppressedRecords: suppressed))
                continue
            case .byIcb:
                // Fractional counts were summed as whole ten-thousandths (``CountPrecision``).
                let scale = Double(source.counts.scale)
                switch source.kind {
                case .events:
                    try icbEvents.insert(
                        IcbEventTotal(
                            dataset: source.name, period: period, icbCode: icb, sex: sex, age: age, events: Double(totals.value1[cell]) / scale,
                            records: records, suppressedRecords: suppressed))
                case .proportion:
                    try icbProportions.insert(
                        IcbProportionTotal(
                            dataset: source.name, period: period, icbCode: icb, sex: sex, age: age, numerator: Double(totals.value1[cell]) / scale,
                            denominator: Double(totals.second(cell)) / scale, records: records, suppressedRecords: suppressed))
                case .population, .value:
                    break  // refused by the configuration check; values are written by ``write(_:)-PublishedValueResult``
                }
                continue
            }
            switch source.storedKind {
            case .events:
                try events.insert(
                    EventTotal(
                        dataset: source.name, period: period, icbCode: icb, subIcbCode: sub, imdDecile: d.decile, sex: sex, age: age,
                        events: totals.value1[cell], records: records, suppressedRecords: suppressed))
            case .proportion:
                try proportions.insert(
                    ProportionTotal(
                        dataset: source.name, period: period, icbCode: icb, subIcbCode: sub, imdDecile: d.decile, sex: sex, age: age,
                        numerator: totals.value1[cell], denominator: totals.second(cell), records: records, suppressedRecords: suppressed))
            case .population:
                try population.insert(
                    PopulationTotal(
                        icbCode: icb, subIcbCode: sub, imdDecile: d.decile, sex: sex, age: age, population: totals.value1[cell],
                        populationYear: totals.periods[d.slot].kind == .calendarYear ? totals.periods[d.slot].year : PopulationYear.everyPeriod))
            case .value:
                continue  // a source of values has no cells of counts
            }
        }
        if source.kind != .population {
            for (slot, period) in totals.periods.enumerated() {
                for (icb, info) in reference.icbs.enumerated() {
                    func value(_ counter: QualityCounter) -> Int64 { totals.value(counter, slot: slot, icb: icb) }
                    guard value(.records) > 0 else { continue }
                    try quality.insert(
                        SourceDataQuality(
                            dataset: source.name, period: period.label, icbCode: info.odsCode, records: Int(value(.records)),
                            recordsUnmappedLsoa: Int(value(.unmappedLsoa)), recordsUnknownSex: Int(value(.unknownSex)),
                            recordsUnknownAge: Int(value(.unknownAge)), recordsSuppressedAtSource: Int(value(.suppressedAtSource)),
                            eventsApportioned: value(.eventsApportioned)))
                }
            }
        }
        // What rows set aside for an unknown place counted, by period and reason (docs/DATA.md, "Rows set aside").
        var tallies: [SetAsideTally.Key: SetAsideTally] = [:]
        for file in result.files { tallies.absorb(file.setAside) }
        let scale = Double(source.counts.scale)
        for (key, tally) in tallies.sorted(by: { ($0.key.period, $0.key.reason.rawValue) < ($1.key.period, $1.key.reason.rawValue) }) {
            try setAside.insert(
                SetAsideCount(
                    source: source.name, period: key.period, reason: key.reason, rows: tally.rows, suppressedRows: tally.suppressedRows,
                    numerator: Double(tally.first) / scale, denominator: Double(tally.second) / scale))
        }
        // The same rows' counts where they can still be placed: England, and their ICS when known (docs/DATA.md,
        // "Unknown places in the totals"). Only periods the source has: a period of unplaced rows alone is none.
        var placeable: [UnplacedCounts.Key: SetAsideTally] = [:]
        for file in result.files { placeable.absorb(file.unplaced) }
        let held = Set(totals.periods.map(\.label))
        for (key, counts) in placeable.sorted(by: {
            ($0.key.period.ordinal, $0.key.icb, $0.key.decile, $0.key.sex, $0.key.age, $0.key.place) < (
                $1.key.period.ordinal, $1.key.icb, $1.key.decile, $1.key.sex, $1.key.age, $1.key.place
            )
        })
        where held.contains(key.period.label) {
            // A source by ethnic group holds the row's group in the split slot after it (``SourceTotals``).
            let byGroup = source.grain.profile.ethnicGroupSplit
            if key.icb == UnplacedCounts.englandRow {
                try england.insert(Self.englandTotal(source, key: key, counts: counts, sex: sexes[key.sex], age: ages[key.age]))
                continue
            }
            try unplaced.insert(
                UnplacedTotal(
                    dataset: source.name, period: key.period.label, icbCode: key.icb >= 0 ? reference.icbs[key.icb].odsCode : nil,
                    imdDecile: key.decile > 0 && !byGroup ? key.decile : nil, sex: sexes[key.sex], age: ages[key.age],
                    numerator: Double(counts.first) / scale, denominator: Double(counts.second) / scale, records: counts.rows,
                    suppressedRecords: counts.suppressedRows, ethnicGroup: byGroup ? EthnicGroup(slot: key.decile - 1) : nil,
                    subIcbCode: key.place >= 0 ? reference.subIcbCodes[key.place] : nil))
        }
        if let raw = result.rawRows {
            let rows = try RecordInserter<KeptRow>(db)
            for row in raw.rows {
                try rows.insert(
                    KeptRow(
                        dataset: row.source, path: row.file, line: row.line, areaCode: row.area, period: row.period, sex: row.sex,
                        age: ages[row.age], value1: row.value1, value2: row.value2))
            }
            counts[KeptRow.databaseTableName, default: 0] += rows.rowsInserted
        }
    }

    /// The source's files and their quarantined rows.
    private func writeManifest(_ source: SourceConfig, files parsed: [SourceResult.FileStats]) throws {
        for file in parsed {
            try files.insert(
                IngestedFile(
                    source: source.name, kind: source.kind, path: file.file.displayPath, deliveredForIcb: file.deliveredIcb,
                    sizeBytes: file.file.size, sha256: file.sha256, rowsRead: file.rowsRead, rowsLoaded: file.rowsLoaded,
                    rowsQuarantined: file.rowsQuarantined, cellsSuppressedAtSource: file.suppressed))
            for entry in file.quarantine {
                try quarantine.insert(
                    QuarantinedRow(
                        source: source.name, path: file.file.displayPath, line: entry.line, column: entry.column, columnName: entry.columnName,
                        reason: entry.reason, detail: entry.reason.explanation))
            }
        }
    }

    /// Writes a source of values published without counts (docs/DATA.md, "Values without counts"): its files,
    /// its values, each period's digest (every file's hashes: the values are read whole) and, for each ICB and
    /// period, one record, suppressed or not, for the data-quality table.
    func write(_ result: PublishedValueSource) throws {
        let source = result.source
        try writeManifest(source, files: result.files)
        let periods = result.periods
        try sources.insert(
            IngestedSource(
                source: source.name, kind: source.kind, grain: source.grain, vintage: source.vintage, files: result.files.count,
                rowsLoaded: result.rowsLoaded, periods: periods.map(\.label), topAgeBand: .allAges))
        let hashes = result.files.map { ($0.file.displayPath, $0.sha256) }
        for period in periods {
            try digests.insert(
                IngestPeriodDigest(
                    dataset: source.name, period: period.label,
                    digest: Fingerprint.combine([("published values", source.kind.rawValue), ("period", period.label)] + hashes)))
        }
        let order = Dictionary(periods.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
        // Each ICB's records in a period: its values over all deciles and by decile, and those suppressed.
        var records: [[String]: (all: Int, suppressed: Int)] = [:]
        for value in result.values.sorted(by: {
            (order[$0.period] ?? 0, $0.level.rawValue, $0.code, $0.decile) < (order[$1.period] ?? 0, $1.level.rawValue, $1.code, $1.decile)
        }) {
            try publishedValues.insert(value)
            guard value.level == .icb else { continue }
            records[[value.period, value.code], default: (0, 0)].all += 1
            if value.suppressedAtSource { records[[value.period, value.code], default: (0, 0)].suppressed += 1 }
        }
        for (key, count) in records.sorted(by: { (order[$0.key[0]] ?? 0, $0.key[1]) < (order[$1.key[0]] ?? 0, $1.key[1]) }) {
            try quality.insert(
                SourceDataQuality(
                    dataset: source.name, period: key[0], icbCode: key[1], records: count.all, recordsUnmappedLsoa: 0, recordsUnknownSex: 0,
                    recordsUnknownAge: 0, recordsSuppressedAtSource: count.suppressed, eventsApportioned: 0))
        }
    }

    /// Shares each provider's counts among the ICBs its weights name, keeping the fractions exact (docs/DATA.md,
    /// "Counts by provider"), and records the providers the weights do not name.
    private func writeAttributed(_ result: SourceResult, periods rewrite: Set<String>?) throws {
        struct Cell: Hashable {
            var period: String
            var icb: Int
            var sex: Int
            var age: Int
        }
        var shared: [Cell: (events: Double, providers: Int, suppressed: Int)] = [:]
        let weights = reference.attributions[result.source.name]
        // In key order: fractional shares are added in floating point, so the order fixes the last digit.
        let ordered = result.attributed.cells.sorted {
            ($0.key.period.ordinal, $0.key.provider, $0.key.sex, $0.key.age) < ($1.key.period.ordinal, $1.key.provider, $1.key.sex, $1.key.age)
        }
        // Activity of providers the weights do not name: England's, in no ICS (docs/DATA.md, "Unknown places in
        // the totals").
        var unnamed: [Cell: (events: Int64, records: Int, suppressed: Int)] = [:]
        for (key, counts) in ordered {
            guard let weights, let provider = weights.index[key.provider] else {
                let cell = Cell(period: key.period.label, icb: -1, sex: key.sex, age: key.age)
                var total = unnamed[cell] ?? (0, 0, 0)
                total.events += counts.events
                total.records += Int(counts.records)
                total.suppressed += Int(counts.suppressed)
                unnamed[cell] = total
                continue
            }
            for (icb, share) in weights.weights[provider] where share > 0 {
                let cell = Cell(period: key.period.label, icb: icb, sex: key.sex, age: key.age)
                var total = shared[cell] ?? (0, 0, 0)
                total.events += Double(counts.events) * share
                total.providers += 1
                total.suppressed += Int(counts.suppressed)
                shared[cell] = total
            }
        }
        for (cell, total) in shared.sorted(by: { ($0.key.period, $0.key.icb, $0.key.sex, $0.key.age) < ($1.key.period, $1.key.icb, $1.key.sex, $1.key.age) })
        where rewrite?.contains(cell.period) ?? true {
            try attributedEvents.insert(
                AttributedEventTotal(
                    dataset: result.source.name, period: cell.period, icbCode: reference.icbs[cell.icb].odsCode, sex: sexes[cell.sex],
                    age: ages[cell.age], events: total.events, providers: total.providers, suppressedRecords: total.suppressed))
        }
        let periodOrder = Dictionary(result.totals.periods.map { ($0.label, $0.ordinal) }, uniquingKeysWith: { first, _ in first })
        for (cell, total) in unnamed.sorted(by: {
            (periodOrder[$0.key.period] ?? 0, $0.key.sex, $0.key.age) < (periodOrder[$1.key.period] ?? 0, $1.key.sex, $1.key.age)
        }) {
            try unplaced.insert(
                UnplacedTotal(
                    dataset: result.source.name, period: cell.period, icbCode: nil, imdDecile: nil, sex: sexes[cell.sex], age: ages[cell.age],
                    numerator: Double(total.events), denominator: 0, records: total.records, suppressedRecords: total.suppressed))
        }
        for (code, missing) in result.attributed.unattributed.sorted(by: { $0.key < $1.key }) {
            try unattributed.insert(UnattributedProvider(dataset: result.source.name, providerCode: code, rows: missing.rows, events: missing.events))
        }
        // Each period's events, and those no ICS receives, for the published unattributed share.
        var periods: [Period: (events: Int64, unattributed: Int64, providers: Set<String>)] = [:]
        for (key, counts) in result.attributed.cells {
            var period = periods[key.period] ?? (0, 0, [])
            period.events += counts.events
            if weights?.index[key.provider] == nil {
                period.unattributed += counts.events
                period.providers.insert(key.provider)
            }
            periods[key.period] = period
        }
        for (period, total) in periods.sorted(by: { $0.key.ordinal < $1.key.ordinal }) {
            try coverage.insert(
                AttributionCoverage(
                    dataset: result.source.name, period: period.label, events: total.events, unattributedEvents: total.unattributed,
                    unattributedProviders: total.providers.count))
        }
    }

    /// Row counts by table, and the data-quality states that changed since the previous checkpoint.
    func finish(runID: String) throws -> [String: Int] {
        let written: [(any CheckpointRecord.Type, Int)] = [
            (IngestedFile.self, files.rowsInserted), (QuarantinedRow.self, quarantine.rowsInserted), (IngestedSource.self, sources.rowsInserted),
            (EventTotal.self, events.rowsInserted), (ProportionTotal.self, proportions.rowsInserted), (IcbEventTotal.self, icbEvents.rowsInserted),
            (IcbProportionTotal.self, icbProportions.rowsInserted), (IcbEthnicGroupTotal.self, icbEthnicGroups.rowsInserted),
            (AttributedEventTotal.self, attributedEvents.rowsInserted),
            (UnattributedProvider.self, unattributed.rowsInserted), (AttributionCoverage.self, coverage.rowsInserted),
            (PopulationTotal.self, population.rowsInserted),
            (SourceDataQuality.self, quality.rowsInserted), (SetAsideCount.self, setAside.rowsInserted), (UnplacedTotal.self, unplaced.rowsInserted),
            (EnglandTotal.self, england.rowsInserted),
            (IngestPeriodDigest.self, digests.rowsInserted), (PublishedValue.self, publishedValues.rowsInserted),
        ]
        for (table, rows) in written { counts[table.databaseTableName, default: 0] += rows }
        let changes = try ChangeLog(db, runID: runID, stage: .ingest)
        let states = try Self.qualityStates(db)
        for subject in states.keys.sorted() where previousStates[subject] != nil && previousStates[subject] != states[subject] {
            try changes.record(.dataQualityChanged, subject: subject, before: previousStates[subject], after: states[subject])
        }
        counts["change_log"] = changes.count
        return counts
    }

    private func writeReference() throws {
        let icbs = try RecordInserter<ReferenceIcb>(db)
        for icb in reference.icbs {
            try icbs.insert(
                ReferenceIcb(
                    odsCode: icb.odsCode, onsCode: icb.onsCode, name: icb.name, shortName: icb.shortName, regionOnsCode: icb.regionOnsCode,
                    regionOdsCode: icb.regionOdsCode, regionName: icb.regionName, vintage: config.reference.icb.vintage))
        }
        let weights = try RecordInserter<StandardPopulationWeight>(db)
        for band in AgeBand.all {
            try weights.insert(StandardPopulationWeight(band: band, bandIndex: band.index, weight: reference.standardWeights[band.index]))
        }
        let vintages = try RecordInserter<ReferenceVintage>(db)
        for file in reference.fileHashes {
            try vintages.insert(ReferenceVintage(kind: file.kind, vintage: file.vintage, file: file.file, sha256: file.sha256))
        }
        if let population = config.populationSource {
            try vintages.insert(ReferenceVintage(kind: .population, vintage: population.vintage ?? "unspecified", file: population.files, sha256: ""))
        }
        let deprivation = try RecordInserter<IcbDeprivation>(db)
        for (icb, summary) in reference.icbDeprivation.sorted(by: { $0.key < $1.key }) {
            try deprivation.insert(
                IcbDeprivation(
                    icbOdsCode: reference.icbs[icb].odsCode, imdVintage: config.reference.imd.vintage, averageScore: summary.score,
                    rankOfAverageScore: summary.rank))
        }
        let need = try RecordInserter<NeedPopulation>(db)
        for (component, byYear) in reference.needPopulations.sorted(by: { $0.key < $1.key }) {
            for (year, byIcb) in byYear.sorted(by: { $0.key < $1.key }) {
                for (icb, sum) in byIcb.sorted(by: { $0.key < $1.key }) {
                    try need.insert(
                        NeedPopulation(
                            component: component, allocationYear: year, icbOdsCode: reference.icbs[icb].odsCode, weightedPopulation: sum.population,
                            practices: sum.practices))
                }
            }
        }
        let census = try RecordInserter<EthnicGroupPopulation>(db)
        for (icb, byCategory) in reference.ethnicGroupPopulation.byIcb.sorted(by: { $0.key < $1.key }) {
            for (category, people) in byCategory.sorted(by: { $0.key.slot < $1.key.slot }) {
                try census.insert(
                    EthnicGroupPopulation(
                        icbOdsCode: reference.icbs[icb].odsCode, category: category, population: people,
                        areas: reference.ethnicGroupPopulation.areas[icb] ?? 0))
            }
        }
        let boundaries = try RecordInserter<IcbBoundaryRing>(db)
        for ring in reference.boundaries {
            try boundaries.insert(IcbBoundaryRing(icbOdsCode: reference.icbs[ring.icb].odsCode, polygon: ring.polygon, ring: ring.ring, points: ring.points))
        }
        let placeOutlines = try RecordInserter<PlaceBoundaryRing>(db)
        for ring in reference.placeBoundaries.rings {
            try placeOutlines.insert(
                PlaceBoundaryRing(
                    placeCode: reference.subIcbCodes[ring.icb], polygon: ring.polygon, ring: ring.ring,
                    coordinates: reference.placeBoundaries.coordinates, points: ring.points))
        }
        let places = try RecordInserter<ReferenceSubIcb>(db)
        var written: Set<String> = []
        for (index, code) in reference.subIcbCodes.enumerated() {
            let icb = reference.icbs[Int(reference.subIcbToIcb[index])]
            // The "whole ICB" units are not places.
            guard code != icb.odsCode, written.insert(code).inserted else { continue }
            let named = reference.places[code]
            try places.insert(
                ReferenceSubIcb(
                    code: code, onsCode: named?.onsCode, name: named?.officialName ?? code, placeName: named?.placeName ?? code, icbOdsCode: icb.odsCode))
        }
        for (table, rows) in [
            (ReferenceIcb.databaseTableName, icbs.rowsInserted), (StandardPopulationWeight.databaseTableName, weights.rowsInserted),
            (ReferenceVintage.databaseTableName, vintages.rowsInserted), (IcbDeprivation.databaseTableName, deprivation.rowsInserted),
            (IcbBoundaryRing.databaseTableName, boundaries.rowsInserted), (ReferenceSubIcb.databaseTableName, places.rowsInserted),
            (PlaceBoundaryRing.databaseTableName, placeOutlines.rowsInserted), (NeedPopulation.databaseTableName, need.rowsInserted),
        ] {
            counts[table] = rows
        }
    }

    /// One cell of the publisher's own England rows (docs/DATA.md, "England as published"). Read one row per
    /// measure, a cell with a measure suppressed at source has no known counts and is kept as suppressed
    /// records only; any other must come to counts that are not negative, a numerator within its denominator.
    static func englandTotal(_ source: SourceConfig, key: UnplacedCounts.Key, counts: SetAsideTally, sex: Sex, age: RecordedAge) throws -> EnglandTotal {
        let scale = Double(source.counts.scale)
        var (first, second, records) = (counts.first, counts.second, counts.rows)
        if source.measures != nil, counts.suppressedRows > 0 { (first, second, records) = (0, 0, counts.suppressedRows) }
        let byGroup = source.grain.profile.ethnicGroupSplit
        let group = byGroup ? EthnicGroup(slot: key.decile - 1) : nil
        if first < 0 || second < 0 || (source.kind == .proportion && first > second) {
            throw PipelineError(
                .dataQuality,
                "source '\(source.name)': its England rows come to \(first < 0 || second < 0 ? "a negative count" : "a numerator above its denominator")\(group.map { ", ethnic group \($0.label)" } ?? (key.decile > 0 ? ", decile \(key.decile)" : "")), period \(key.period.label)",
                at: InputLocation(file: source.files),
                hint:
                    "check the measure names and which are subtracted ('-name') in the source's \"measures\", and that 'englandRows' selects England's rows only"
            )
        }
        return EnglandTotal(
            dataset: source.name, period: key.period.label, imdDecile: !byGroup && key.decile > 0 ? key.decile : nil, ethnicGroup: group, sex: sex,
            age: age, numerator: Double(first) / scale, denominator: Double(second) / scale, records: records,
            suppressedRecords: counts.suppressedRows)
    }
}

import Checkpoints
import Disclosure
import Foundation
import GRDB
import PipelineCore
import Publication
import Render
import Statistics

/// Everything the report stage reads from the checkpoint database, through the records of the tables it
/// reads (docs/ARCHITECTURE.md, "Checkpoint contracts"), with every indicator cell already passed through
/// disclosure control. Nothing here is published unless a table builder copies it into a ``PublishedCell``.
struct ReportInputs {
    struct Icb { var ods: String; var ons: String; var name: String; var region: String }
    /// A place (sub-ICB location) of an ICS (docs/DATA.md, "Places").
    struct Place { var code: String; var name: String; var icb: String }

    private(set) var definitions: [ReportDefinition] = []
    /// Periods per indicator, ascending.
    private(set) var periods: [String: [String]] = [:]
    private(set) var icbs: [Icb] = []
    /// Each ICS's places, by ICB code, in code order; empty when no indicator has places.
    private(set) var placesOfIcb: [String: [Place]] = [:]
    private var placeComparisons: [Key: PlaceComparison] = [:]
    /// Region codes and names, in code order.
    private(set) var regions: [(code: String, name: String)] = []
    /// Every controlled cell that a table may publish, by key; complementary suppression updates them
    /// (`Disclosure/`).
    private(set) var values: [Key: ControlledValue] = [:]
    /// Periods in which a count of a decile or sex below England — published nowhere, so not kept — would be
    /// hidden (``periodsWithHiddenCounts(england:)``).
    private var unpublishedHidden: Set<Key> = []
    /// Each ICS's people and deprivation, by ICB code (unrounded; `geography_profile`).
    private(set) var profiles: [String: GeographyProfile] = [:]
    private var inequality: [Key: InequalityIndex] = [:]
    private var gaps: [Key: QuintileGap] = [:]
    /// Each ethnic group and category against the White group (docs/METHODS.md, "Groups against a reference group").
    private var referenceGaps: [Key: ReferenceGroupGap] = [:]
    private var comparisons: [Key: EnglandComparison] = [:]
    private(set) var trends: [TrendAgainstBaseline] = []
    /// Which mid-year population each period's rates are over, by period (docs/DATA.md, "Populations by year").
    private(set) var populationPeriods: [PopulationPeriod] = []
    /// The allocation year of need weights each period of the need-weighted indicators is over.
    private(set) var needAllocationPeriods: [NeedAllocationPeriod] = []
    /// Each ICS's overall trend row by indicator and period.
    private var icbTrends: [Key: TrendAgainstBaseline] = [:]
    private var englandTrends: [Key: TrendAgainstBaseline] = [:]
    private(set) var headlines: [HeadlineFact] = []
    private(set) var vintages: [ReferenceKind: ReferenceVintage] = [:]
    private(set) var files: [IngestedFile] = []
    /// For sources counted by provider: each period's unattributed events (docs/DATA.md, "Counts by provider").
    private(set) var attribution: [AttributionCoverage] = []
    /// Rows ingest set aside, by source and reason (as kept: up to 100,000 per file; the file totals are
    /// `IngestedFile.rowsQuarantined`).
    private(set) var setAside: [String: [QuarantineReason: Int]] = [:]
    /// What rows set aside for an unknown place counted, by source (docs/DATA.md, "Rows set aside").
    private(set) var setAsideCounts: [String: [SetAsideCount]] = [:]
    /// Each indicator's records and those suppressed at source, by period over all ICSs (docs/DATA.md,
    /// "Suppressed at source").
    private(set) var suppressedAtSource: [String: [String: (records: Double, suppressed: Double)]] = [:]

    /// A lookup key: indicator, period, geography, breakdown type and index (unused parts at their defaults).
    struct Key: Hashable {
        var indicator: String
        var period: String
        var level: GeographyLevel = .icb
        var code: String
        var type: BreakdownType = .all
        var index: Int = 0
    }

    /// The reason published beside a count its source does not publish (a value published without counts).
    static let countsNotPublished = "counts_not_published_by_source"

    init(_ db: Database, control: DisclosureControl) throws {
        // Whose deprivation each source's quintiles are, from the grain ingest read it at.
        let sources = Dictionary(try IngestedSource.fetchAll(db).map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        definitions = try IndicatorDefinition.fetchAll(db, orderedBy: [.indicator]).map { record in
            var definition = ReportDefinition(record)
            definition.deprivationBasis = sources[record.source]?.grain.profile.deprivationBasis ?? .areaOfResidence
            definition.publishedWithoutCounts = sources[record.source]?.kind == .value
            return definition
        }
        var parentOfPlace: [String: String] = [:]
        for record in try IndicatorPlace.fetchAll(db, orderedBy: [.icbCode, .placeCode]) {
            placesOfIcb[record.icbCode, default: []].append(Place(code: record.placeCode, name: record.placeName, icb: record.icbCode))
            parentOfPlace[record.placeCode] = record.icbCode
        }
        var periodSets: [String: Set<String>] = [:]
        let cursor = try IndicatorValue.fetchCursor(db)
        while let row = try cursor.next() {
            periodSets[row.indicator, default: []].insert(row.period)
            let national = row.level == .england
            // Deciles, sexes and detailed ethnic categories below England are published nowhere: only whether their counts would be hidden is
            // kept (a region's figures are withheld in such a period), not the values — two thirds of all rows,
            // whose weight grew with every period (docs/ARCHITECTURE.md, "Report memory").
            // A decile published without counts is kept: an ICS's SII over deciles is fitted on it (docs/METHODS.md §12).
            let decileWithoutCounts = row.breakdown == .imdDecile && row.method == .published
            if !national, !decileWithoutCounts, row.breakdown == .imdDecile || row.breakdown == .sex || row.breakdown == .ethnicCategory {
                let hides =
                    row.withheld == .suppressedAtSource
                    || [row.numerator, row.denominator].contains { control.count($0, national: false).action?.hidesValue == true }
                if hides { unpublishedHidden.insert(Key(indicator: row.indicator, period: row.period, code: "")) }
                continue
            }
            // A partial total (a record suppressed at source) is not a count: it is published as withheld,
            // with a proportion's denominator, which may be the partial one (docs/DATA.md).
            let partial = row.withheld == .suppressedAtSource
            let notACount = PublishedCell.hidden(.withheld, reason: WithheldReason.suppressedAtSource.publishedCode)
            // A value its source publishes without counts has none to show: said so in each count's cell (docs/DATA.md,
            // "Values without counts").
            let unpublished = PublishedCell.hidden(.withheld, reason: Self.countsNotPublished)
            let numerator =
                row.numerator == nil ? unpublished : partial ? notACount : control.count(row.numerator, national: national)
            let denominator =
                row.denominator == nil
                ? unpublished : partial && row.statistic == .proportion ? notACount : control.count(row.denominator, national: national)
            let stored = StoredValue(
                value: row.value, lower95: row.lower95, upper95: row.upper95, lower998: row.lower998, upper998: row.upper998, withheld: row.withheld)
            var value = ControlledValue(
                indicator: row.indicator, period: row.period, level: row.level, code: row.code, name: row.name, breakdownType: row.breakdown,
                breakdownIndex: row.breakdownIndex, numerator: numerator, denominator: denominator,
                estimate: row.numerator == nil
                    ? control.asPublished(method: row.statistic.method, multiplier: row.multiplier, national: national, stored: stored)
                    : control.derived(
                        method: row.statistic.method, multiplier: row.multiplier, national: national, numerator: numerator, denominator: denominator,
                        stored: stored),
                unit: row.unit, rawDenominator: row.denominator, parent: row.level == .place ? parentOfPlace[row.code] : nil,
                fromNationalRows: row.fromNationalRows, rawNumerator: row.numerator)
            value.quantilePopulation = row.quantilePopulation
            values[Key(indicator: row.indicator, period: row.period, level: row.level, code: row.code, type: row.breakdown, index: row.breakdownIndex)] =
                value
        }
        periods = periodSets.mapValues { $0.sorted() }
        let geography = try GeographyProfile.fetchAll(db, orderedBy: [.level, .code])
        regions = geography.filter { $0.level == .region }.map { ($0.code, $0.name) }
        for profile in geography where profile.level == .icb {
            icbs.append(Icb(ods: profile.code, ons: profile.onsCode, name: profile.name, region: profile.regionName))
            profiles[profile.code] = profile
        }
        for row in try InequalityIndex.fetchAll(db) {
            inequality[Key(indicator: row.indicator, period: row.period, level: row.level, code: row.code, type: row.quantileType.breakdownType)] = row
        }
        for row in try QuintileGap.fetchAll(db) {
            gaps[Key(indicator: row.indicator, period: row.period, level: row.level, code: row.code)] = row
        }
        for row in try ReferenceGroupGap.fetchAll(db) {
            referenceGaps[Key(indicator: row.indicator, period: row.period, level: row.level, code: row.code, type: row.breakdown, index: row.breakdownIndex)] =
                row
        }
        for row in try EnglandComparison.fetchAll(db) {
            comparisons[Key(indicator: row.indicator, period: row.period, code: row.icbCode, type: row.breakdown, index: row.breakdownIndex)] = row
        }
        for row in try PlaceComparison.fetchAll(db) {
            placeComparisons[Key(indicator: row.indicator, period: row.period, level: .place, code: row.placeCode)] = row
        }
        trends = try TrendAgainstBaseline.fetchAll(db).sorted {
            ($0.indicator, $0.period, min($0.level.order, 2), $0.code, $0.breakdown.rawValue, $0.breakdownIndex)
                < ($1.indicator, $1.period, min($1.level.order, 2), $1.code, $1.breakdown.rawValue, $1.breakdownIndex)
        }
        for row in trends where row.breakdown == .all {
            let key = Key(indicator: row.indicator, period: row.period, level: row.level, code: row.code)
            switch row.level {
            case .icb: icbTrends[key] = row
            case .england: englandTrends[key] = row
            case .region, .place: break
            }
        }
        headlines = try HeadlineFact.fetchAll(db).sorted {
            ($0.indicator, $0.period, $0.kind.rawValue, $0.rank) < ($1.indicator, $1.period, $1.kind.rawValue, $1.rank)
        }
        for row in try ReferenceVintage.fetchAll(db) { vintages[row.kind] = row }
        files = try IngestedFile.fetchAll(db, orderedBy: [.source, .path])
        attribution = try AttributionCoverage.fetchAll(db, orderedBy: [.dataset, .period])
        populationPeriods = try PopulationPeriod.fetchAll(db, orderedBy: [.period])
        needAllocationPeriods = try NeedAllocationPeriod.fetchAll(db, orderedBy: [.period])
        let quarantined = try QuarantinedRow.fetchCursor(db)
        while let row = try quarantined.next() { setAside[row.source, default: [:]][row.reason, default: 0] += 1 }
        for row in try SetAsideCount.fetchAll(db, orderedBy: [.source, .period, .reason]) { setAsideCounts[row.source, default: []].append(row) }
        for row in try IndicatorDataQuality.fetchAll(db) {
            var total = suppressedAtSource[row.indicator, default: [:]][row.period] ?? (0, 0)
            total.records += Double(row.records)
            total.suppressed += Double(row.records) * row.shareSuppressedAtSource
            suppressedAtSource[row.indicator, default: [:]][row.period] = total
        }
    }

    /// Every controlled cell, for what England's own rows leave over the ICSs' (``EnglandRemainders``).
    var controlledValues: Dictionary<Key, ControlledValue>.Values { values.values }

    /// Lets disclosure control change the controlled cells (complementary suppression hides more of them).
    mutating func controlValues<Result>(_ body: (inout [Key: ControlledValue]) throws -> Result) rethrows -> Result { try body(&values) }

    /// Each indicator's arithmetic, for disclosure control (docs/DISCLOSURE.md).
    var arithmetic: [String: IndicatorArithmetic] {
        Dictionary(
            uniqueKeysWithValues: definitions.map { definition in
                let counted = "\(definition.source)|\(definition.ageFrom.map(String.init) ?? "")|\(definition.ageTo.map(String.init) ?? "")"
                return (definition.id, IndicatorArithmetic(statistic: definition.statistic, multiplier: definition.multiplier, counted: counted))
            })
    }

    func value(
        _ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String,
        _ type: BreakdownType = .all, _ index: Int = 0
    ) -> ControlledValue? {
        values[Key(indicator: indicator, period: period, level: level, code: code, type: type, index: index)]
    }

    /// England's cell.
    func england(_ indicator: String, _ period: String, _ type: BreakdownType = .all, _ index: Int = 0) -> ControlledValue? {
        value(indicator, period, .england, GeographyLevel.englandCode, type, index)
    }

    /// Gives each indicator its configured headline phrase and comparison policy (configuration, not data).
    mutating func usePhrases(_ indicators: [IndicatorConfig]) {
        for index in definitions.indices {
            let configured = indicators.first { $0.id == definitions[index].id }
            definitions[index].phrase = configured?.phrase
            definitions[index].comparison = configured?.comparison ?? .twoLevel
        }
    }

    func inequality(_ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String, type: QuantileType) -> InequalityIndex? {
        inequality[Key(indicator: indicator, period: period, level: level, code: code, type: type.breakdownType)]
    }

    /// An ICS's overall direction since its baseline, from the values and limits it publishes; not
    /// compared where either is hidden.
    func icbTrendDirection(_ indicator: String, _ period: String, _ icb: String) -> TrendDirection? {
        guard let row = icbTrends[Key(indicator: indicator, period: period, code: icb)] else { return nil }
        guard let change = publishedChange(row) else { return .notCompared }
        return change.direction
    }

    /// A trend row's change below England from published figures only (docs/DISCLOSURE.md, "Figures
    /// derived from counts"): latest minus baseline value as published, its limits by MOVER from their
    /// published limits, its direction by the indicator's polarity; nil where a value or its limits is not
    /// published.
    func publishedChange(_ row: TrendAgainstBaseline) -> (interval: ChangeInterval, direction: TrendDirection)? {
        func published(_ period: String) -> (value: Double, lower: Double, upper: Double)? {
            guard let cell = value(row.indicator, period, row.level, row.code, row.breakdown, row.breakdownIndex), let shown = cell.shown,
                let lower = cell.lower95, let upper = cell.upper95
            else { return nil }
            return (shown, lower, upper)
        }
        guard let latest = published(row.period), let baseline = published(row.baselinePeriod),
            let polarity = definitions.first(where: { $0.id == row.indicator })?.polarity
        else { return nil }
        let interval = ChangeInterval.difference(latest: latest, baseline: baseline)
        return (interval, TrendDirection(interval, polarity: polarity))
    }

    /// Indicator × periods in which some count below England is hidden (primary or complementary), or
    /// with `england`, some count of England's (complementary only: docs/DISCLOSURE.md).
    func periodsWithHiddenCounts(england: Bool = false) -> Set<Key> {
        var result: Set<Key> = england ? [] : unpublishedHidden
        for value in values.values where (value.level == .england) == england {
            // A count its source never published hides nothing a sum could narrow.
            if [value.numerator, value.denominator].contains(where: { $0.action?.hidesValue == true && $0.reason != .some(Self.countsNotPublished) }) {
                result.insert(Key(indicator: value.indicator, period: value.period, code: ""))
            }
        }
        return result
    }

    func gap(_ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String) -> QuintileGap? {
        gaps[Key(indicator: indicator, period: period, level: level, code: code)]
    }

    func referenceGap(_ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String, _ type: BreakdownType, _ index: Int)
        -> ReferenceGroupGap?
    {
        referenceGaps[Key(indicator: indicator, period: period, level: level, code: code, type: type, index: index)]
    }

    func comparison(_ indicator: String, _ period: String, _ icb: String, _ type: BreakdownType = .all, _ index: Int = 0) -> EnglandComparison? {
        comparisons[Key(indicator: indicator, period: period, code: icb, type: type, index: index)]
    }

    /// A place against its ICS (`place_comparison`).
    func placeComparison(_ indicator: String, _ period: String, _ place: String) -> PlaceComparison? {
        placeComparisons[Key(indicator: indicator, period: period, level: .place, code: place)]
    }

    /// The England row of `trend` for everyone, if the period has one.
    func englandTrend(_ indicator: String, _ period: String) -> TrendAgainstBaseline? {
        englandTrends[Key(indicator: indicator, period: period, level: .england, code: GeographyLevel.englandCode)]
    }

    /// SHA-256 over every input and reference file's path and content hash: names the exact inputs.
    var manifestSHA256: String {
        var lines = files.map { "input\t\($0.source)\t\($0.path)\t\($0.sha256)" }
        lines += vintages.keys.map(\.rawValue).sorted().compactMap { kind in
            ReferenceKind(rawValue: kind).flatMap { vintages[$0] }.map { "reference\t\(kind)\t\($0.file)\t\($0.sha256)" }
        }
        return Fingerprint.sha256(Data(lines.joined(separator: "\n").utf8))
    }
}

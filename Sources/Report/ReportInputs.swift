import Checkpoints
import Foundation
import GRDB
import PipelineCore
import Statistics

/// Everything the report stage reads from the checkpoint database, with every indicator cell
/// already passed through disclosure control. Nothing here is published unless a table builder
/// copies it into a ``PublishedCell``.
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
    private var placeComparisons: [Key: Row] = [:]
    /// Region codes and names, in code order.
    private(set) var regions: [(code: String, name: String)] = []
    /// Every controlled cell, by key; complementary suppression updates them (`Disclosure/`).
    private(set) var values: [Key: ControlledValue] = [:]
    /// Resident population (unrounded) by ICB, by ICB × national quintile, and the Core20 share.
    private(set) var icbPopulation: [String: Double] = [:]
    private(set) var icbQuintilePopulation: [String: [Double]] = [:]
    private(set) var icbCore20Share: [String: Double] = [:]
    /// Each ICS's average IMD score, when the IMD summary by ICB is configured.
    private(set) var icbImdScore: [String: Double] = [:]
    private var inequality: [Key: Row] = [:]
    private var gaps: [Key: Row] = [:]
    private var comparisons: [Key: Row] = [:]
    private(set) var trends: [Row] = []
    /// Each ICS's overall trend direction by indicator and period.
    private var icbTrendDirections: [Key: TrendDirection] = [:]
    private var englandTrends: [Key: Row] = [:]
    private(set) var headlines: [Row] = []
    private(set) var vintages: [String: (vintage: String, file: String, sha256: String)] = [:]
    private(set) var files: [(source: String, path: String, sha256: String, rows: Int)] = []

    /// A lookup key: indicator, period, geography, breakdown type and index (unused parts at their defaults).
    struct Key: Hashable {
        var indicator: String
        var period: String
        var level: GeographyLevel = .icb
        var code: String
        var type: BreakdownType = .all
        var index: Int = 0
    }

    init(_ db: Database, control: DisclosureControl) throws {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM indicator_definition ORDER BY indicator_id") {
            definitions.append(
                ReportDefinition(
                    id: row["indicator_id"], title: row["title"], source: row["source"],
                    statistic: try row.decode("statistic"), multiplier: row["multiplier"], unit: row["unit"],
                    polarity: try row.decode("polarity"), ageFrom: row["age_from"], ageTo: row["age_to"],
                    definition: row["definition"],
                    deprivationSplit: (row["breakdowns"] as String? ?? "").split(separator: ",").contains("imd_quintile")))
        }
        for row in try Row.fetchAll(db, sql: "SELECT icb_ods_code, imd_average_score FROM ref_icb_deprivation") {
            icbImdScore[row[0]] = row[1]
        }
        var parentOfPlace: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT place_code, place_name, icb_code FROM indicator_place ORDER BY icb_code, place_code") {
            let place = Place(code: row["place_code"], name: row["place_name"], icb: row["icb_code"])
            placesOfIcb[place.icb, default: []].append(place)
            parentOfPlace[place.code] = place.icb
        }
        var periodSets: [String: Set<String>] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM indicator_value")
        while let row = try cursor.next() {
            let level: GeographyLevel = try row.decode("geography_level")
            let national = level == .england
            let statistic: Statistic = try row.decode("statistic")
            let multiplier: Double = row["multiplier"]
            let numerator = control.count(row["numerator"], national: national)
            let denominator = control.count(row["denominator"], national: national)
            let stored = StoredValue(
                value: row["value"], lower95: row["lcl95"], upper95: row["ucl95"], lower998: row["lcl998"],
                upper998: row["ucl998"], withheld: try row.decodeIfPresent("withheld_reason"))
            let value = ControlledValue(
                indicator: row["indicator_id"], period: row["period"], level: level, code: row["geography_code"],
                name: row["geography_name"], breakdownType: try row.decode("breakdown_type"), breakdownIndex: row["breakdown_index"],
                storedBreakdownValue: row["breakdown_value"], numerator: numerator, denominator: denominator,
                estimate: control.derived(
                    method: statistic.method, multiplier: multiplier, national: national,
                    numerator: numerator, denominator: denominator, stored: stored),
                unit: row["unit"], rawDenominator: row["denominator"], parent: level == .place ? parentOfPlace[row["geography_code"]] : nil)
            values[
                Key(
                    indicator: value.indicator, period: value.period, level: level, code: value.code, type: value.breakdownType,
                    index: value.breakdownIndex)] = value
            periodSets[value.indicator, default: []].insert(value.period)
        }
        periods = periodSets.mapValues { $0.sorted() }
        regions = try Row.fetchAll(db, sql: "SELECT DISTINCT geography_code, geography_name FROM indicator_value WHERE geography_level = 'region' ORDER BY 1")
            .map { ($0[0], $0[1]) }
        icbs = try Row.fetchAll(db, sql: "SELECT * FROM ref_icb ORDER BY icb_ods_code").map {
            Icb(ods: $0["icb_ods_code"], ons: $0["icb_ons_code"], name: $0["icb_name"], region: $0["region_name"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT icb_code, imd_decile, sum(population) FROM ingest_population GROUP BY 1, 2") {
            let code: String = row[0], decile: Int = row[1], population: Double = row[2]
            icbPopulation[code, default: 0] += population
            icbQuintilePopulation[code, default: Array(repeating: 0, count: 5)][(decile - 1) / 2] += population
            if decile <= 2 { icbCore20Share[code, default: 0] += population }
        }
        for (code, core20) in icbCore20Share { icbCore20Share[code] = core20 / max(icbPopulation[code] ?? 1, 1) }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM inequality_index") {
            let type: QuantileType = try row.decode("quantile_type")
            inequality[
                Key(
                    indicator: row["indicator_id"], period: row["period"], level: try row.decode("geography_level"),
                    code: row["geography_code"], type: type.breakdownType)] = row
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM quintile_gap") {
            gaps[Key(indicator: row["indicator_id"], period: row["period"], level: try row.decode("geography_level"), code: row["geography_code"])] = row
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM england_comparison") {
            comparisons[
                Key(
                    indicator: row["indicator_id"], period: row["period"], code: row["icb_code"],
                    type: try row.decode("breakdown_type"), index: row["breakdown_index"])] = row
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM place_comparison") {
            placeComparisons[Key(indicator: row["indicator_id"], period: row["period"], level: .place, code: row["place_code"])] = row
        }
        trends = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM trend ORDER BY indicator_id, period,
                  CASE geography_level WHEN 'england' THEN 0 WHEN 'region' THEN 1 ELSE 2 END, geography_code, breakdown_type, breakdown_index
                """)
        for row in trends {
            let level: GeographyLevel = try row.decode("geography_level"), type: BreakdownType = try row.decode("breakdown_type")
            guard type == .all else { continue }
            let key = Key(indicator: row["indicator_id"], period: row["period"], level: level, code: row["geography_code"])
            switch level {
            case .icb: icbTrendDirections[key] = try row.decode("direction")
            case .england: englandTrends[key] = row
            case .region, .place: break
            }
        }
        headlines = try Row.fetchAll(db, sql: "SELECT * FROM headline_fact ORDER BY indicator_id, period, statement_type, rank")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM ref_vintage") {
            vintages[row["kind"]] = (row["vintage"], row["file"], row["sha256"])
        }
        files = try Row.fetchAll(db, sql: "SELECT source, path, sha256, rows_loaded FROM ingest_file ORDER BY source, path").map {
            ($0[0], $0[1], $0[2], $0[3])
        }
    }

    /// Replaces a controlled cell (complementary suppression hides more of it).
    mutating func update(_ key: Key, _ value: ControlledValue) { values[key] = value }

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

    /// Gives each indicator its configured headline phrase (the words are configuration, not data).
    mutating func usePhrases(_ indicators: [IndicatorConfig]) {
        for index in definitions.indices {
            definitions[index].phrase = indicators.first { $0.id == definitions[index].id }?.phrase
        }
    }

    func inequality(_ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String, type: QuantileType) -> Row? {
        inequality[Key(indicator: indicator, period: period, level: level, code: code, type: type.breakdownType)]
    }

    func icbTrendDirection(_ indicator: String, _ period: String, _ icb: String) -> TrendDirection? {
        icbTrendDirections[Key(indicator: indicator, period: period, code: icb)]
    }

    func gap(_ indicator: String, _ period: String, _ level: GeographyLevel, _ code: String) -> Row? {
        gaps[Key(indicator: indicator, period: period, level: level, code: code)]
    }

    func comparison(_ indicator: String, _ period: String, _ icb: String, _ type: BreakdownType = .all, _ index: Int = 0) -> Row? {
        comparisons[Key(indicator: indicator, period: period, code: icb, type: type, index: index)]
    }

    /// A place against its ICS (`place_comparison`).
    func placeComparison(_ indicator: String, _ period: String, _ place: String) -> Row? {
        placeComparisons[Key(indicator: indicator, period: period, level: .place, code: place)]
    }

    /// The England row of `trend` for everyone, if the period has one.
    func englandTrend(_ indicator: String, _ period: String) -> Row? {
        englandTrends[Key(indicator: indicator, period: period, level: .england, code: GeographyLevel.englandCode)]
    }

    /// SHA-256 over every input and reference file's path and content hash: names the exact inputs.
    var manifestSHA256: String {
        var lines = files.map { "input\t\($0.source)\t\($0.path)\t\($0.sha256)" }
        lines += vintages.keys.sorted().map { "reference\t\($0)\t\(vintages[$0]!.file)\t\(vintages[$0]!.sha256)" }
        return Fingerprint.sha256(Data(lines.joined(separator: "\n").utf8))
    }
}

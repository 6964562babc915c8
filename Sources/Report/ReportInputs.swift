import Foundation
import GRDB
import PipelineCore
import Transform

/// Everything the report stage reads from the checkpoint database, with every indicator cell
/// already passed through disclosure control. Nothing here is published unless a table builder
/// copies it into a ``PublishedCell``.
struct ReportInputs {
    struct Icb { var ods: String; var ons: String; var name: String; var region: String }

    private(set) var definitions: [ReportDefinition] = []
    /// Periods per indicator, ascending.
    private(set) var periods: [String: [String]] = [:]
    private(set) var icbs: [Icb] = []
    /// Region codes and names, in code order.
    private(set) var regions: [(code: String, name: String)] = []
    private var values: [Key: ControlledValue] = [:]
    /// Resident population (unrounded) by ICB, by ICB × national quintile, and the Core20 share.
    private(set) var icbPopulation: [String: Double] = [:]
    private(set) var icbQuintilePopulation: [String: [Double]] = [:]
    private(set) var icbCore20Share: [String: Double] = [:]
    private var inequality: [Key: Row] = [:]
    private var gaps: [Key: Row] = [:]
    private var comparisons: [Key: Row] = [:]
    private(set) var trends: [Row] = []
    /// Each ICS's overall trend direction by indicator and period.
    private var icbTrendDirections: [Key: String] = [:]
    private(set) var headlines: [Row] = []
    private(set) var vintages: [String: (vintage: String, file: String, sha256: String)] = [:]
    private(set) var files: [(source: String, path: String, sha256: String, rows: Int)] = []

    /// A lookup key: indicator, period, geography code, breakdown type and index (unused parts empty).
    struct Key: Hashable {
        var indicator: String
        var period: String
        var code: String
        var type: String = ""
        var index: Int = 0
    }

    init(_ db: Database, control: DisclosureControl) throws {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM indicator_definition ORDER BY indicator_id") {
            guard let polarity = IndicatorConfig.Polarity(rawValue: row["polarity"]) else {
                throw PipelineError(.internal, "indicator_definition holds an unknown polarity", hint: "rerun `soc-pipeline run --from transform`")
            }
            definitions.append(ReportDefinition(id: row["indicator_id"], title: row["title"], source: row["source"],
                                                statistic: row["statistic"], multiplier: row["multiplier"], unit: row["unit"],
                                                polarity: polarity, ageFrom: row["age_from"], ageTo: row["age_to"],
                                                definition: row["definition"]))
        }
        var periodSets: [String: Set<String>] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM indicator_value")
        while let row = try cursor.next() {
            let level: String = row["geography_level"]
            let national = level == "england"
            let statistic: String = row["statistic"]
            let multiplier: Double = row["multiplier"]
            let numerator = control.count(row["numerator"], national: national)
            let denominator = control.count(row["denominator"], national: national)
            let estimate = IntervalEstimate(value: row["value"], lower95: row["lcl95"], upper95: row["ucl95"],
                                            lower998: row["lcl998"], upper998: row["ucl998"], method: .wilson,
                                            withheldReason: row["withheld_reason"])
            let value = ControlledValue(
                indicator: row["indicator_id"], period: row["period"], level: level, code: row["geography_code"],
                name: row["geography_name"], breakdownType: row["breakdown_type"], breakdownIndex: row["breakdown_index"],
                storedBreakdownValue: row["breakdown_value"], numerator: numerator, denominator: denominator,
                estimate: control.derived(statistic: statistic, multiplier: multiplier, national: national,
                                          numerator: numerator, denominator: denominator, estimate: estimate),
                unit: row["unit"], statistic: statistic, rawDenominator: row["denominator"])
            values[Key(indicator: value.indicator, period: value.period, code: value.level + ":" + value.code, type: value.breakdownType, index: value.breakdownIndex)] = value
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
            inequality[Key(indicator: row["indicator_id"], period: row["period"], code: row["geography_code"], type: row["quantile_type"])] = row
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM quintile_gap") {
            gaps[Key(indicator: row["indicator_id"], period: row["period"], code: row["geography_code"])] = row
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM england_comparison") {
            comparisons[Key(indicator: row["indicator_id"], period: row["period"], code: row["icb_code"],
                            type: row["breakdown_type"], index: row["breakdown_index"])] = row
        }
        trends = try Row.fetchAll(db, sql: """
            SELECT * FROM trend ORDER BY indicator_id, period,
              CASE geography_level WHEN 'england' THEN 0 WHEN 'region' THEN 1 ELSE 2 END, geography_code, breakdown_type, breakdown_index
            """)
        for row in trends where (row["geography_level"] as String) == "icb" && (row["breakdown_type"] as String) == "all" {
            icbTrendDirections[Key(indicator: row["indicator_id"], period: row["period"], code: row["geography_code"])] = row["direction"]
        }
        headlines = try Row.fetchAll(db, sql: "SELECT * FROM headline_fact ORDER BY indicator_id, period, statement_type, rank")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM ref_vintage") {
            vintages[row["kind"]] = (row["vintage"], row["file"], row["sha256"])
        }
        files = try Row.fetchAll(db, sql: "SELECT source, path, sha256, rows_loaded FROM ingest_file ORDER BY source, path").map {
            ($0[0], $0[1], $0[2], $0[3])
        }
    }

    func value(_ indicator: String, _ period: String, _ level: String, _ code: String,
               _ type: String = "all", _ index: Int = 0) -> ControlledValue? {
        values[Key(indicator: indicator, period: period, code: level + ":" + code, type: type, index: index)]
    }

    func inequality(_ indicator: String, _ period: String, _ code: String, type: String) -> Row? {
        inequality[Key(indicator: indicator, period: period, code: code, type: type)]
    }

    func icbTrendDirection(_ indicator: String, _ period: String, _ icb: String) -> String? {
        icbTrendDirections[Key(indicator: indicator, period: period, code: icb)]
    }

    func gap(_ indicator: String, _ period: String, _ code: String) -> Row? { gaps[Key(indicator: indicator, period: period, code: code)] }

    func comparison(_ indicator: String, _ period: String, _ icb: String, _ type: String = "all", _ index: Int = 0) -> Row? {
        comparisons[Key(indicator: indicator, period: period, code: icb, type: type, index: index)]
    }

    /// SHA-256 over every input and reference file's path and content hash: names the exact inputs.
    var manifestSHA256: String {
        var lines = files.map { "input\t\($0.source)\t\($0.path)\t\($0.sha256)" }
        lines += vintages.keys.sorted().map { "reference\t\($0)\t\(vintages[$0]!.file)\t\(vintages[$0]!.sha256)" }
        return Fingerprint.sha256(Data(lines.joined(separator: "\n").utf8))
    }
}

import GRDB
import PipelineCore

/// The transform checkpoint, indexed for lookups by indicator × period × geography × breakdown.
struct IndicatorValues {
    private var rows: [String: IndicatorValue] = [:]
    private(set) var definitions: [IndicatorDefinition] = []
    /// Periods per indicator, ascending.
    private(set) var periods: [String: [String]] = [:]
    /// Geographies in a stable order: England, regions, ICBs.
    private(set) var geographies: [(level: String, code: String, name: String)] = []

    static func key(_ indicator: String, _ period: String, _ level: String, _ code: String, _ type: String, _ index: Int) -> String {
        "\(indicator)|\(period)|\(level)|\(code)|\(type)|\(index)"
    }

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM indicator_definition ORDER BY indicator_id") {
            guard let polarity = IndicatorConfig.Polarity(rawValue: row["polarity"]) else {
                throw PipelineError(.internal, "indicator_definition holds an unknown polarity", hint: "rerun `soc-pipeline run --stage transform`")
            }
            definitions.append(IndicatorDefinition(id: row["indicator_id"], title: row["title"], statistic: row["statistic"],
                                                   multiplier: row["multiplier"], unit: row["unit"], polarity: polarity))
        }
        var periodSets: [String: Set<String>] = [:]
        var seen: Set<String> = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT * FROM indicator_value ORDER BY CASE geography_level WHEN 'england' THEN 0 WHEN 'region' THEN 1 ELSE 2 END,
                   geography_code, indicator_id, period, breakdown_type, breakdown_index
            """)
        while let row = try cursor.next() {
            let value = IndicatorValue(
                indicator: row["indicator_id"], period: row["period"], level: row["geography_level"], code: row["geography_code"],
                name: row["geography_name"], breakdownType: row["breakdown_type"], breakdownIndex: row["breakdown_index"],
                numerator: row["numerator"], denominator: row["denominator"], value: row["value"], lower95: row["lcl95"],
                upper95: row["ucl95"], lower998: row["lcl998"], upper998: row["ucl998"], statistic: row["statistic"],
                multiplier: row["multiplier"], unit: row["unit"], withheldReason: row["withheld_reason"])
            rows[Self.key(value.indicator, value.period, value.level, value.code, value.breakdownType, value.breakdownIndex)] = value
            periodSets[value.indicator, default: []].insert(value.period)
            if seen.insert("\(value.level)|\(value.code)").inserted {
                geographies.append((value.level, value.code, value.name))
            }
        }
        periods = periodSets.mapValues { $0.sorted() }
    }

    func value(_ indicator: String, _ period: String, _ level: String, _ code: String,
               _ type: String = "all", _ index: Int = 0) -> IndicatorValue? {
        rows[Self.key(indicator, period, level, code, type, index)]
    }

    /// Quantile rows 1…K in numeric order (nil where a row is absent).
    func quantiles(_ indicator: String, _ period: String, _ level: String, _ code: String, type: String) -> [IndicatorValue?] {
        let count = type == "imd_quintile" ? 5 : 10
        return (1...count).map { value(indicator, period, level, code, type, $0) }
    }
}

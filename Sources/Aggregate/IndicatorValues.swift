import Checkpoints
import GRDB
import PipelineCore

/// The transform checkpoint, indexed by indicator × period × geography × breakdown.
struct IndicatorValues {
    /// Identifies one `indicator_value` row.
    struct Key: Hashable {
        var indicator: String
        var period: String
        var level: GeographyLevel
        var code: String
        var type: BreakdownType = .all
        var index: Int = 0
    }

    /// A geography, in the stable order England, regions, ICBs.
    struct Geography {
        var level: GeographyLevel
        var code: String
        var name: String
    }

    static let england = Geography(level: .england, code: GeographyLevel.englandCode, name: "England")

    private var rows: [Key: IndicatorValue] = [:]
    private(set) var definitions: [IndicatorDefinition] = []
    /// Periods per indicator, ascending.
    private(set) var periods: [String: [String]] = [:]
    private(set) var geographies: [Geography] = []
    /// Each ICS's places (sub-ICB locations), by ICB code, in code order (docs/DATA.md, "Places").
    private(set) var placesOfIcb: [String: [Geography]] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM indicator_definition ORDER BY indicator_id") {
            definitions.append(
                IndicatorDefinition(
                    id: row["indicator_id"], title: row["title"], statistic: try row.decode("statistic"),
                    multiplier: row["multiplier"], unit: row["unit"], polarity: try row.decode("polarity")))
        }
        var periodSets: [String: Set<String>] = [:]
        var seen: Set<String> = []
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT * FROM indicator_value ORDER BY CASE geography_level WHEN 'england' THEN 0 WHEN 'region' THEN 1 ELSE 2 END,
                       geography_code, indicator_id, period, breakdown_type, breakdown_index
                """)
        while let row = try cursor.next() {
            let key = Key(
                indicator: row["indicator_id"], period: row["period"], level: try row.decode("geography_level"),
                code: row["geography_code"], type: try row.decode("breakdown_type"), index: row["breakdown_index"])
            let value = IndicatorValue(
                key: key, name: row["geography_name"], numerator: row["numerator"], denominator: row["denominator"], value: row["value"],
                lower95: row["lcl95"], upper95: row["ucl95"], lower998: row["lcl998"], upper998: row["ucl998"],
                multiplier: row["multiplier"], withheld: try row.decodeIfPresent("withheld_reason"))
            rows[key] = value
            periodSets[key.indicator, default: []].insert(key.period)
            // Places are compared with their ICS only (``PlaceComparisonTable``).
            if key.level != .place, seen.insert("\(key.level.rawValue)|\(key.code)").inserted {
                geographies.append(Geography(level: key.level, code: key.code, name: value.name))
            }
        }
        periods = periodSets.mapValues { $0.sorted() }
        for row in try Row.fetchAll(db, sql: "SELECT place_code, place_name, icb_code FROM indicator_place ORDER BY icb_code, place_code") {
            placesOfIcb[row["icb_code"], default: []].append(Geography(level: .place, code: row["place_code"], name: row["place_name"]))
        }
    }

    func value(_ indicator: String, _ period: String, _ geography: Geography, _ type: BreakdownType = .all, _ index: Int = 0) -> IndicatorValue? {
        rows[Key(indicator: indicator, period: period, level: geography.level, code: geography.code, type: type, index: index)]
    }

    /// Quantile rows 1…K in numeric order (nil where a row is absent).
    func quantiles(_ indicator: String, _ period: String, _ geography: Geography, type: QuantileType) -> [IndicatorValue?] {
        (1...type.count).map { value(indicator, period, geography, type.breakdownType, $0) }
    }

    /// The baseline period of an indicator: the configured one when the data has it, else the earliest.
    func baseline(_ indicator: String, configured: String?) -> String? {
        let periods = periods[indicator] ?? []
        return configured.flatMap { periods.contains($0) ? $0 : nil } ?? periods.first
    }
}

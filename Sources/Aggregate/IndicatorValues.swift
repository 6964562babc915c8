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
    /// Periods per indicator, ascending (every period, also those whose values are not read).
    private(set) var periods: [String: [String]] = [:]
    /// What this run computes of each indicator (``AggregatePlan``); every period where no plan is given.
    private var plan: [String: AggregatePlan.Indicator]?
    private(set) var geographies: [Geography] = []
    /// Each ICS's places (sub-ICB locations), by ICB code, in code order (docs/DATA.md, "Places").
    private(set) var placesOfIcb: [String: [Geography]] = [:]

    /// Reads every value, or, with `plan`, only those of the periods it needs (``AggregatePlan/Indicator/loaded``).
    init(_ db: Database, definitions: [IndicatorDefinition], plan: [String: AggregatePlan.Indicator]? = nil) throws {
        self.definitions = definitions
        self.plan = plan
        var periodSets: [String: Set<String>] = [:]
        var seen: Set<Key> = []
        // England first, then regions, then ICBs, each by code: the order geographies are written in. Sorted by
        // SQLite and read through a cursor, so only the index is held — not the rows twice more, as a fetched
        // and sorted array were (docs/ARCHITECTURE.md, "Report memory").
        let levelOrder = "CASE geography_level " + GeographyLevel.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.order)" }.joined(separator: " ") + " END"
        var request = IndicatorValue.all()
        if let plan {
            let wanted = plan.sorted { $0.key < $1.key }.filter { !$0.value.loaded.isEmpty }
            let clause = wanted.map { "(indicator_id = ? AND period IN (\($0.value.loaded.map { _ in "?" }.joined(separator: ", "))))" }
            let arguments = wanted.flatMap { [$0.key] + $0.value.loaded.sorted() }
            request = request.filter(sql: clause.isEmpty ? "0" : clause.joined(separator: " OR "), arguments: StatementArguments(arguments))
        }
        let all = try request.order(sql: "\(levelOrder), geography_code, indicator_id, period, breakdown_type, breakdown_index").fetchCursor(db)
        while let value = try all.next() {
            let key = value.key
            rows[key] = value
            periodSets[key.indicator, default: []].insert(key.period)
            // Places are compared with their ICS only (``PlaceComparisonTable``).
            if key.level != .place, seen.insert(Key(indicator: "", period: "", level: key.level, code: key.code)).inserted {
                geographies.append(Geography(level: key.level, code: key.code, name: value.name))
            }
        }
        periods = plan?.mapValues(\.periods) ?? periodSets.mapValues { $0.sorted() }
        for place in try IndicatorPlace.fetchAll(db, orderedBy: [.icbCode, .placeCode]) {
            placesOfIcb[place.icbCode, default: []].append(Geography(level: .place, code: place.placeCode, name: place.placeName))
        }
    }

    /// The periods whose rows in the per-period tables this run writes.
    func written(_ indicator: String) -> [String] {
        let all = periods[indicator] ?? []
        return plan.map { plan in all.filter { plan[indicator]?.written.contains($0) == true } } ?? all
    }

    /// The periods whose trend rows this run writes.
    func trended(_ indicator: String) -> Set<String> {
        plan.map { $0[indicator]?.trended ?? [] } ?? Set(periods[indicator] ?? [])
    }

    /// The periods whose SII this run fits (those written, trended, the baseline and the latest).
    func fitted(_ indicator: String) -> Set<String> {
        plan.map { $0[indicator]?.fitted ?? [] } ?? Set(periods[indicator] ?? [])
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

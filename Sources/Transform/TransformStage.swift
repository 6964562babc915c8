public import Checkpoints
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
        // The values this run replaces, for the "what changed" digest.
        var previous: [String: String] = [:]
        let old = try Row.fetchCursor(
            db,
            sql: """
                SELECT indicator_id, period, geography_level, geography_code, breakdown_type, breakdown_index, value FROM indicator_value
                """)
        while let row = try old.next() {
            previous[ChangeLog.subject(row[0], row[1], row[2] as GeographyLevel, row[3], row[4] as BreakdownType, row[5])] =
                ChangeLog.text(row[6]) ?? "withheld"
        }
        let hadCheckpoint = !previous.isEmpty
        let changes = try ChangeLog(db, runID: context.runID, stage: .transform)
        for table in ["indicator_value", "indicator_data_quality", "indicator_definition", "indicator_place"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let frame = try GeographyFrame(db)
        let coordinates = CubeCoordinates(unitCodes: frame.unitCodes)
        let weights = try Self.standardWeights(db)
        let population = try Self.loadPopulation(db, coordinates: coordinates, unitCount: frame.unitCodes.count)
        // Places need both counts and population by sub-ICB location: LSOA-grain sources, and a
        // population that is not by ICB only.
        let populationHasPlaces = frame.places.contains { place in
            IndicatorCube.byAge(population.numerator, units: place.units, deciles: 1...10, sexes: [0, 1, 2]).contains { $0 > 0 }
        }
        let datasets = Set(try String.fetchAll(db, sql: "SELECT source FROM ingest_source"))

        let values = try BulkInserter(
            db, table: "indicator_value",
            columns: [
                "indicator_id", "period", "geography_level", "geography_code", "geography_name", "breakdown_type", "breakdown_value",
                "breakdown_index", "numerator", "denominator", "value", "lcl95", "ucl95", "lcl998", "ucl998", "statistic", "method",
                "multiplier", "unit", "withheld_reason", "suppressed_at_source_records",
            ])
        let definitions = try BulkInserter(
            db, table: "indicator_definition",
            columns: [
                "indicator_id", "title", "source", "statistic", "multiplier", "unit", "age_from", "age_to", "polarity", "breakdowns", "definition",
            ])
        var notes: [String] = []
        let placeRows = try BulkInserter(db, table: "indicator_place", columns: ["place_code", "place_name", "icb_code"])
        if populationHasPlaces {
            for area in frame.areas where area.level == .icb {
                for place in frame.places where area.units.contains(place.units[0]) {
                    try placeRows.insert(.text(place.code), .text(place.name), .text(area.code))
                }
            }
        }

        // Sources that stop at an 85+ band (docs/DATA.md, "Ages").
        let topBands = Dictionary(
            try Row.fetchAll(db, sql: "SELECT source, top_age_band FROM ingest_source").map { ($0[0] as String, $0[1] as String) },
            uniquingKeysWith: { first, _ in first })
        for indicator in config.indicators {
            guard datasets.contains(indicator.source) else {
                throw PipelineError(
                    .inputMissing, "indicator \(indicator.id): dataset '\(indicator.source)' is not in the ingest checkpoint",
                    hint: "run `soc-pipeline run --stage ingest` after adding the source")
            }
            // A source at ICB grain has no deprivation split: its indicators have ICS and England values
            // only (the configuration refuses IMD breakdowns asked of it; docs/DATA.md, "ICS-level sources").
            let grain = config.sources.first { $0.name == indicator.source }?.grain ?? .lsoa
            let atIcbGrain = !grain.hasDeprivationSplit
            var breakdowns = indicator.breakdowns
            if atIcbGrain { breakdowns.removeAll { $0 == .imdQuintile || $0 == .imdDecile } }
            try definitions.insert(
                .text(indicator.id), .text(indicator.title), .text(indicator.source), .text(indicator.method.rawValue),
                .double(indicator.multiplier), .text(indicator.unit), indicator.ageRange.map { .int(Int64($0.from)) } ?? .null,
                indicator.ageRange?.to.map { .int(Int64($0)) } ?? .null, .text(indicator.polarity.rawValue),
                .text(breakdowns.map(\.rawValue).joined(separator: ",")), indicator.definition.map { .text($0) } ?? .null)
            let cubes = try Self.loadCubes(
                db, indicator: indicator, grain: grain, coordinates: coordinates, unitCount: frame.unitCodes.count)
            // Rows for all ages cannot be standardised or cut to an age range (docs/DATA.md, "Ages").
            if topBands[indicator.source] == "all ages", indicator.ageRange != nil || indicator.method.standardisesByAge {
                throw PipelineError(
                    .usage,
                    "indicators: \(indicator.id) needs ages (\(indicator.ageRange != nil ? "an age range" : "'\(indicator.method.rawValue)'")), but source '\(indicator.source)' gives all-ages rows",
                    hint: "use crude_rate or proportion without ageRange for all-ages data, or deliver the source by age band")
            }
            let calculator = IndicatorCalculator(
                indicator: indicator, standardWeights: weights, population: population,
                mergesTopBands: topBands[indicator.source] == "85+" || config.populationSource.map { topBands[$0.name] == "85+" } == true)
            let method = calculator.method
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
            let allSlices = BreakdownSlice.slices(for: breakdowns)
            let everyone = BreakdownSlice.slices(for: [])
            let places = grain == .lsoa && populationHasPlaces ? frame.places : []
            var withheld = 0
            for (period, cube) in cubes {
                // A source that records no sex (every record `unknown`) gets no sex rows rather than zero rates.
                let slices = cube.recordsSex ? allSlices : allSlices.filter { $0.type != .sex }
                // Places are published overall only (docs/DATA.md, "Places").
                for (area, slice) in frame.areas.flatMap({ area in slices.map { (area, $0) } }) + places.map({ ($0, everyone[0]) }) {
                    let output = calculator.compute(cube, england: cube, units: area.units, slice: slice)
                    let result = output.result, estimate = result.estimate
                    if result.withheld != nil { withheld += 1 }
                    let subject = ChangeLog.subject(indicator.id, period, area.level, area.code, slice.type, slice.index)
                    let now = ChangeLog.text(estimate?.value) ?? "withheld"
                    // Only that a value moved, appeared or disappeared: never the values (they are not
                    // disclosure-controlled here; docs/DISCLOSURE.md).
                    if let before = previous.removeValue(forKey: subject) {
                        if before != now { try changes.record(.valueMoved, subject: subject) }
                    } else if hadCheckpoint {
                        try changes.record(.valueAppeared, subject: subject)
                    }
                    try values.insert(
                        .text(indicator.id), .text(period), .text(area.level.rawValue), .text(area.code), .text(area.name),
                        .text(slice.type.rawValue), .text(slice.value), .int(Int64(slice.index)), .double(result.numerator),
                        .double(result.denominator), Self.number(estimate?.value), Self.number(estimate?.lower95),
                        Self.number(estimate?.upper95), Self.number(estimate?.lower998), Self.number(estimate?.upper998),
                        .text(indicator.method.rawValue), .text((estimate?.method ?? method.defaultIntervalMethod).rawValue),
                        .double(indicator.multiplier), .text(indicator.unit), result.withheld.map { .text($0.rawValue) } ?? .null,
                        .int(Int64(output.suppressedRecords)))
                }
            }
            try Self.writeDataQuality(db, indicator: indicator)
            notes.append("\(indicator.id): \(cubes.count) periods, \(withheld) values withheld")
            context.logger.info("indicator computed", metadata: ["indicator": "\(indicator.id)", "periods": "\(cubes.count)"])
        }
        for subject in previous.keys.sorted() { try changes.record(.valueDisappeared, subject: subject) }
        try FaultInjection.check("transform:after-values")
        let quality = try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_data_quality") ?? 0
        return StageOutcome(
            rowsByTable: [
                "indicator_value": values.rowsInserted, "indicator_definition": definitions.rowsInserted,
                "indicator_data_quality": quality, "indicator_place": placeRows.rowsInserted, "change_log": changes.count,
            ],
            notes: notes)
    }

    static func number(_ value: Double?) -> BulkInserter.Value {
        value.map { .double($0) } ?? .null
    }

    static func standardWeights(_ db: Database) throws -> [Double] {
        let rows = try Row.fetchAll(db, sql: "SELECT band_index, weight FROM ref_standard_population ORDER BY band_index")
        guard rows.count == AgeBand.count else {
            throw PipelineError(.inputMissing, "the ingest checkpoint lacks the standard population", hint: "run `soc-pipeline run --stage ingest`")
        }
        return rows.map { $0["weight"] }
    }

    static func loadPopulation(_ db: Database, coordinates: CubeCoordinates, unitCount: Int) throws -> IndicatorCube {
        var cube = IndicatorCube(unitCount: unitCount)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT sub_icb_code, imd_decile, sex, age_band, sum(population) FROM ingest_population GROUP BY 1, 2, 3, 4
                """)
        while let row = try rows.next() {
            cube.numerator[try coordinates.index(unit: row[0], decile: row[1], sex: row[2], age: row[3])] += row[4]
        }
        return cube
    }

    /// Per period, the dataset's counts in cube form (sorted by period for determinism).
    /// A source at ICB or provider grain has no decile; its counts go into the cube's decile-1 cells, which
    /// only the "all" breakdown reads for such a source. Counts shared out by provider are fractional and
    /// kept so (docs/DATA.md, "Counts by provider").
    static func loadCubes(
        _ db: Database, indicator: IndicatorConfig, grain: SourceConfig.Grain, coordinates: CubeCoordinates, unitCount: Int
    ) throws -> [(String, IndicatorCube)] {
        let proportion = indicator.method.method.counts == .numeratorAndDenominator
        let sql: String
        switch (proportion, !grain.hasDeprivationSplit) {
        case (true, false):
            sql =
                "SELECT period, sub_icb_code, imd_decile, sex, age_band, sum(numerator), sum(denominator), sum(suppressed_records) FROM ingest_proportion_total WHERE dataset = ? GROUP BY 1, 2, 3, 4, 5"
        case (false, false):
            sql =
                "SELECT period, sub_icb_code, imd_decile, sex, age_band, sum(events), 0, sum(suppressed_records) FROM ingest_event_total WHERE dataset = ? GROUP BY 1, 2, 3, 4, 5"
        case (true, true):
            sql =
                "SELECT period, icb_code, 1, sex, age_band, sum(numerator), sum(denominator), sum(suppressed_records) FROM ingest_icb_proportion_total WHERE dataset = ? GROUP BY 1, 2, 4, 5"
        case (false, true):
            sql =
                grain == .provider
                ? "SELECT period, icb_code, 1, sex, age_band, sum(events), 0, sum(suppressed_records) FROM ingest_attributed_event_total WHERE dataset = ? GROUP BY 1, 2, 4, 5"
                : "SELECT period, icb_code, 1, sex, age_band, sum(events), 0, sum(suppressed_records) FROM ingest_icb_event_total WHERE dataset = ? GROUP BY 1, 2, 4, 5"
        }
        var cubes: [String: IndicatorCube] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: [indicator.source])
        while let row = try rows.next() {
            let period: String = row[0]
            let index = try coordinates.index(unit: row[1], decile: row[2], sex: row[3], age: row[4])
            cubes[period, default: IndicatorCube(unitCount: unitCount)].numerator[index] += row[5]
            cubes[period]!.denominator[index] += row[6]
            cubes[period]!.suppressedRecords[index] += row[7]
        }
        return cubes.keys.sorted().map { ($0, cubes[$0]!) }
    }

    static func writeDataQuality(_ db: Database, indicator: IndicatorConfig) throws {
        try db.execute(
            sql: """
                INSERT INTO indicator_data_quality
                  (indicator_id, period, icb_code, records, share_unmapped_lsoa, share_unknown_sex, share_unknown_age, share_suppressed_at_source)
                SELECT ?, period, icb_code, records,
                       CAST(records_unmapped_lsoa AS REAL) / records, CAST(records_unknown_sex AS REAL) / records,
                       CAST(records_unknown_age AS REAL) / records, CAST(records_suppressed_at_source AS REAL) / records
                FROM ingest_data_quality WHERE dataset = ? AND records > 0 ORDER BY period, icb_code
                """, arguments: [indicator.id, indicator.source])
    }
}

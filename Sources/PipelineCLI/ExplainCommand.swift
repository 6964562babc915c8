import ArgumentParser
import Checkpoints
import Foundation
import GRDB
import PipelineCore
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
            guard let definition = try Row.fetchOne(db, sql: "SELECT * FROM indicator_definition WHERE indicator_id = ?", arguments: [indicator]) else {
                let ids = try String.fetchAll(db, sql: "SELECT indicator_id FROM indicator_definition ORDER BY 1")
                throw PipelineError(
                    .usage, "no indicator '\(indicator)' in the transform checkpoint",
                    hint: ClosestMatch.best(for: indicator, among: ids).map { "did you mean '\($0)'?" } ?? "indicators: \(ids.joined(separator: ", "))")
            }
            let period =
                try self.period ?? String.fetchOne(db, sql: "SELECT max(period) FROM indicator_value WHERE indicator_id = ?", arguments: [indicator]) ?? ""
            switch table {
            case .indicatorValue:
                try explainValue(db, definition: definition, period: period)
                try published(db, period: period)
            case .inequalityIndex: try explainIndex(db, definition: definition, period: period)
            }
            try provenance(db, source: definition["source"])
        }
    }

    /// Where the value is published and what disclosure control did to each of its cells.
    private func published(_ db: Database, period: String) throws {
        guard try db.tableExists("soc_suppressed_cells"), let start = Period(label: period).map({ "\(Period(ordinal: $0.firstOrdinal).label)-01" }) else {
            return
        }
        let (type, index) = try slice()
        let england = geography == GeographyLevel.englandCode
        let place: (table: String, key: String)?
        switch (england, type) {
        case (true, .all): place = ("soc_national_by_group", "\(indicator)|\(start)|all|England")
        case (false, .all): place = ("soc_ics_league", "\(indicator)|\(start)|\(geography)")
        case (false, .imdQuintile): place = ("soc_ics_quintile_gap", "\(indicator)|\(start)|\(geography)|\(index)")
        case (true, .imdQuintile), (_, .imdDecile), (_, .sex): place = nil
        }
        guard let place else { return }
        let actions = try Row.fetchAll(
            db,
            sql: """
                SELECT column_name, action, reason_code FROM soc_suppressed_cells WHERE table_name = ? AND row_key = ? ORDER BY column_name
                """, arguments: [place.table, place.key])
        Console.out("\nPublished in \(place.table) (row \(place.key)):")
        if actions.isEmpty { Console.out("  shown as computed (no disclosure action)") }
        for row in actions {
            Console.out("  \((row[0] as String).padding(toLength: 12, withPad: " ", startingAt: 0)) \(row[1] as String) (\(row[2] as String))")
        }
    }

    private func slice() throws -> (type: BreakdownType, index: Int) {
        if breakdown == BreakdownType.all.rawValue { return (.all, 0) }
        let parts = breakdown.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let type = BreakdownType(rawValue: parts[0]) else {
            throw ValidationError("--breakdown must be all, imd_quintile=N, imd_decile=N or sex=male|female")
        }
        if type == .sex { return (.sex, parts[1] == "male" ? 1 : 2) }
        guard let index = Int(parts[1]) else { throw ValidationError("--breakdown \(breakdown): the value must be a number") }
        return (type, index)
    }

    private func explainValue(_ db: Database, definition: Row, period: String) throws {
        let (type, index) = try slice()
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM indicator_value WHERE indicator_id = ? AND period = ? AND geography_code = ? AND breakdown_type = ? AND breakdown_index = ?
                    """, arguments: [indicator, period, geography, type.rawValue, index])
        else {
            throw PipelineError(
                .usage, "no value for \(indicator) \(period) \(geography) \(breakdown)",
                hint: "check the geography code (ICBs by ODS code) and the breakdown")
        }
        let statistic: Statistic = try row.decode("statistic")
        Console.out("\(indicator) — \(definition["title"] as String)")
        Console.out("  \(row["geography_name"] as String) (\(row["geography_level"] as String) \(geography)), \(breakdown), period \(period)")
        Console.out(
            "  value \(Self.show(row["value"])) [95% \(Self.show(row["lcl95"])) to \(Self.show(row["ucl95"])); 99.8% \(Self.show(row["lcl998"])) to \(Self.show(row["ucl998"]))] \(row["unit"] as String), method \(row["method"] as String)"
        )
        if let reason: WithheldReason = try row.decodeIfPresent("withheld_reason") { Console.out("  withheld: \(reason.text) (\(reason.rawValue))") }
        Console.out(
            "  numerator \(Self.show(row["numerator"])), denominator \(Self.show(row["denominator"])), records suppressed at source \(row["suppressed_at_source_records"] as Int)"
        )
        Console.out("formula")
        Console.out("  " + statistic.method.formula(multiplier: Self.multiplierText(row["multiplier"])))
        if let from = definition["age_from"] as Int? {
            Console.out(
                "  ages \(from) to \((definition["age_to"] as Int?).map(String.init) ?? "and over"); a band partly inside counts its population pro rata")
        }
        try bands(db, definition: definition, period: period, type: type, index: index, level: try row.decode("geography_level"))
    }

    /// The counts by age band behind the value, straight from the ingest checkpoint.
    private func bands(_ db: Database, definition: Row, period: String, type: BreakdownType, index: Int, level: GeographyLevel) throws {
        var filters = ["1 = 1"]
        var arguments: [any DatabaseValueConvertible] = []
        switch level {
        case .icb:
            filters.append("icb_code = ?"); arguments.append(geography)
        case .region:
            filters.append("icb_code IN (SELECT icb_ods_code FROM ref_icb WHERE region_ons_code = ?)"); arguments.append(geography)
        case .place:
            filters.append("sub_icb_code = ?"); arguments.append(geography)
        case .england: break
        }
        switch type {
        case .imdQuintile: filters.append("(imd_decile + 1) / 2 = ?"); arguments.append(index)
        case .imdDecile: filters.append("imd_decile = ?"); arguments.append(index)
        case .sex: filters.append("sex = ?"); arguments.append(index == 1 ? "male" : "female")
        case .all: break
        }
        let source: String = definition["source"]
        let proportion = (try definition.decode("statistic") as Statistic).method.counts == .numeratorAndDenominator
        let countSQL =
            proportion
            ? "SELECT age_band, sum(numerator), sum(denominator) FROM ingest_proportion_total WHERE dataset = ? AND period = ? AND \(filters.joined(separator: " AND ")) GROUP BY 1"
            : "SELECT age_band, sum(events), 0 FROM ingest_event_total WHERE dataset = ? AND period = ? AND \(filters.joined(separator: " AND ")) GROUP BY 1"
        var counts: [String: (Int, Int)] = [:]
        for row in try Row.fetchAll(db, sql: countSQL, arguments: StatementArguments([source, period] + arguments)) {
            counts[row[0]] = (row[1], row[2])
        }
        var population: [String: Int] = [:]
        if !proportion {
            for row in try Row.fetchAll(
                db, sql: "SELECT age_band, sum(population) FROM ingest_population WHERE \(filters.joined(separator: " AND ")) GROUP BY 1",
                arguments: StatementArguments(arguments))
            {
                population[row[0]] = row[1]
            }
        }
        let weights = try Row.fetchAll(db, sql: "SELECT age_band, weight FROM ref_standard_population ORDER BY band_index")
        Console.out(proportion ? "by age band: numerator / denominator" : "by age band: events / population / ESP2013 weight")
        for weight in weights {
            let band: String = weight["age_band"]
            let count = counts[band] ?? (0, 0)
            let line = proportion ? "\(count.0) / \(count.1)" : "\(count.0) / \(population[band] ?? 0) / \(Int(weight["weight"] as Double))"
            Console.out("  \(band.padding(toLength: 7, withPad: " ", startingAt: 0)) \(line)")
        }
        if let unknown = counts["unknown"] { Console.out("  unknown age \(unknown.0)\(proportion ? " / \(unknown.1)" : "")") }
    }

    private func explainIndex(_ db: Database, definition: Row, period: String) throws {
        guard let type = breakdown == BreakdownType.all.rawValue ? .imdDecile : QuantileType(rawValue: breakdown) else {
            throw ValidationError("--breakdown must be imd_quintile or imd_decile with --table inequality_index")
        }
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM inequality_index WHERE indicator_id = ? AND period = ? AND geography_code = ? AND quantile_type = ?
                    """, arguments: [indicator, period, geography, type.rawValue])
        else {
            throw PipelineError(.usage, "no inequality index for \(indicator) \(period) \(geography) \(type.rawValue)")
        }
        Console.out("\(indicator) — \(definition["title"] as String): \(type.rawValue) SII/RII for \(geography), period \(period)")
        Console.out(
            "  SII \(Self.show(row["sii"])) [95% \(Self.show(row["sii_lcl95"])) to \(Self.show(row["sii_ucl95"]))], RII \(Self.show(row["rii"])) [95% \(Self.show(row["rii_lcl95"])) to \(Self.show(row["rii_ucl95"]))]"
        )
        if let reason = row["unstable_reason"] as String? { Console.out("  unstable: \(reason)") }
        Console.out("formula")
        Console.out(
            "  weighted least squares of \(row["scale"] as String)(value) on x = mid-point of cumulative population share (\(row["position_basis"] as String) positions), weights = this geography's quantile shares; SII = g⁻¹(β₀+β₁) − g⁻¹(β₀) oriented so positive = disadvantage to the most deprived; 95% limits by \(Self.show(row["ci_method"]))"
        )
        Console.out("quantile rows used (indicator_value)")
        for quantile in try Row.fetchAll(
            db,
            sql: """
                SELECT breakdown_index, value, lcl95, ucl95, denominator FROM indicator_value WHERE indicator_id = ? AND period = ?
                AND geography_code = ? AND breakdown_type = ? ORDER BY breakdown_index
                """, arguments: [indicator, period, geography, type.rawValue])
        {
            Console.out(
                "  \(quantile[0] as Int): value \(Self.show(quantile[1])) [\(Self.show(quantile[2])) to \(Self.show(quantile[3]))], population \(Self.show(quantile[4]))"
            )
        }
    }

    private func provenance(_ db: Database, source: String) throws {
        Console.out("inputs")
        let delivered = try String.fetchOne(db, sql: "SELECT 1 FROM ref_icb WHERE icb_ods_code = ?", arguments: [geography]) != nil
        let files = try Row.fetchAll(
            db,
            sql: """
                SELECT path, sha256, rows_read, rows_loaded, rows_quarantined FROM ingest_file
                WHERE (source = ? AND (? = 0 OR delivered_for_icb = ? OR delivered_for_icb IS NULL)) OR kind = 'population' ORDER BY kind, path
                """, arguments: [source, delivered ? 1 : 0, geography])
        for file in files.prefix(12) {
            Console.out(
                "  \(file["path"] as String)  sha256 \(String((file["sha256"] as String).prefix(16)))…  rows \(file["rows_read"] as Int) read, \(file["rows_loaded"] as Int) loaded, \(file["rows_quarantined"] as Int) quarantined"
            )
        }
        if files.count > 12 { Console.out("  … and \(files.count - 12) more files (table ingest_file)") }
        for vintage in try Row.fetchAll(db, sql: "SELECT kind, vintage, file FROM ref_vintage ORDER BY kind") {
            Console.out("  reference \(vintage["kind"] as String) \(vintage["vintage"] as String): \(vintage["file"] as String)")
        }
        Console.out("runs")
        for checkpoint in try Row.fetchAll(db, sql: "SELECT stage, run_id, completed_at, fingerprint FROM stage_checkpoint ORDER BY completed_at") {
            Console.out(
                "  \(checkpoint["stage"] as String): run \(checkpoint["run_id"] as String) at \(checkpoint["completed_at"] as String), fingerprint \(String((checkpoint["fingerprint"] as String).prefix(12)))"
            )
        }
    }

    /// The multiplier as written in a formula: `100000`, or `2.5` when it has a fraction.
    static func multiplierText(_ multiplier: Double) -> String {
        multiplier == multiplier.rounded() ? String(Int(multiplier)) : String(multiplier)
    }

    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "—"
        case .int64(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(format: "%.4f", number)
        case .string(let text): return text
        case .blob: return "blob"
        }
    }
}

import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

/// The examples under `examples/` run end to end from files in their published shapes, with a value of
/// each checked by hand from the raw files.
@Suite(.serialized)
struct ExamplesTests {
    /// A CSV whose fields may be quoted (`"NHS X, Y AND Z ICB"`, a name over two lines), read by hand for the checks.
    static func csv(_ path: String) throws -> [[String: String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        for character in try String(contentsOfFile: path, encoding: .utf8) {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                record.append(field)
                field = ""
            } else if character.isNewline, !quoted {
                records.append(record + [field])
                (record, field) = ([], "")
            } else {
                field.append(character)
            }
        }
        if !record.isEmpty || !field.isEmpty { records.append(record + [field]) }
        records.removeAll { $0 == [""] }
        // A byte-order mark (Fingertips' and NHS England's exports) is not part of the first column's name.
        var header = records[0]
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// CYP mental-health contacts in March 2025, summed by hand over every ICS folder of `extracts`.
    static func cypContacts(_ extracts: String) throws -> Double {
        var events = 0.0
        for folder in try FileManager.default.contentsOfDirectory(atPath: extracts) {
            for row in try csv("\(extracts)/\(folder)/cyp_mh_contacts.csv") where row["period"] == "2025-03" {
                events += Double(row["events"] ?? "") ?? 0
            }
        }
        return events
    }

    /// People aged 0-17 in a wide ONS population file: ages 0-14 and 3/5 of 15-19 (the 0-17 range cuts
    /// that band, as the pipeline shares it).
    static func childrenInWidePopulation(_ path: String) throws -> Double {
        var population = 0.0
        for row in try csv(path) {
            population += (0..<15).reduce(0) { $0 + (Double(row["age_\($1)"] ?? "") ?? 0) }
            population += 0.6 * (15..<20).reduce(0) { $0 + (Double(row["age_\($1)"] ?? "") ?? 0) }
        }
        return population
    }

    /// The people of an ICS by hand: its LSOAs in the bundled April 2024 lookup, summed in the bundled
    /// mid-2020 population on 2021 LSOAs.
    static func peopleOfIcs(ods: String, ons: String) throws -> (lsoas: Int, people: Int) {
        var lsoas: Set<Substring> = []
        for line in try String(contentsOfFile: Repository.path("reference/icb/2024-04/lsoa_icb.csv"), encoding: .utf8).split(separator: "\n")
        where line.hasSuffix(",\(ods),\(ons)") {
            lsoas.insert(line.prefix(9))
        }
        var people = 0
        for line in try String(contentsOfFile: Repository.path("reference/population/mid-2020-lsoa21/population.csv"), encoding: .utf8)
            .split(separator: "\n") where lsoas.contains(line.prefix(9))
        {
            people += Int(line.split(separator: ",").last ?? "") ?? 0
        }
        return (lsoas.count, people)
    }

    /// The example's checkpoint tables read back through their records unchanged, including `covering`.
    static func expectRecordsRoundTrip(_ path: String, covering tables: [String]) throws {
        let checked = try CheckpointRoundTrip.check(path)
        for (table, rows) in checked.sorted(by: { $0.key < $1.key }) {
            #expect(rows.mismatched == 0, "\(table): \(rows.mismatched) of \(rows.read) rows differ")
        }
        for table in tables { #expect((checked[table]?.read ?? 0) > 0, "\(table) has no rows to check") }
    }

    @Test func theONSPopulationAsPublished() throws {
        let workspace = try TestWorkspace()
        let config = Repository.path("examples/ons-population-wide/pipeline.json")
        let run = try CommandLineRunner.run(["run", "--config", config, "--db", workspace.path("ons.sqlite"), "--output", workspace.path("published")])
        #expect(run.status == 0, "\(run.stderr)")
        // By hand: England's CYP mental-health contacts, 0-17, March 2025 — events over the population aged
        // 0-14 plus 3/5 of 15-19 (the range cuts that band), per 100,000.
        let events = try Self.cypContacts(Repository.path("examples/basis-2011/data-samples/extracts"))
        let population = try Self.childrenInWidePopulation(Repository.path("examples/ons-population-wide/population_lsoa11_mid2020_persons.csv"))
        let (value, sexRows, notes) = try DatabaseQueue(path: workspace.path("ons.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT value FROM indicator_value WHERE indicator_id = 'EIA12' AND period = '2025-03'
                        AND geography_level = 'england' AND breakdown_type = 'all'
                        """),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_value WHERE breakdown_type = 'sex'"),
                try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") ?? ""
            )
        }
        #expect(events == 8_861)
        #expect(abs((value ?? 0) - events / population * 100_000) < 1e-9, "\(String(describing: value)) against \(events / population * 100_000)")
        #expect(sexRows == 0, "a persons-only population offers no sex breakdown")
        #expect(notes.contains("0 hidden counts recoverable"))
    }

    /// ONS's 2011-LSOA population as published, converted onto the 2021 basis of the sample extracts: split
    /// areas are shared out, so England's population is every published row, whole.
    @Test func aPopulationOn2011LSOAsConvertedOntoThe2021Basis() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/ons-lsoa11-population-on-2021-basis")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("c.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // By hand, as for the 2011 example: CYP contacts, 0-17, March 2025, over ages 0-14 and 3/5 of 15-19.
        let events = try Self.cypContacts(Repository.path("data-samples/extracts"))
        let population = try Self.childrenInWidePopulation("\(folder)/population_lsoa11_mid2020_persons.csv")
        let rows = try Self.csv("\(folder)/population_lsoa11_mid2020_persons.csv")
        let (value, converted) = try DatabaseQueue(path: workspace.path("c.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT value FROM indicator_value WHERE indicator_id = 'EIA12' AND period = '2025-03'
                        AND geography_level = 'england' AND breakdown_type = 'all'
                        """),
                try Int.fetchOne(db, sql: "SELECT sum(population) FROM ingest_population")
            )
        }
        #expect(events > 0)
        #expect(abs((value ?? 0) - events / population * 100_000) < 1e-9, "\(String(describing: value)) against \(events / population * 100_000)")
        // Every published person is kept through the conversion.
        #expect(converted == rows.reduce(0) { $0 + (Int($1["all_ages"] ?? "") ?? 0) })
    }

    /// A population delivered at ICB × IMD decile × age band (persons), as the national view needs it.
    @Test func aPopulationAtICBByDecile() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/ons-icb-decile-population")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("d.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let events = try Self.cypContacts(Repository.path("examples/basis-2011/data-samples/extracts"))
        // By hand: ages 0-14 are the bands 0-4, 5-9, 10-14; the 0-17 range takes 3/5 of 15-19.
        var population = 0.0, total = 0
        for row in try Self.csv("\(folder)/derived_icb22_mid2020_persons_by_imd2019_decile_age5.csv") {
            let people = Double(row["population"] ?? "") ?? 0
            total += Int(people)
            switch row["age_band"] {
            case "0-4", "5-9", "10-14": population += people
            case "15-19": population += 0.6 * people
            default: break
            }
        }
        let (value, stored, quintiles) = try DatabaseQueue(path: workspace.path("d.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT value FROM indicator_value WHERE indicator_id = 'EIA12' AND period = '2025-03'
                        AND geography_level = 'england' AND breakdown_type = 'all'
                        """),
                try Int.fetchOne(db, sql: "SELECT sum(population) FROM ingest_population"),
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM indicator_value WHERE geography_level = 'icb' AND breakdown_type = 'imd_quintile'")
            )
        }
        #expect(stored == total && total == 56_550_138)
        #expect(abs((value ?? 0) - events / population * 100_000) < 1e-9, "\(String(describing: value)) against \(events / population * 100_000)")
        #expect((quintiles ?? 0) > 0, "ICS values by quintile come from a population at ICB × decile")
    }

    /// NHS England's dental patients by ICB, as published: one row per ICB and rolling twelve months, no
    /// deprivation split. ICS and England values are published; inequality is said to be unavailable.
    @Test func dentalPatientsByICBAsPublished() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-dental-icb")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("dental.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectRecordsRoundTrip(workspace.path("dental.sqlite"), covering: ["ingest_icb_event_total", "ref_icb_deprivation"])
        // By hand: Norfolk and Waveney (QMM), 12 months to December 2022 — patients from the file's first row
        // for that ICB and month, over the people of its LSOAs (the bundled lookup and population), per 100.
        let rows = try Self.csv("\(folder)/nhse_dental_icb_unique_patients_rolling_12m.csv")
        let patients = try #require(rows.first { $0["period_end_month"] == "2022-12-01" && $0["icb22_ods_code"] == "QMM" }?["any_band_unique_patients"])
        let (lsoaCount, people) = try Self.peopleOfIcs(ods: "QMM", ons: "E54000022")
        let (value, vsEngland, quarantined, notes) = try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT value FROM indicator_value WHERE indicator_id = 'DENT12' AND period = '12m-to-2022-12'
                        AND geography_level = 'icb' AND geography_code = 'QMM' AND breakdown_type = 'all'
                        """),
                try String.fetchOne(db, sql: "SELECT sii_vs_england FROM soc_ics_league WHERE indicator_id = 'DENT12' LIMIT 1"),
                try String.fetchAll(db, sql: "SELECT line || ' ' || reason FROM ingest_quarantine ORDER BY line"),
                try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DENT12' AND item = 'deprivation_split'")
            )
        }
        #expect(lsoaCount > 400 && people > 1_000_000)
        #expect(abs((value ?? 0) - Double(patients)! / Double(people) * 100) < 1e-9, "\(String(describing: value))")
        #expect(vsEngland == "not_available_no_deprivation_split")
        #expect(notes?.hasPrefix("not available for this source's grain") == true)
        // `explain` shows the ICB's patients from the table its grain keeps them in.
        let explain = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("dental.sqlite"), "--indicator", "DENT12", "--geography",
            "QMM", "--period", "12m-to-2022-12",
        ])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("grain icb, from ingest_icb_event_total"), "\(explain.stdout)")
        #expect(explain.stdout.contains("all ages \(patients)\n"), "\(explain.stdout)")
        // The HTML report shows the ecological view in place of the quintile and SII charts, labelled as such.
        let page = try String(contentsOfFile: workspace.path("published/latest/state-of-care.html"), encoding: .utf8)
        #expect(page.contains("id=\"DENT12-ecological\""))
        #expect(!page.contains("id=\"DENT12-sii\"") && !page.contains("id=\"DENT12-quintiles\""))
        #expect(page.components(separatedBy: "<rect x=").count - 1 >= 42, "a point per ICS")
        #expect(page.contains("it says nothing about inequality between people within a system"))
        #expect(page.contains("The ICS&#39;s average IMD 2025 score") || page.contains("The ICS's average IMD 2025 score"), "the ecological view uses IMD 2025")
        #expect(page.contains("12 months to December 2022"))
        // A monthly series gets its time series: England with its interval and the ICSs' range on the
        // index, the system beside England on each profile, one table row per published period.
        let periods = try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT period_start) FROM soc_ics_league WHERE indicator_id = 'DENT12'") ?? 0
        }
        #expect(periods > 40)
        let series = try #require(page.components(separatedBy: "id=\"DENT12-time-series\"").dropFirst().first?.components(separatedBy: "</figure>").first)
        #expect(series.contains("Range of ICSs") && series.contains("England"))
        #expect(series.components(separatedBy: "<tr>").count - 2 == periods, "a row per period under the header")
        let norfolk = try String(contentsOfFile: workspace.path("published/latest/ics/QMM.html"), encoding: .utf8)
        #expect(norfolk.contains("id=\"DENT12-time-series-QMM\""))
        // The real data's map, matrix and profiles: one value map (no inequality map without a split), 42 areas
        // and London's five again, each linking to a profile that exists.
        let map = try String(contentsOfFile: workspace.path("published/latest/map.html"), encoding: .utf8)
        #expect(map.components(separatedBy: "<use class=\"area\"").count - 1 == 42 + 5)
        #expect(!map.contains("id=\"map-DENT12-sii\""))
        #expect(page.contains("id=\"matrix-values\"") && !page.contains("id=\"matrix-sii\""))
        let profiles = try FileManager.default.contentsOfDirectory(atPath: workspace.path("published/latest/ics"))
        #expect(profiles.count == 42 && profiles.contains("QMM.html"))
        try SampleReportChecks.tablesReadAsTyped(workspace.path("published/latest"))
        #expect(page.contains("id=\"DENT12-funnel\""), "the funnel of a real ICB-level proportion")
        // Without the overdispersion adjustment all 42 ICSs fall outside the 99.8% limits; the example
        // configures it, so the funnel separates the few that stand out.
        let funnel = try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT min(funnel_tau2) AS tau2, sum(funnel_band IN ('high_998', 'low_998')) AS outside FROM soc_ics_league
                    WHERE period_start = (SELECT max(period_start) FROM soc_ics_league)
                    """)
        }
        #expect((funnel?["tau2"] as Double?).map { $0 > 0 } == true && (funnel?["outside"] as Int?).map { $0 < 10 } == true, "\(String(describing: funnel))")
        #expect(page.contains("widened for overdispersion"))
        // One verdict per value: the example judges by its funnel, so the overview matrix shades each ICS
        // by its funnel band — as many "similar" as within the funnel (once all 42 were red or green by the
        // interval test beside a funnel with 38 inside) — and a profile names the interval test only as
        // secondary.
        let bands = try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT funnel_band FROM soc_ics_league WHERE period_start = (SELECT max(period_start) FROM soc_ics_league)")
        }
        let matrix = try #require(page.components(separatedBy: "id=\"matrix-values\"").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(matrix.components(separatedBy: "<td class=\"similar").count - 1 == bands.filter { $0 == "within" }.count, "\(bands)")
        #expect(bands.filter { $0 == "within" }.count > 30)
        let somerset = try String(contentsOfFile: workspace.path("published/latest/ics/QSL.html"), encoding: .utf8)
        #expect(
            somerset.contains("By its confidence interval, a secondary test here (this page&#39;s verdict is the funnel band)")
                || somerset.contains("By its confidence interval, a secondary test here (this page's verdict is the funnel band)"))
        #expect(!somerset.contains("By the funnel plot, a secondary test"))
        // What this says: the system's verdict in words, by the one policy, first on the page.
        #expect(somerset.contains("id=\"summary\"") && (somerset.contains("Somerset&#39;s residents") || somerset.contains("Somerset's residents")))
        // The file repeats three ICBs in two months with a blank region and small counts: set aside, by line,
        // and said in the publication beside every value of the indicator (counts only).
        #expect(
            quarantined == ["2186 duplicate_key", "2187 duplicate_key", "2188 duplicate_key", "2231 duplicate_key", "2232 duplicate_key", "2233 duplicate_key"])
        let setAside = try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DENT12' AND item = 'rows_set_aside'")
        }
        #expect(setAside?.hasPrefix("6 rows of the source were set aside at ingest and are in no value (6 duplicate_key)") == true, "\(setAside ?? "none")")
        #expect(page.contains("6 rows of the source were set aside at ingest"))
        #expect(try String(contentsOfFile: workspace.path("published/latest/ics/QMM.html"), encoding: .utf8).contains("6 rows of the source were set aside"))
        try RealPublicationBrowserChecks.expectReadable(workspace.path("published/latest"), indicator: "DENT12", profile: "QMM")
    }

    /// NHS Talking Therapies by ICB × decile, one row per measure: every ICB × decile recovery rate of the
    /// three years is the file's recovery ÷ (finished − not at caseness), and agrees with the publisher's
    /// own whole percentage within what its rounding of counts to 5 allows; England's figures are the
    /// publisher's own England rows, referrals exactly and recovery to its printed precision.
    @Test func talkingTherapiesByDecileAsPublished() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-talking-therapies")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("tt.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let file = try Self.csv("\(folder)/nhse_talking_therapies_annual_icb_england_by_imd_decile_and_ethnicity_2017_2025.csv")
            .filter { $0["variable_type"] == "Indices of Deprivation Decile" }
        struct Key: Hashable { var org: String, period: String, label: String }
        var counts: [Key: [String: String]] = [:], percentages: [Key: Double] = [:]
        for row in file
        where row["measure_name"] == "recovery" || row["measure_name"] == "finished_course_treatment" || row["measure_name"] == "not_at_caseness" {
            let key = Key(org: row["org_code"]!, period: row["reporting_period"]!, label: row["variable_a"]!)
            if row["measure_statistic"] == "count" { counts[key, default: [:]][row["measure_name"]!] = row["value"]! }
            if row["measure_statistic"] == "percentage", row["measure_name"] == "recovery" { percentages[key] = Double(row["value"]!) }
        }
        let values = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT period, geography_level, geography_code, breakdown_index, value, withheld_reason FROM indicator_value
                    WHERE indicator_id = 'TTREC' AND breakdown_type = 'imd_decile' AND geography_level IN ('icb', 'england')
                    """)
        }
        var checked = 0, withheld = 0
        for row in values where row["geography_level"] == "icb" {
            // The product's decile 1 is the most deprived; the publisher's '10 Most deprived'.
            let decile: Int = row["breakdown_index"]
            let number = 11 - decile
            let org: String = row["geography_code"], period: String = row["period"]
            let label = try #require(counts.keys.first { $0.org == org && $0.period == period && $0.label.hasPrefix(String(format: "%02d ", number)) }?.label)
            let key = Key(org: org, period: period, label: label)
            let measures = try #require(counts[key])
            guard let r = measures["recovery"].flatMap(Double.init), let f = measures["finished_course_treatment"].flatMap(Double.init),
                let n = measures["not_at_caseness"].flatMap(Double.init)
            else {
                #expect(row["withheld_reason"] == "suppressed_at_source", "\(key): a suppressed measure withholds the cell, never 0")
                withheld += 1
                continue
            }
            let value = try #require(row["value"] as Double?, "\(key)")
            #expect(abs(value - r / (f - n) * 100) < 1e-9, "\(key)")
            // The publisher's percentage is of the unrounded counts, each within 2.5 of the published one.
            let corners = [(r - 2.5, f + 2.5, n - 2.5), (r + 2.5, f - 2.5, n + 2.5)].map { max($0.0, 0) / max($0.1 - max($0.2, 0), 1) * 100 }
            let published = try #require(percentages[key], "\(key)")
            #expect(published + 0.5 >= corners[0] - 1e-9 && published - 0.5 <= corners[1] + 1e-9, "\(key): \(value) against the published \(published)")
            checked += 1
        }
        #expect(checked + withheld == 3 * 42 * 10 && checked > 1_200 && withheld > 0, "\(checked) cells checked, \(withheld) withheld")
        // England is the publisher's own England rows (docs/DATA.md, "England as published"): cell by cell, every
        // year, each decile's and 'Not stated''s referrals are the publisher's count exactly, and every recovery rate
        // — everyone, each decile, Not stated — is the publisher's percentage to its printed 1 dp.
        let full = try Self.csv("\(folder)/nhse_talking_therapies_annual_icb_england_by_imd_decile_and_ethnicity_2017_2025.csv")
        let england = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT indicator_id, period, breakdown_type, breakdown_index, numerator, value, from_national_rows FROM indicator_value
                    WHERE geography_level = 'england' AND indicator_id IN ('TTREC', 'TTREF') AND breakdown_type IN ('all', 'imd_decile', 'imd_unknown')
                    """)
        }
        func label(_ row: Row) -> String? {
            switch row["breakdown_type"] as String {
            case "imd_unknown": "Not stated/Not known/Invalid"
            case "imd_decile": counts.keys.first { $0.label.hasPrefix(String(format: "%02d ", 11 - (row["breakdown_index"] as Int))) }!.label
            default: nil
            }
        }
        var compared = 0
        for row in england {
            let period: String = row["period"], name = label(row)
            #expect(row["from_national_rows"] as Bool, "\(period) \(name ?? "all"): from England's own rows")
            func published(_ measure: String, _ statistic: String) -> Double? {
                full.first {
                    $0["org_type"] == "England" && $0["reporting_period"] == period && $0["measure_name"] == measure && $0["measure_statistic"] == statistic
                        && (name == nil ? $0["variable_type"] == "Total" : $0["variable_a"] == name && $0["variable_type"] == "Indices of Deprivation Decile")
                }?["value"].flatMap(Double.init)
            }
            if row["indicator_id"] == "TTREF" {
                let theirs = try #require(published("referrals_received", "count"), "\(period) \(name ?? "all")")
                #expect(row["numerator"] as Double == theirs, "\(period) \(name ?? "all"): \(row["numerator"] as Double) against \(theirs)")
            } else {
                let theirs = try #require(published("recovery", "percentage"), "\(period) \(name ?? "all")")
                let ours = try #require(row["value"] as Double?, "\(period) \(name ?? "all")")
                #expect(abs(ours - theirs) <= 0.05 + 1e-9, "\(period) \(name ?? "all"): ours \(ours) against the published \(theirs)")
            }
            compared += 1
        }
        #expect(compared == 2 * 3 * 12, "referrals and recovery, three years, everyone, ten deciles and 'Not stated'")
        // The gradient as published: lower recovery in the most deprived fifth, a positive SII.
        let inequality = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
            try Row.fetchOne(
                db,
                sql:
                    "SELECT q1_value, q5_value, sii FROM soc_national_inequality WHERE indicator_id = 'TTREC' AND n_quantiles = 5 AND period_start = '2024-04-01'"
            )
        }
        #expect((inequality?["q1_value"] as Double?).map { $0 < 50 } == true && (inequality?["q5_value"] as Double?).map { $0 > 50 } == true)
        #expect((inequality?["sii"] as Double?).map { $0 > 10 } == true)
        let notes = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
            try [String: String](
                String.fetchAll(db, sql: "SELECT item || char(31) || value FROM soc_metadata WHERE indicator_id = 'TTREC'").map {
                    let parts = $0.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                    return (parts[0], parts[1])
                }, uniquingKeysWith: { first, _ in first })
        }
        #expect(notes["rows_set_aside"]?.contains("invalid_imd_decile") == true && notes["rows_set_aside"]?.contains("unknown_icb") == true)
        #expect(notes["england_counts"]?.contains("publisher's own England rows") == true)
        #expect(
            notes["unknown_place"]?.contains("in no ICS's value (England's value is the publisher's own England rows") == true,
            "\(notes["unknown_place"] ?? "")")
        let byGroup = try String(contentsOfFile: workspace.path("published/latest/csv/soc_national_by_group.csv"), encoding: .utf8)
        #expect(byGroup.contains(",england_rows,") && !byGroup.contains(",ics_rows,"), "counted_from says where England's counts come from")
        let page = try String(contentsOfFile: workspace.path("published/latest/state-of-care.html"), encoding: .utf8)
        #expect(page.contains("id=\"TTREC-time-series\"") && page.contains("id=\"TTREC-quintile-trend\""))
        #expect(page.contains("rows with no deprivation decile"), "the note heads the indicator's section")
        try Self.referralsAgainstNeed(folder: folder, database: workspace.path("tt.sqlite"))
    }

    /// `TTREFN` (docs/DATA.md, "Access against need"): every ICS's and England's referrals, each year, are
    /// TTREF's over the sum of the mental-health weights of the ICB's practices in NHS England's allocations
    /// of that financial year (2022/23, 2023/24, 2024/25), summed here by hand from each year's file; the
    /// metadata names the component, each period's allocation year and TTREF beside it.
    static func referralsAgainstNeed(folder: String, database: String) throws {
        var weightsByPeriod: [String: [String: Double]] = [:]
        for (period, file) in [("2022-23", "2022_2023"), ("2023-24", "2023_2024"), ("2024-25", "2024_2025")] {
            for row in try csv("\(folder)/need-weights/\(file).csv") {
                weightsByPeriod[period, default: [:]][row["ICS22"]!, default: 0] += Double(row["MH WP"]!)!
            }
            #expect(weightsByPeriod[period]?.count == 42)
        }
        let rows = try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.period, n.geography_level, n.geography_code, n.numerator, n.denominator, n.value, r.numerator AS residents_numerator
                    FROM indicator_value n JOIN indicator_value r ON r.indicator_id = 'TTREF' AND r.period = n.period
                    AND r.geography_level = n.geography_level AND r.geography_code = n.geography_code AND r.breakdown_type = 'all'
                    WHERE n.indicator_id = 'TTREFN' AND n.breakdown_type = 'all' AND n.geography_level IN ('icb', 'england')
                    """)
        }
        for row in rows {
            let code: String = row["geography_code"]
            let weights = try #require(weightsByPeriod[row["period"] as String])
            let need = try #require(row["geography_level"] == "england" ? weights.values.reduce(0, +) : weights[code], "\(code)")
            #expect(abs((row["denominator"] as Double) - need) < 1e-6, "\(code)")
            #expect(row["numerator"] as Double == row["residents_numerator"] as Double, "\(code): the same referrals as TTREF")
            #expect(abs((row["value"] as Double) - (row["numerator"] as Double) / need * 1000) < 1e-9, "\(code)")
        }
        #expect(rows.count == 3 * 43)
        let note = try DatabaseQueue(path: database).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'TTREFN' AND item = 'denominators'")
        }
        #expect(note?.contains("component 'mental_health' (column 'MH WP'") == true && note?.contains("indicator TTREF") == true, "\(note ?? "")")
        #expect(note?.contains("2022-23: 2022/23, 2023-24: 2023/24, 2024-25: 2024/25") == true, "\(note ?? "")")
        // `explain` names the weights and how many practices they sum, and no resident population.
        let explained = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", database, "--indicator", "TTREFN", "--geography", "QHM", "--period", "2024-25",
        ])
        #expect(explained.status == 0, "\(explained.stderr)")
        let practices = try csv("\(folder)/need-weights/2024_2025.csv").filter { $0["ICS22"] == "QHM" }.count
        #expect(
            explained.stdout.contains("need-weighted population, component 'mental_health' (ref_need_population, allocations 2024/25)"),
            "\(explained.stdout)")
        #expect(explained.stdout.contains("over \(practices) GP practices") && !explained.stdout.contains("ESP2013 weight"), "\(explained.stdout)")
    }

    /// NHS Talking Therapies by ICB × ethnic group (docs/DATA.md, "Ethnic groups"): England's recovery rate for
    /// everyone, each broad group, each detailed category and Not stated is the publisher's percentage to its
    /// printed 1 dp, every year; every ICB × broad group rate is the file's recovery ÷ (finished − not at
    /// caseness) of the group's own row, within the publisher's rounding of its percentage, or withheld where a
    /// measure is suppressed; the ICS table and the gaps to the White group are published as the values say.
    @Test func talkingTherapiesByEthnicGroupAsPublished() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-talking-therapies")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("tt.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let file = try Self.csv("\(folder)/nhse_talking_therapies_annual_icb_england_by_imd_decile_and_ethnicity_2017_2025.csv")
            .filter { $0["variable_type"] == "Ethnic Group" && ["2022-23", "2023-24", "2024-25"].contains($0["reporting_period"]) }
        struct Key: Hashable { var org: String, period: String, group: String, category: String }
        var counts: [Key: [String: String]] = [:], percentages: [Key: Double] = [:]
        for row in file {
            let key = Key(org: row["org_code"]!, period: row["reporting_period"]!, group: row["variable_a"]!, category: row["variable_b"]!)
            if row["measure_statistic"] == "count" { counts[key, default: [:]][row["measure_name"]!] = row["value"]! }
            if row["measure_statistic"] == "percentage", row["measure_name"] == "recovery" { percentages[key] = Double(row["value"]!) }
        }
        let values = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT period, geography_level, geography_code, breakdown_type, breakdown_value, value, withheld_reason, from_national_rows
                    FROM indicator_value WHERE indicator_id = 'TTRECETH' AND geography_level IN ('icb', 'england')
                    """)
        }
        // The publisher's words for each of our groups: its group, and 'All' for a broad group's own row.
        func publisherKey(_ org: String, _ period: String, _ type: String, _ stored: String) throws -> Key {
            let group = try #require(EthnicGroup(rawValue: stored))
            let rows = counts.keys.filter { $0.org == org && $0.period == period }
            let match = rows.first { key in
                EthnicGroup.read(group: key.group, category: key.category) == group
            }
            return try #require(match, "\(org) \(period) \(stored)")
        }
        var england = 0, icb = 0, withheld = 0
        for row in values {
            let period: String = row["period"], type: String = row["breakdown_type"], stored: String = row["breakdown_value"]
            guard type == "ethnic_group" || type == "ethnic_category" || type == "all" else { continue }
            if row["geography_level"] == "england" {
                #expect(row["from_national_rows"] as Bool)
                let key =
                    type == "all"
                    ? nil : try publisherKey("All", period, type, stored)
                let theirs: Double
                if let key {
                    theirs = try #require(percentages[key], "\(period) \(stored)")
                } else {
                    theirs = try #require(
                        try Self.csv("\(folder)/nhse_talking_therapies_annual_icb_england_by_imd_decile_and_ethnicity_2017_2025.csv").first {
                            $0["org_type"] == "England" && $0["reporting_period"] == period && $0["variable_type"] == "Total"
                                && $0["measure_name"] == "recovery" && $0["measure_statistic"] == "percentage"
                        }?["value"].flatMap(Double.init))
                }
                let ours = try #require(row["value"] as Double?, "\(period) \(stored)")
                #expect(abs(ours - theirs) <= 0.05 + 1e-9, "England \(period) \(stored): ours \(ours) against the published \(theirs)")
                england += 1
            } else if type == "ethnic_group" {
                let org: String = row["geography_code"]
                let key = try publisherKey(org, period, type, stored)
                let measures = try #require(counts[key])
                guard let r = measures["recovery"].flatMap(Double.init), let f = measures["finished_course_treatment"].flatMap(Double.init),
                    let n = measures["not_at_caseness"].flatMap(Double.init)
                else {
                    #expect(row["withheld_reason"] == "suppressed_at_source", "\(key): a suppressed measure withholds the cell, never 0")
                    withheld += 1
                    continue
                }
                let value = try #require(row["value"] as Double?, "\(key)")
                #expect(abs(value - r / (f - n) * 100) < 1e-9, "\(key)")
                let corners = [(r - 2.5, f + 2.5, n - 2.5), (r + 2.5, f - 2.5, n + 2.5)].map { max($0.0, 0) / max($0.1 - max($0.2, 0), 1) * 100 }
                if let published = percentages[key] {
                    #expect(published + 0.5 >= corners[0] - 1e-9 && published - 0.5 <= corners[1] + 1e-9, "\(key): \(value) against \(published)")
                }
                icb += 1
            }
        }
        #expect(england == 3 * (1 + 6 + 16), "three years of everyone, five broad groups and Not stated, sixteen categories")
        #expect(icb + withheld == 3 * 42 * 6 && withheld > 0 && icb > 600, "\(icb) ICB cells checked, \(withheld) withheld")
        // The published tables: each ICS's groups with their share and their gap to its White group.
        let byIcs = try Self.csv(workspace.path("published/latest/csv/soc_ics_by_ethnic_group.csv"))
        #expect(byIcs.count == 3 * 42 * 6)
        for row in byIcs where row["ethnic_group"] == "White" || row["ethnic_group"] == "Not stated" {
            #expect(row["compare_reference"] == "not_compared" || row["compare_reference"] == "", "\(row)")
        }
        let national = try Self.csv(workspace.path("published/latest/csv/soc_national_by_group.csv"))
        let asian = try #require(
            national.first { $0["indicator_id"] == "TTRECETH" && $0["period_start"] == "2024-04-01" && $0["breakdown_value"] == "Asian or Asian British" })
        #expect(asian["reference_group"] == "White" && asian["compare_reference"] == "worse")
        let gap = try #require(asian["gap_to_reference"].flatMap(Double.init)), value = try #require(asian["value"].flatMap(Double.init))
        let white = try #require(asian["reference_value"].flatMap(Double.init))
        #expect(abs(gap - (value - white)) <= 0.1 + 1e-9, "the gap is the published values' difference")
        let gapLimits = (try #require(asian["gap_lcl95"].flatMap(Double.init)), try #require(asian["gap_ucl95"].flatMap(Double.init)))
        let ratioLimits = (try #require(asian["ratio_lcl95"].flatMap(Double.init)), try #require(asian["ratio_ucl95"].flatMap(Double.init)))
        #expect(gapLimits.0 < gap && gap < gapLimits.1 && gapLimits.1 < 0, "a gap below 0 with its interval")
        let ratio = try #require(asian["ratio_to_reference"].flatMap(Double.init))
        #expect(ratioLimits.0 < ratio && ratio < ratioLimits.1 && ratioLimits.1 < 1)
        // `explain` adds up the same rows transform did: England's own rows for England, each ICB's group row.
        for (geography, group, table) in [
            ("E92000001", "ethnic_category=white_irish", "soc_national_by_group"), ("QE1", "ethnic_group=asian", "soc_ics_by_ethnic_group"),
        ] {
            let explained = try CommandLineRunner.run([
                "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("tt.sqlite"), "--indicator", "TTRECETH", "--geography", geography,
                "--breakdown", group, "--period", "2024-25",
            ])
            let stored = try DatabaseQueue(path: workspace.path("tt.sqlite")).read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT numerator, denominator FROM indicator_value WHERE indicator_id = 'TTRECETH' AND period = '2024-25'
                        AND geography_code = ? AND breakdown_type || '=' || breakdown_value = ?
                        """, arguments: [geography, group])
            }
            let (numerator, denominator) = (Int(try #require(stored?[0] as Double?)), Int(try #require(stored?[1] as Double?)))
            #expect(explained.stdout.contains("all ages \(numerator) / \(denominator)"), "\(explained.stdout)")
            #expect(explained.stdout.contains("Published in \(table)"), "\(explained.stdout)")
        }
        // The publication words England's groups against the White group.
        let headlines = try Self.csv(workspace.path("published/latest/csv/soc_headlines.csv")).filter {
            $0["indicator_id"] == "TTRECETH" && $0["period_start"] == "2024-04-01"
        }
        let against = try #require(headlines.first { $0["statement_type"] == "ethnic_groups_vs_reference" }?["text"])
        #expect(against.contains("in the White group was 51.7%; of the 4 other broad ethnic groups, 4 fared worse"), "\(against)")
        // Each broad group's change since 2022-23, from the values soc_national_by_group publishes.
        let trends = try Self.csv(workspace.path("published/latest/csv/soc_trend_vs_baseline.csv")).filter { row in
            row["indicator_id"] == "TTRECETH" && row["breakdown_type"] == "ethnic_group" && row["geography_level"] == "england"
        }
        let byGroup = try Self.csv(workspace.path("published/latest/csv/soc_national_by_group.csv")).filter { row in
            row["indicator_id"] == "TTRECETH" && row["breakdown_type"] == "ethnic_group"
        }
        #expect(trends.count == 2 * 6, "two years after the baseline, five broad groups and Not stated")
        func published(_ group: String, _ period: String) -> String? {
            byGroup.first { $0["breakdown_value"] == group && $0["period_start"] == period }?["value"]
        }
        for trend in trends {
            let group = trend["breakdown_value"] ?? "", period = trend["period_start"] ?? ""
            let then: String? = published(group, "2022-04-01"), now: String? = published(group, period)
            #expect(trend["baseline_value"] == then && trend["latest_value"] == now, "\(group) \(period)")
        }
        let whiteTrend = try #require(trends.first { $0["breakdown_value"] == "White" && $0["period_start"] == "2024-04-01" })
        #expect(whiteTrend["abs_change"] == "0.9" && whiteTrend["direction"] == "improving", "\(whiteTrend)")
        let widest = try #require(headlines.first { $0["statement_type"] == "ethnic_gap_widest" }?["text"])
        #expect(widest.contains("was for Other ethnic groups: 42.9% against 51.7%, 8.8 percentage points lower"), "\(widest)")
        // The HTML draws England's and each ICS's groups against England's White group: read in a real browser,
        // the chart has its six groups, the reference line and its data table.
        let chromium = try #require(RealPublicationBrowserChecks.chromium, "chromium (scripts/setup.sh installs it)")
        for (page, id) in [("state-of-care.html", "TTRECETH-ethnic-groups"), ("ics/QE1.html", "TTRECETH-ethnic-groups-QE1")] {
            let dom = try CommandLineRunner.run(
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom",
                    URL(fileURLWithPath: workspace.path("published/latest/\(page)")).absoluteString,
                ], executable: chromium
            ).stdout
            let figure = try #require(dom.components(separatedBy: "id=\"\(id)\"").dropFirst().first?.components(separatedBy: "</figure>").first, "\(page)")
            for group in ["White", "Mixed", "Asian", "Black", "Other", "Not stated"] { #expect(figure.contains(">\(group)</text>"), "\(page): \(group)") }
            #expect(figure.contains("England, White group") && figure.contains("<table") && figure.contains("Asian or Asian British"), "\(page)")
        }
    }

    /// The dental file with one ICB's count suppressed at source (`*` for Lancashire and South Cumbria,
    /// December 2022): once published as 0, ranked last and "lower than England", with England's total 3%
    /// short and unflagged. Now the ICS and every total it is part of are withheld with the reason, the
    /// count is not a number, nothing ranks, compares or trends it, and the other months are untouched.
    @Test func aCountSuppressedAtSourceInAnICBFileIsWithheldNeverZero() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-dental-icb")
        let file = "nhse_dental_icb_unique_patients_rolling_12m.csv"
        var lines = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("2022-12-01,North West,Lancashire and South Cumbria ICB,E54000048,QE1,") })
        var fields = lines[index].components(separatedBy: ",")
        fields[5] = "*"
        lines[index] = fields.joined(separator: ",")
        try workspace.write(file, lines.joined(separator: "\n"))
        try workspace.write("pipeline.json", try String(contentsOfFile: "\(folder)/pipeline.json", encoding: .utf8))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("reference"), withDestinationPath: Repository.path("reference"))
        let run = try CommandLineRunner.run([
            "run", "--config", workspace.path("pipeline.json"), "--db", workspace.path("dental.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try DatabaseQueue(path: workspace.path("dental.sqlite")).read { db in
            let december = "period_start = '2022-01-01'"
            let qe1 = try #require(try Row.fetchOne(db, sql: "SELECT * FROM soc_ics_league WHERE \(december) AND ics_ods_code = 'QE1'"))
            #expect(qe1["numerator"] as Int? == nil && qe1["value"] as Double? == nil && qe1["rank_value"] as Int? == nil)
            let logged = try String.fetchAll(
                db,
                sql: """
                    SELECT column_name || ':' || action || ':' || reason_code FROM soc_suppressed_cells
                    WHERE table_name = 'soc_ics_league' AND row_key = 'DENT12|2022-01-01|QE1' AND column_name IN ('numerator', 'value') ORDER BY 1
                    """)
            #expect(logged == ["numerator:withheld:suppressed_at_source", "value:withheld:suppressed_at_source"], "\(logged)")
            #expect((qe1["suppression_reason"] as String).contains("suppressed_at_source"))
            #expect(qe1["compare_england_2level"] as String? == nil && qe1["funnel_band"] as String? == nil && qe1["trend_marker"] as String? == nil)
            // England is a partial total too: withheld, so no ICS is compared with it that month.
            let england = try #require(try Row.fetchOne(db, sql: "SELECT * FROM soc_national_by_group WHERE \(december) AND breakdown_type = 'all'"))
            #expect(england["numerator"] as Int? == nil && england["value"] as Double? == nil)
            #expect(england["suppression_reason"] as String == "suppressed_at_source")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM soc_ics_league WHERE \(december) AND compare_england_2level IN ('better', 'worse')") == 0)
            #expect(
                try String.fetchOne(db, sql: "SELECT text FROM soc_headlines WHERE \(december) AND statement_type = 'range_ics'")?.contains("41 ICSs") == true)
            // The publication says how much was suppressed: 1 of December's 42 records.
            let note = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DENT12' AND item = 'suppressed_at_source'")
            #expect(note?.contains("12 months to December 2022: 2.4% of records") == true, "\(note ?? "none")")
            // November is as published: QE1 has its value, England its total.
            let november = try #require(try Row.fetchOne(db, sql: "SELECT * FROM soc_ics_league WHERE period_start = '2021-12-01' AND ics_ods_code = 'QE1'"))
            #expect(november["value"] as Double? != nil)
        }
    }

    /// NHS England's A&E attendances by trust, shared out to ICBs by catchment: fractions kept exact, the
    /// trusts the weights do not name listed with their attendances.
    @Test func aeAttendancesByTrustSharedByCatchment() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-ae-by-trust")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("ae.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectRecordsRoundTrip(workspace.path("ae.sqlite"), covering: ["ingest_attributed_event_total", "ingest_unattributed"])
        // By hand, from the two raw files: Norfolk and Waveney (E54000022), March 2019, type 1 departments.
        var shares: [String: Double] = [:]
        for row in try Self.csv(Repository.path("reference/attribution/nhs_trust22_to_icb22_catchment_share.csv")) where row["icb22_ons_code"] == "E54000022" {
            shares[row["trust_ods_code"] ?? ""] = Double(row["proportion_of_trust_patients_from_icb"] ?? "")
        }
        let trusts = Set(try Self.csv(Repository.path("reference/attribution/nhs_trust22_to_icb22_catchment_share.csv")).map { $0["trust_ods_code"] ?? "" })
        var attendances = 0.0, total = 0, unattributed: [String: Int] = [:]
        for row in try Self.csv("\(folder)/nhse_ae_attendances_by_provider_monthly_2016_2019.csv") where row["ae_department_type"] == "1" {
            let count = Int(row["attendances"] ?? "") ?? 0
            total += count
            let trust = row["provider_ods_code"] ?? ""
            if !trusts.contains(trust) { unattributed[trust, default: 0] += count }
            if row["month"] == "2019-03-01" { attendances += Double(count) * (shares[trust] ?? 0) }
        }
        let (_, people) = try Self.peopleOfIcs(ods: "QMM", ons: "E54000022")
        let (value, shared, missing, notes) = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT value FROM indicator_value WHERE indicator_id = 'AE1' AND period = '2019-03'
                        AND geography_level = 'icb' AND geography_code = 'QMM' AND breakdown_type = 'all'
                        """),
                try Double.fetchOne(db, sql: "SELECT sum(events) FROM ingest_attributed_event_total"),
                try Row.fetchAll(db, sql: "SELECT provider_code, events FROM ingest_unattributed").reduce(into: [String: Int]()) { $0[$1[0]] = $1[1] },
                try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") ?? ""
            )
        }
        #expect(attendances > 10_000)
        #expect(abs((value ?? 0) - attendances / Double(people) * 1_000) < 1e-9, "\(String(describing: value)) against \(attendances / Double(people) * 1_000)")
        #expect(missing == unattributed && missing["RW6"] != nil)
        // Every attendance is either shared out (exactly, in fractions) or listed as unattributed.
        #expect(abs((shared ?? 0) + Double(missing.values.reduce(0, +)) - Double(total)) < 1e-3)
        #expect(notes.contains("of events from 19 providers the weights do not name"), "\(notes)")
        // The metadata gives the grain's own reason for having no deprivation split (it said "not asked for").
        let split = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'AE1' AND item = 'deprivation_split'")
        }
        #expect(split?.contains("counts by provider shared out to ICBs by catchment weights") == true, "\(split ?? "none")")
        // `explain` shows the counts shared out to the ICB (it read only the LSOA-grain tables, and showed zeros).
        let explain = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("ae.sqlite"), "--indicator", "AE1", "--geography", "QMM",
            "--period", "2019-03",
        ])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("grain provider, from ingest_attributed_event_total"), "\(explain.stdout)")
        #expect(explain.stdout.contains("all ages \(String(format: "%.4f", attendances))"), "\(explain.stdout)")
        #expect(notes.contains("rows left out by its 'where' filter"))
        // The unattributed share is published, period by period, by hand from the raw file: March 2019's
        // attendances of trusts the catchments do not name over all its type 1 attendances.
        var march = (all: 0, missing: 0)
        for row in try Self.csv("\(folder)/nhse_ae_attendances_by_provider_monthly_2016_2019.csv")
        where row["ae_department_type"] == "1" && row["month"] == "2019-03-01" {
            let count = Int(row["attendances"] ?? "") ?? 0
            march.all += count
            if !trusts.contains(row["provider_ods_code"] ?? "") { march.missing += count }
        }
        let note = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'AE1' AND item = 'unattributed_activity'")
        }
        let share = String(format: "%.1f", Double(march.missing) / Double(march.all) * 100)
        #expect(note?.contains("March 2019: \(share)% (") == true, "\(share) in \(note ?? "none")")
        #expect(march.missing > 0 && Double(march.missing) / Double(march.all) > 0.05)
        // England counts every attendance, attributed or not (it was the attributed total alone, 22.2 per 1,000
        // for March 2019 where the whole file gives 24.3): the unattributed part is England's group in no ICS,
        // and every ICS row says its value may be too low.
        let (england, elsewhere, englandRate, completeness) = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            (
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT numerator FROM indicator_value WHERE indicator_id = 'AE1' AND period = '2019-03' AND geography_level = 'england'
                        AND breakdown_type = 'all'
                        """),
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT numerator FROM soc_national_by_group WHERE indicator_id = 'AE1' AND period_start = '2019-03-01'
                        AND breakdown_type = 'ics_unknown'
                        """),
                try Double.fetchOne(
                    db,
                    sql: "SELECT value FROM soc_national_by_group WHERE indicator_id = 'AE1' AND period_start = '2019-03-01' AND breakdown_type = 'all'"),
                try String.fetchAll(db, sql: "SELECT DISTINCT completeness FROM soc_ics_league WHERE indicator_id = 'AE1'")
            )
        }
        let englandPeople = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            try Double.fetchOne(db, sql: "SELECT population FROM geography_profile WHERE geography_level = 'england'") ?? 0
        }
        #expect(abs((england ?? 0) - Double(march.all)) < 1e-6, "\(String(describing: england)) against the file's \(march.all)")
        #expect(elsewhere == march.missing, "the group in no ICS is the unattributed attendances")
        let rate = try #require(englandRate)
        #expect(abs(rate - Double(march.all) / englandPeople * 1_000) < 1e-9 && (rate * 10).rounded() / 10 == 24.3, "\(rate)")
        #expect(completeness == ["unattributed_activity"])
        #expect(note?.contains("counted in England's value and in no ICS's") == true)
        // Every page that shows an ICS value of the indicator says so.
        let page = try String(contentsOfFile: workspace.path("published/latest/state-of-care.html"), encoding: .utf8)
        #expect(page.contains("so ICS values may be too low where their residents use those providers"))
        let profile = try String(contentsOfFile: workspace.path("published/latest/ics/QMM.html"), encoding: .utf8)
        #expect(profile.contains("so ICS values may be too low where their residents use those providers"))
        try RealPublicationBrowserChecks.expectReadable(workspace.path("published/latest"), indicator: "AE1", profile: "QMM")
    }

    /// Shares of a provider's counts are added in floating point; two runs (two processes, each with its
    /// own hash seed) must still give every checkpoint value to the last digit.
    @Test func countsSharedOutByProviderAreTheSameOnEveryRun() throws {
        let workspace = try TestWorkspace()
        let config = Repository.path("examples/nhs-ae-by-trust/pipeline.json")
        var dumps: [String] = []
        for name in ["first", "second"] {
            let run = try CommandLineRunner.run([
                "run", "--until", "transform", "--config", config, "--db", workspace.path("\(name).sqlite"), "--output", workspace.path(name),
            ])
            #expect(run.status == 0, "\(run.stderr)")
            dumps.append(
                try DatabaseQueue(path: workspace.path("\(name).sqlite")).read { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM ingest_attributed_event_total ORDER BY dataset, period, icb_code, sex, age_band")
                        .map(\.description).joined(separator: "\n")
                })
        }
        #expect(!dumps[0].isEmpty && dumps[0] == dumps[1])
    }

    /// An IMD breakdown asked of a source at ICB grain is a configuration error naming both.
    @Test func aDeprivationSplitOfAnICBSourceIsRefused() throws {
        let folder = Repository.path("examples/nhs-dental-icb")
        var config = try String(contentsOfFile: "\(folder)/pipeline.json", encoding: .utf8)
        config = config.replacingOccurrences(
            of: "\"polarity\": \"higher_is_better\",", with: "\"polarity\": \"higher_is_better\", \"breakdowns\": [\"imd_quintile\"],")
        let path = "\(folder)/.test-\(UUID().uuidString).json"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineRunner.run(["validate", "--config", path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("DENT12 asks for 'imd_quintile', which is not available for the grain of source 'dental_patients'"), "\(run.stderr)")
    }

    /// The 2011 basis with IMD 2019 still runs end to end: its samples reproduce from the seed on that basis,
    /// and a value is checked by hand from the raw files.
    @Test func theLSOA2011BasisStillRuns() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/basis-2011")
        let sample = try CommandLineRunner.run(["sample", "--config", "\(folder)/pipeline.json", "--out", workspace.path("samples")])
        #expect(sample.status == 0, "\(sample.stderr)")
        for name in try FileManager.default.subpathsOfDirectory(atPath: "\(folder)/data-samples").sorted() where name.hasSuffix(".csv") {
            let committed = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/data-samples/\(name)"))
            #expect(committed == (try Data(contentsOf: URL(fileURLWithPath: workspace.path("samples/\(name)")))), "\(name)")
        }
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("b.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // By hand: England's A&E attendances in March 2025, events summed over the raw extracts.
        var events = 0
        for icb in try FileManager.default.contentsOfDirectory(atPath: "\(folder)/data-samples/extracts") {
            for row in try Self.csv("\(folder)/data-samples/extracts/\(icb)/ae_attendances.csv") where row["period"] == "2025-03" {
                events += Int(row["events"] ?? "") ?? 0
            }
        }
        let (stored, vintages) = try DatabaseQueue(path: workspace.path("b.sqlite")).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE dataset = 'ae_attendances' AND period = '2025-03'"),
                try String.fetchAll(db, sql: "SELECT kind || ' ' || vintage FROM ref_vintage ORDER BY kind")
            )
        }
        #expect(events > 0 && stored == events)
        #expect(vintages.contains("icb 2022-07") && vintages.contains("imd 2019"), "\(vintages)")
    }

    /// Asking a persons-only population for a sex breakdown is a configuration error naming both.
    @Test func aSexBreakdownOfAPersonsOnlyPopulationIsRefused() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/ons-population-wide")
        var config = try String(contentsOfFile: "\(folder)/pipeline.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\"imd_decile\"\n      ]", with: "\"imd_decile\",\n        \"sex\"\n      ]")
        let path = "\(folder)/.test-\(UUID().uuidString).json"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineRunner.run(["run", "--config", path, "--db", workspace.path("ons.sqlite"), "--output", workspace.path("published")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("asks for a sex breakdown, but the population source 'population' is persons only"), "\(run.stderr)")
    }
}

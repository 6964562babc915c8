import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

/// `examples/nhs-ae-under5-by-practice`: OHID Fingertips' A&E attendances of children aged 0–4 by GP practice
/// (indicator 93930) split by the deprivation of each practice's registered population (indicator 93553),
/// checked by hand from the three files as published (docs/DATA.md, "Deprivation of a practice's
/// registered population").
@Suite(.serialized)
struct PracticeDeprivationExampleTests {
    struct Practice {
        var code: String
        var count: Double?
        var list: Double
        var icb: String?
        /// Its sub-ICB location by the practice list.
        var place: String?
        var decile: Int?
    }

    /// The practices of the file (persons), each with its ICB and place from the practice list and its decile: the 2019
    /// scores of current practices ranked as fingertipsR does — 11 − dplyr's `ntile(score, 10)`, the larger groups first (least
    /// deprived), ties in code order — written out here from that definition, not taken from the product.
    static func practices(_ folder: String) throws -> [Practice] {
        let file = try ExamplesTests.csv("\(folder)/ohid_fingertips_93930_ae_attendances_0_4_by_gp_practice_2021_22.csv")
            .filter { $0["Area Type"] == "GPs" && $0["Sex"] == "Persons" }
        let list = Dictionary(
            try ExamplesTests.csv("\(folder)/nhse_icb_allocations_2022_2023_gp_practices.csv").map {
                ($0["Practice_Code"]!, (icb: $0["ICS22"]!, place: $0["LOC22"]!))
            }, uniquingKeysWith: { first, _ in first })
        var scores: [(code: String, score: Double)] = []
        for row in try ExamplesTests.csv("\(folder)/ohid_fingertips_93553_gp_practice_imd_score_2010_2019.csv")
        where row["Year"] == "2019" && row["IsAreaCurrent"] == "1" {
            if let score = Double(row["Value"] ?? "") { scores.append((row["AreaCode"] ?? "", score)) }
        }
        scores.sort { $0.score != $1.score ? $0.score < $1.score : $0.code < $1.code }
        var deciles: [String: Int] = [:]
        let n = scores.count, bigger = n % 10, big = n / 10 + 1, small = n / 10
        var position = 0
        for tile in 1...10 {
            for _ in 0..<(tile <= bigger ? big : small) {
                deciles[scores[position].code] = 11 - tile
                position += 1
            }
        }
        #expect(position == n)
        return file.map { row in
            Practice(
                code: row["Area Code"]!, count: Double(row["Count"]!), list: Double(row["Denominator"]!)!, icb: list[row["Area Code"]!]?.icb,
                place: list[row["Area Code"]!]?.place, decile: deciles[row["Area Code"]!])
        }
    }

    @Test func aeUnderFiveByPracticeDeprivationAsPublished() throws {
        let workspace = try TestWorkspace()
        let folder = Repository.path("examples/nhs-ae-under5-by-practice")
        let run = try CommandLineRunner.run([
            "run", "--config", "\(folder)/pipeline.json", "--db", workspace.path("ae.sqlite"), "--output", workspace.path("published"),
        ])
        #expect(run.status == 0, "\(run.stderr)")

        // The publisher's practice values are its counts over its lists; its limits are Byar's (docs/METHODS.md §3)
        // of the count before it rounded it to 5 for publication: for every practice with a count, one of the
        // five counts that round to the published one gives the published limits.
        let file = try ExamplesTests.csv("\(folder)/ohid_fingertips_93930_ae_attendances_0_4_by_gp_practice_2021_22.csv")
            .filter { $0["Area Type"] == "GPs" && $0["Sex"] == "Persons" }
        #expect(file.count == 6_343)
        var byars = 0
        for row in file {
            guard let x = Double(row["Count"]!), let n = Double(row["Denominator"]!), let value = Double(row["Value"]!) else {
                #expect(row["Value note"] == "Value suppressed for disclosure control reasons", "\(row["Area Code"]!)")
                continue
            }
            #expect(abs(value - x / n * 1000) < 1e-3, "\(row["Area Code"]!)")
            guard x >= 12 else { continue }
            let z = 1.959963984540054
            let published = (Double(row["Lower CI 95.0 limit"]!)!, Double(row["Upper CI 95.0 limit"]!)!)
            let agrees = (-2...2).contains { offset in
                let count = x + Double(offset)
                let lower = count * pow(1 - 1 / (9 * count) - z / (3 * sqrt(count)), 3) / n * 1000
                let upper = (count + 1) * pow(1 - 1 / (9 * (count + 1)) + z / (3 * sqrt(count + 1)), 3) / n * 1000
                return abs(lower - published.0) < 1e-3 && abs(upper - published.1) < 1e-3
            }
            #expect(agrees, "\(row["Area Code"]!)")
            byars += 1
        }
        #expect(byars > 6_300)

        let practices = try Self.practices(folder)
        let values = try DatabaseQueue(path: workspace.path("ae.sqlite")).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT geography_level, geography_code, breakdown_type, breakdown_index, numerator, denominator, value, withheld_reason
                    FROM indicator_value WHERE indicator_id = 'AEU5' AND period = '2021-22'
                    """)
        }
        func stored(_ level: String, _ code: String, _ type: String, _ index: Int) throws -> Row {
            try #require(
                values.first {
                    $0["geography_level"] == level && $0["geography_code"] == code && $0["breakdown_type"] == type && $0["breakdown_index"] == index
                },
                "\(level) \(code) \(type) \(index)")
        }
        func check(_ row: Row, _ members: [Practice], _ what: String) {
            // A practice whose count is suppressed adds neither its count nor its list.
            let counted = members.filter { $0.count != nil }
            let x = counted.reduce(0) { $0 + $1.count! }, n = counted.reduce(0) { $0 + $1.list }
            #expect(
                row["numerator"] as Double == x && row["denominator"] as Double == n,
                "\(what): \(row["numerator"] as Double)/\(row["denominator"] as Double) against \(x)/\(n)")
            #expect(abs((row["value"] as Double? ?? -1) - x / n * 1000) < 1e-9, "\(what)")
        }

        // England: every practice of the file, in the practice list or not; each decile and quintile the
        // practices ranked into it; those with no score in 'deprivation not known'.
        check(try stored("england", "E92000001", "all", 0), practices, "England")
        for decile in 1...10 { check(try stored("england", "E92000001", "imd_decile", decile), practices.filter { $0.decile == decile }, "decile \(decile)") }
        for quintile in 1...5 {
            check(
                try stored("england", "E92000001", "imd_quintile", quintile), practices.filter { $0.decile.map { ($0 + 1) / 2 } == quintile },
                "quintile \(quintile)")
        }
        check(try stored("england", "E92000001", "imd_unknown", 0), practices.filter { $0.decile == nil }, "no score")
        // Every practice of 2021/22 is in the 2022/23 practice list: England has no group of counts in no ICS.
        #expect(practices.allSatisfy { $0.icb != nil })
        #expect(!values.contains { $0["breakdown_type"] == "ics_unknown" })

        // Every ICS: its practices by the practice list, and each of its practice-deprivation quintiles.
        let icbs = Set(practices.compactMap(\.icb))
        #expect(icbs.count == 42)
        var quintiles = 0
        for icb in icbs.sorted() {
            let members = practices.filter { $0.icb == icb }
            check(try stored("icb", icb, "all", 0), members, icb)
            for quintile in 1...5 {
                let group = members.filter { $0.decile.map { ($0 + 1) / 2 } == quintile }
                guard !group.isEmpty else { continue }
                check(try stored("icb", icb, "imd_quintile", quintile), group, "\(icb) quintile \(quintile)")
                quintiles += 1
            }
        }
        #expect(quintiles > 180)
        // Every place (docs/DATA.md, "Places of GP practices"): its practices by the list's sub-ICB location, those
        // with no deprivation score too (in no quintile).
        let places = Set(practices.compactMap(\.place))
        #expect(places.count == 106)
        for place in places.sorted() { check(try stored("place", place, "all", 0), practices.filter { $0.place == place }, "place \(place)") }
        #expect(practices.contains { $0.decile == nil && $0.place != nil }, "an unscored practice, in its place")
        // `explain` of a place adds up its practices and names the table it is published in.
        let placeExplained = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("ae.sqlite"), "--indicator", "AEU5", "--geography", "00L",
            "--period", "2021-22",
        ])
        let northumberland = practices.filter { $0.place == "00L" && $0.count != nil }
        #expect(placeExplained.stdout.contains("0-4     \(Int(northumberland.reduce(0) { $0 + $1.count! })) / "), "\(placeExplained.stdout)")
        #expect(placeExplained.stdout.contains("Published in soc_place (row AEU5|2021-04-01|00L)"), "\(placeExplained.stdout)")
        // `explain` adds up the same counts and lists, and says the denominator is the rows' own.
        let explained = try CommandLineRunner.run([
            "explain", "--config", "\(folder)/pipeline.json", "--db", workspace.path("ae.sqlite"), "--indicator", "AEU5", "--geography", "QU9",
            "--breakdown", "imd_quintile=5", "--period", "2021-22",
        ])
        #expect(explained.status == 0, "\(explained.stderr)")
        let qu9 = try stored("icb", "QU9", "imd_quintile", 5)
        let (events, lists) = (Int(qu9["numerator"] as Double), Int(qu9["denominator"] as Double))
        #expect(explained.stdout.contains("events / denominator (the source's own rows"), "\(explained.stdout)")
        #expect(explained.stdout.contains("0-4     \(events) / \(lists)\n"), "\(explained.stdout)")

        // Published as what it is: the basis and the denominator in the metadata, the fifths of GP practices
        // in the headlines, England's gradient and RII.
        let published = workspace.path("published/latest/csv")
        let metadata = try ExamplesTests.csv("\(published)/soc_metadata.csv").filter { $0["indicator_id"] == "AEU5" }
        #expect(metadata.first { $0["item"] == "deprivation_basis" }?["value"]?.contains("GP practice's registered population") == true)
        #expect(metadata.first { $0["item"] == "denominators" }?["value"]?.contains("registered list") == true)
        #expect(metadata.first { $0["item"] == "unknown_place" }?["value"]?.contains("in their ICS's value, their place's and England's") == true)
        let headlines = try ExamplesTests.csv("\(published)/soc_headlines.csv").filter { $0["indicator_id"] == "AEU5" }
        let ratio = try #require(headlines.first { $0["statement_type"] == "ratio_most_vs_least" }?["text"])
        #expect(ratio.contains("most deprived fifth of GP practices was 1.5 times") && ratio.contains("897.6 per 1,000 against 611.7 per 1,000"), "\(ratio)")
        let inequality = try ExamplesTests.csv("\(published)/soc_national_inequality.csv").filter { $0["indicator_id"] == "AEU5" && $0["n_quantiles"] == "5" }
        #expect(inequality.first?["rii"] == "1.619", "\(inequality)")
        // Read in a real browser, the index's and a profile's quintile charts name their axis for practices, and
        // each page opens the indicator with the basis.
        let chromium = try #require(RealPublicationBrowserChecks.chromium, "chromium (scripts/setup.sh installs it)")
        for (page, id) in [("state-of-care.html", "AEU5-quintiles"), ("ics/QU9.html", "AEU5-quintiles-QU9")] {
            let dom = try CommandLineRunner.run(
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom",
                    URL(fileURLWithPath: workspace.path("published/latest/\(page)")).absoluteString,
                ], executable: chromium
            ).stdout
            let figure = try #require(dom.components(separatedBy: "id=\"\(id)\"").dropFirst().first?.components(separatedBy: "</figure>").first, "\(page)")
            #expect(figure.contains("Deprivation quintile of GP practices (IMD score of their registered populations)"), "\(page)")
            #expect(figure.contains("national deprivation quintile of GP practices (their registered populations)") && figure.contains("<table"), "\(page)")
            #expect(dom.contains("class=\"caveat\">Quintiles and deciles are of the deprivation of the GP practice"), "\(page)")
        }
        // An ICS's places, as a funnel around its value and on the sub-ICB map, on its profile.
        let profile = try CommandLineRunner.run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom",
                URL(fileURLWithPath: workspace.path("published/latest/ics/QHM.html")).absoluteString,
            ], executable: chromium
        ).stdout
        #expect(profile.contains("id=\"AEU5-places-QHM\"") && profile.contains("id=\"AEU5-place-map-QHM\""), "the places of QHM")
        let placeRows = try ExamplesTests.csv("\(published)/soc_place.csv").filter { $0["indicator_id"] == "AEU5" }
        #expect(placeRows.count == 106 && placeRows.contains { $0["place_code"] == "00L" && $0["place_name"] == "Northumberland" })
    }
}

import Crypto
import Foundation
import GRDB
import PipelineTestSupport
import Testing

/// Checks of the sample run's publication: golden CSV and Markdown, and the HTML in a real browser.
enum SampleReportChecks {
    static let goldenFolder = Repository.path("Tests/Fixtures/golden")
    /// Tables kept in full as golden text; the rest (large) by SHA-256 in `digests.txt`.
    static let fullText = ["soc_national_by_group", "soc_national_inequality", "soc_ics_league", "soc_headlines", "soc_metadata"]

    /// Tools read the data files as typed: pandas reads every number column of every CSV as numbers, and
    /// the workbook holds one Excel table per table sheet (docs/PUBLISHED_TABLES.md, "Status columns").
    static func tablesReadAsTyped(_ latest: String) throws {
        let pandas = try CommandLineRunner.run(
            [Repository.path("Tests/Fixtures/scripts/pandas_reads_numbers.py"), latest], executable: "/usr/bin/python3")
        #expect(pandas.status == 0, "pandas (python3-pandas, which scripts/setup.sh installs): \(pandas.stdout)\(pandas.stderr)")
        let members = try CommandLineRunner.run(["-Z1", "\(latest)/state-of-care.xlsx"], executable: "/usr/bin/unzip").stdout
        #expect(members.split(separator: "\n").filter { $0.hasPrefix("xl/tables/table") }.count >= 6, "Excel tables in the workbook")
    }

    /// The published text with its run id replaced, so runs compare.
    static func normalised(_ path: String, runID: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: runID, with: "RUN_ID")
    }

    /// Compares the publication with `Tests/Fixtures/golden`; `UPDATE_GOLDEN=1` rewrites the golden files.
    static func golden(_ latest: String, runID: String) throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        var digests: [String] = []
        for folder in ["csv", "markdown"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(latest)/\(folder)").sorted()
            #expect(names.count == 10)
            for name in names {
                let text = try normalised("\(latest)/\(folder)/\(name)", runID: runID)
                let relative = "\(folder)/\(name)"
                digests.append("\(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())  \(relative)")
                guard fullText.contains((name as NSString).deletingPathExtension) else { continue }
                let goldenPath = "\(goldenFolder)/\(relative)"
                if update {
                    try FileManager.default.createDirectory(atPath: "\(goldenFolder)/\(folder)", withIntermediateDirectories: true)
                    try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
                } else {
                    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
                    if text != expected {
                        let line = zip(text.split(separator: "\n"), expected.split(separator: "\n")).enumerated().first { $0.element.0 != $0.element.1 }
                        Issue.record(
                            "\(relative) differs from its golden file at line \((line?.offset ?? 0) + 1):\n got: \(line?.element.0 ?? "")\nwant: \(line?.element.1 ?? "")\n(UPDATE_GOLDEN=1 swift test rewrites Tests/Fixtures/golden after a deliberate change)"
                        )
                    }
                }
            }
        }
        try versionPin(latest, runID: runID, update: update)
        let digestText = digests.joined(separator: "\n") + "\n"
        if update {
            try digestText.write(toFile: "\(goldenFolder)/digests.txt", atomically: true, encoding: .utf8)
        } else {
            #expect(
                digestText == (try String(contentsOfFile: "\(goldenFolder)/digests.txt", encoding: .utf8)),
                "published CSV/Markdown differ from Tests/Fixtures/golden/digests.txt (UPDATE_GOLDEN=1 swift test rewrites it)")
        }
    }

    static let versionPinPath = "\(goldenFolder)/program-version.txt"

    /// The release label must change whenever the sample publication does: the pin holds the label and a
    /// digest of every published CSV with the label's own line left out.
    static func versionPin(_ latest: String, runID: String, update: Bool) throws {
        var version = "", text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(latest)/csv").sorted() {
            for line in try normalised("\(latest)/csv/\(name)", runID: runID).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                if line.hasPrefix("all,,,program_version,") {
                    version = String(line.split(separator: ",", omittingEmptySubsequences: false)[4])
                } else {
                    text += line + "\n"
                }
            }
        }
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let pinned = try String(contentsOfFile: versionPinPath, encoding: .utf8).split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        switch versionPinVerdict(version: version, digest: digest, pinned: (pinned[0], pinned[1]), update: update) {
        case .agrees: break
        case .record: try "\(version) \(digest)\n".write(toFile: versionPinPath, atomically: true, encoding: .utf8)
        case .fail(let message): Issue.record(Comment(rawValue: message))
        }
    }

    enum VersionPinVerdict: Equatable {
        case agrees, record
        case fail(String)
    }

    static func versionPinVerdict(version: String, digest: String, pinned: (version: String, digest: String), update: Bool) -> VersionPinVerdict {
        if version == pinned.version {
            return digest == pinned.digest
                ? .agrees
                : .fail(
                    "the sample publication changed but the program version is still \(version): bump ProgramVersion.current "
                        + "(Sources/PipelineCore/Stage/ProgramVersion.swift), then UPDATE_GOLDEN=1 swift test")
        }
        return update ? .record : .fail("the program version is \(version), pinned as \(pinned.version): UPDATE_GOLDEN=1 swift test records it")
    }

    /// Every ICS row's funnel band is what its own stored limits say (one construction for both).
    static func funnelBandsAgreeWithTheirLimits(_ database: String) throws {
        let rows = try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM england_comparison WHERE funnel_lcl95 IS NOT NULL AND value IS NOT NULL")
        }
        #expect(rows.count > 500)
        for row in rows {
            let value: Double = row["value"], l95: Double = row["funnel_lcl95"], u95: Double = row["funnel_ucl95"]
            let l998: Double = row["funnel_lcl998"], u998: Double = row["funnel_ucl998"]
            let expected = value > u998 ? "high_998" : value > u95 ? "high_95" : value < l998 ? "low_998" : value < l95 ? "low_95" : "within"
            let band: String = row["funnel_band"]
            #expect(band == expected, "\(row["indicator_id"] as String) \(row["icb_code"] as String): band \(band), limits say \(expected)")
        }
    }

    /// The worst case the solver attack found on 0.12.0 (EIA09, March 2024, QE1: quintile numerators
    /// `*, *, 10, 10, *`, an SII fitted to the true counts that only one whole-count table reproduced): its
    /// SII is withheld now, and every SII published anywhere rests on five shown quintile cells
    /// (docs/DISCLOSURE.md, "Figures derived from counts"); the disclosure solver says what it checked.
    static func siiRestsOnShownCells(_ database: String) throws {
        let queue = try DatabaseQueue(path: database)
        try queue.read { db in
            let worst = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT * FROM soc_ics_league WHERE indicator_id = 'EIA09' AND period_start = '2024-03-01' AND ics_ods_code = 'QE1'"))
            let hidden = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM soc_ics_quintile_gap WHERE indicator_id = 'EIA09' AND period_start = '2024-03-01'
                    AND ics_ods_code = 'QE1' AND numerator IS NULL
                    """)
            #expect(hidden == 3, "the fixture still has its three suppressed quintiles")
            #expect(worst["sii"] as Double? == nil && worst["rii"] as Double? == nil && worst["sii_lcl95"] as Double? == nil)
            let leaning = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM soc_ics_league l WHERE l.sii IS NOT NULL AND (SELECT count(*) FROM soc_ics_quintile_gap q
                    WHERE q.indicator_id = l.indicator_id AND q.period_start = l.period_start AND q.ics_ods_code = l.ics_ods_code
                    AND q.value IS NOT NULL AND q.lcl95 IS NOT NULL AND q.ucl95 IS NOT NULL AND q.denominator IS NOT NULL) < 5
                    """)
            #expect(leaning == 0, "an SII published beside a hidden quintile cell")
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'report'") ?? ""
            #expect(notes.contains("0 hidden counts recoverable") && notes.contains("every hidden count keeps its protection"), "\(notes)")
        }
    }

    /// Every headline of the sample run cites what the published tables say: the widest and smallest gaps
    /// are the largest and smallest stable ICS SIIs of `soc_ics_league`, named; England's SII change is
    /// the row of `soc_trend_vs_baseline`, and its verb agrees with its interval; no headline cites an
    /// unstable SII.
    static func headlinesAreTrue(_ database: String) throws {
        try DatabaseQueue(path: database).read { db in
            let headlines = try Row.fetchAll(
                db, sql: "SELECT * FROM soc_headlines WHERE statement_type IN ('gap_widest_ics', 'gap_narrowest_ics', 'sii_change_england')")
            // Every indicator whose figures allow them has them: gap extremes with two stable ICS SIIs or more,
            // England's change with a stable SII in both periods.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT indicator_id, count(*) AS stable FROM soc_ics_league
                    WHERE sii IS NOT NULL AND sii_unstable_reason IS NULL AND period_start = (SELECT max(period_start) FROM soc_ics_league)
                    GROUP BY 1 HAVING count(*) >= 2
                    """)
            {
                let gaps = headlines.filter {
                    $0["indicator_id"] as String == row["indicator_id"] as String && ($0["statement_type"] as String).hasPrefix("gap_")
                }
                #expect(gaps.count == 2, "\(row)")
            }
            let stableEngland = try String.fetchAll(
                db,
                sql: "SELECT indicator_id FROM soc_national_inequality WHERE n_quantiles = 5 GROUP BY 1 HAVING count(*) = 2 AND count(unstable_reason) = 0")
            #expect(Set(headlines.filter { $0["statement_type"] as String == "sii_change_england" }.map { $0["indicator_id"] as String }) == Set(stableEngland))
            for headline in headlines {
                let id: String = headline["indicator_id"], period: String = headline["period_start"], text: String = headline["text"]
                let value: Double = headline["value"]
                switch headline["statement_type"] as String {
                case "sii_change_england":
                    let trend = try #require(
                        try Row.fetchOne(
                            db,
                            sql:
                                "SELECT * FROM soc_trend_vs_baseline WHERE indicator_id = ? AND period_start = ? AND geography_level = 'england' AND breakdown_type = 'all'",
                            arguments: [id, period]))
                    #expect(abs(value - (trend["sii_change"] as Double)) < 1e-9, "\(text)")
                    let lower: Double = trend["sii_change_lcl"], upper: Double = trend["sii_change_ucl"]
                    let significant = lower > 0 || upper < 0
                    #expect(text.contains("did not change significantly") == !significant, "\(text)")
                    #expect(text.contains(String(format: "%.1f", lower)) && text.contains(String(format: "%.1f", upper)), "\(text)")
                default:
                    let widest = headline["statement_type"] as String == "gap_widest_ics"
                    let stable = try Row.fetchAll(
                        db,
                        sql:
                            "SELECT ics_name, sii FROM soc_ics_league WHERE indicator_id = ? AND period_start = ? AND sii IS NOT NULL AND sii_unstable_reason IS NULL ORDER BY sii \(widest ? "DESC" : "ASC"), ics_ods_code",
                        arguments: [id, period])
                    let top = try #require(stable.first)
                    #expect(value == top["sii"] as Double && text.contains(top["ics_name"] as String), "\(text)")
                    #expect(text.contains("among the \(stable.count) ICSs with a stable"), "\(text)")
                }
            }
            let unstable = try Row.fetchAll(db, sql: "SELECT ics_name, indicator_id, period_start FROM soc_ics_league WHERE sii_unstable_reason IS NOT NULL")
            for row in unstable {
                let cited = try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM soc_headlines WHERE indicator_id = ? AND period_start = ? AND statement_type LIKE 'gap_%' AND text LIKE '%' || ? || ':%'",
                    arguments: [row["indicator_id"] as String, row["period_start"] as String, row["ics_name"] as String])
                #expect(cited == 0, "an unstable SII headlined: \(row)")
            }
        }
    }

    /// Renders the index, the map and one ICS profile in headless Chromium (docs/REPORT.md): the DOM
    /// holds every chart, matrix cell and map area with its text alternative, nothing loads from outside,
    /// and a screenshot of each page (kept in `.build/test-screenshots/`) is not blank.
    static func browser(_ latest: String, indicators: Int, profile: String) throws {
        guard let chromium = RealPublicationBrowserChecks.chromium else {
            Issue.record("chromium is not installed (Debian package `chromium`; scripts/setup.sh installs it)")
            return
        }
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
        func dom(_ page: String) throws -> String {
            let run = try CommandLineRunner.run(flags + ["--dump-dom", URL(fileURLWithPath: "\(latest)/\(page)").absoluteString], executable: chromium)
            #expect(run.status == 0, "\(run.stderr.suffix(500))")
            let html = try String(contentsOfFile: "\(latest)/\(page)", encoding: .utf8)
            #expect(!run.stdout.contains("<script"), "\(page) has a script")
            #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"), "\(page) must not load anything")
            // Every chart and map is an image with a title and a description or label.
            let charts = run.stdout.components(separatedBy: "<svg ").dropFirst()
            for chart in charts where !chart.hasPrefix("class=\"map-defs\"") {
                let opening = chart.prefix { $0 != ">" }
                // A chart is an image; a map holds links, so it is a labelled group (an image may hold no
                // interactive element: axe's nested-interactive).
                let role = opening.contains("class=\"map\"") ? "role=\"group\"" : "role=\"img\""
                #expect(opening.contains(role) && (opening.contains("aria-labelledby=") || opening.contains("aria-label=")), "\(page): \(opening)")
            }
            return run.stdout
        }
        func count(_ text: String, _ pattern: String) -> Int { text.components(separatedBy: pattern).count - 1 }

        let index = try dom("state-of-care.html")
        // The first screen: the synthetic-data banner, the scope, then four to six key messages before the
        // contents, each linking to its indicator; the run id is not in the header.
        let header = try #require(index.components(separatedBy: "</header>").first)
        #expect(header.contains("class=\"banner\"") && header.contains("Synthetic data."), "a publication of synthetic data says so first")
        #expect(header.contains("class=\"standfirst\"") && header.contains("42 Integrated Care Systems"))
        let keyMessages = try #require(header.components(separatedBy: "<ol class=\"key-messages\">").dropFirst().first?.components(separatedBy: "</ol>").first)
        #expect((4...6).contains(count(keyMessages, "<li>")), "\(keyMessages)")
        #expect(count(keyMessages, "<li>") == count(keyMessages, "See the charts of"))
        #expect(!keyMessages.contains("Integrated Care Board"), "short ICS names in the key messages")
        #expect(!header.contains("manifest SHA-256"))
        let keyAt = try #require(index.range(of: "id=\"key-messages\"")), navAt = try #require(index.range(of: "<nav aria-label=\"Contents\""))
        #expect(keyAt.lowerBound < navAt.lowerBound, "key messages before the contents")
        for kind in ["quintile-trend", "sii-trend", "quintiles", "funnel", "sii", "value-gap"] {
            #expect(count(index, "-\(kind)-title\"") == indicators, "\(kind) charts on the index")
        }
        #expect(count(index, "class=\"axis-label\"") >= 5 * indicators, "labelled axes")
        // Every chart's SVG and data beside the page, linked from its caption; the CSV has the table's rows.
        let downloads = count(index, "<span class=\"downloads\">Download: ")
        #expect(downloads == count(index, "<svg id=") - count(index, "class=\"map"), "a download per chart")
        let funnelCSV = try String(contentsOfFile: "\(latest)/charts/EIA01-funnel.csv", encoding: .utf8)
        #expect(funnelCSV.hasPrefix("ICS,Denominator,") && funnelCSV.components(separatedBy: "\r\n").count == 1 + 42 + 1, "a header and 42 rows")
        let funnelSVG = try String(contentsOfFile: "\(latest)/charts/EIA01-funnel.svg", encoding: .utf8)
        #expect(funnelSVG.hasPrefix("<?xml") && funnelSVG.contains("<style>") && funnelSVG.contains("id=\"EIA01-funnel\""))
        // Plain axis titles; the featured system on the index explained; ties in range statements said.
        #expect(!index.contains("Equivalent population") && index.contains("Size of the population (implied by its events and its rate)"))
        #expect(index.contains("is the system featured on this page (report.focusIcs)"))
        #expect(index.contains("to 62% (6 ICSs, among them NHS Birmingham and Solihull Integrated Care Board)"), "six systems print 62%")
        // A percentage disclosure control shows whole prints whole everywhere, its interval too.
        #expect(!index.contains("62.0% (6 ICSs") && !index.contains(">62.0<") && index.contains("Birmingham and Solihull: 62%, "))
        // Every chart says where its data come from; the SII of a percentage is in percentage points.
        #expect(count(index, "<figure class=") == count(index, "<span class=\"source\">Source: "), "a source line under every chart")
        #expect(!index.contains("..</span>"), "one full stop after a source that ends with one")
        #expect(index.contains("SII (percentage points, 95% CI)") && !index.contains("SII (%"))
        #expect(count(index, "class=\"legend") >= 2 * indicators, "legends")
        #expect(count(index, "<polyline class=\"limit95\"") == 2 * indicators, "continuous 95% funnel limits")
        let values = index.components(separatedBy: "id=\"matrix-values\"")[1].components(separatedBy: "</table>")[0]
        #expect(count(values, "<td class=\"") == 42 * indicators, "a coloured cell per ICS and indicator")
        #expect(count(values, "scope=\"rowgroup\"") == 7, "grouped by the seven regions")
        #expect(count(index, "id=\"matrix-sii\"") == 1)

        // About the data: sources and methods per indicator, the ledger per indicator and per ICS (counts
        // only), and the run that the first screen no longer shows; every page links to it.
        let about = try dom("about.html")
        #expect(count(about, "<h3 id=\"about-") == indicators)
        let ledger = try #require(about.components(separatedBy: "id=\"ledger\"").dropFirst().first)
        let perIndicator = try #require(ledger.components(separatedBy: "</table>").first)
        #expect(count(perIndicator, "<th scope=\"row\">") == indicators, "a ledger row per indicator")
        #expect(count(ledger.components(separatedBy: "<h3>By ICS</h3>").last ?? "", "<th scope=\"row\">") == 42, "a ledger row per ICS")
        #expect(about.contains("SIIs hidden by disclosure control"))
        #expect(about.contains("<dt>manifest SHA-256</dt>"))
        #expect(index.contains("href=\"about.html\"") && about.contains("class=\"banner\""))

        let map = try dom("map.html")
        let areas = map.components(separatedBy: "<use class=\"area\"").dropFirst()
        #expect(areas.count == 2 * indicators * (42 + 5), "two maps per indicator, London's five repeated in the inset")
        #expect(areas.allSatisfy { $0.prefix { $0 != "/" }.contains("><title>") }, "every area has a title")
        #expect(map.contains("Contains OS data © Crown copyright"), "the boundaries' attribution")
        #expect(count(map, "<path id=\"map-") == 42 + 5, "each outline once")
        #expect(count(map, "class=\"area-key\"") == 2 * indicators * 42, "every area numbered on every map")
        #expect(count(map, "<use class=\"london\"") == 2 * indicators * 5, "London outlined on every main map")
        #expect(map.contains("Key on the maps"))
        // The SII maps show how steep each gradient is, on a sequential scale, not three categories.
        #expect(count(map, "to under ") >= 3 * indicators, "a legend of up to five classes on each SII map (a class no system falls in is left out)")

        let profilePage = try dom("ics/\(profile).html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(latest)/ics").count == 42, "a profile per ICS")
        #expect(count(profilePage, "<svg class=\"spine\"") == indicators, "a spine row per indicator")
        // The ICS's SII over time, or a sentence where it has none in any period (never an empty chart).
        let noSII = count(profilePage, "slope index of inequality is not available in any period")
        #expect(count(profilePage, "-sii-trend-\(profile)-title\"") + noSII == indicators, "the ICS's SII over time")
        #expect(profilePage.contains("href=\"../state-of-care.html\"") && profilePage.contains("href=\"../about.html\""))
        // Its places (sub-ICB locations) against the system, every place named in the table beside the funnel.
        #expect(count(profilePage, "<h3>Places</h3>") == indicators, "a places section per indicator")
        // A funnel of its places only where three or more have a value, with each dot named; a sentence else.
        #expect(
            count(profilePage, "-places-\(profile)-title\"") + count(profilePage, "No funnel plot:") == indicators, "a funnel or the reason per indicator")
        #expect(profilePage.contains("id=\"summary\"") && profilePage.contains("What this says"))
        var labelled = 0
        for page in try FileManager.default.contentsOfDirectory(atPath: "\(latest)/ics") {
            let html = try String(contentsOfFile: "\(latest)/ics/\(page)", encoding: .utf8)
            if html.contains("places against the ICS (funnel plot)") {
                #expect(html.contains("class=\"point-label\""), "\(page): the place dots are named")
                labelled += 1
            }
            #expect(!html.contains("Funnel position:") && !html.contains("Since the baseline:"), "\(page): notes in sentences")
        }
        #expect(labelled >= 1, "some system has three or more places with a value")
        // The places on a map (reference.placeBoundaries), per indicator, each place shaded, titled and numbered
        // as its table lists it: Lancashire and South Cumbria's eight places, all eight outlined.
        let lancashire = try String(contentsOfFile: "\(latest)/ics/QE1.html", encoding: .utf8)
        let maps = lancashire.components(separatedBy: "<svg id=\"").dropFirst().filter { $0.contains("-place-map-QE1\"") }
        #expect(maps.count == indicators, "a place map per indicator")
        for map in maps {
            let svg = map.components(separatedBy: "</svg>")[0]
            #expect(count(svg, "<path class=\"area\"") == 8 && count(svg, "class=\"area-key\"") == 8, "\(svg.prefix(80))")
            #expect(svg.components(separatedBy: "<path class=\"area\"").dropFirst().allSatisfy { $0.prefix { $0 != "/" }.contains("><title>") })
            #expect(svg.contains("role=\"img\"") && !svg.contains("<a "), "an image with no link inside")
        }
        #expect(lancashire.contains("as numbered on the map"))

        let folder = Repository.path(".build/test-screenshots")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (page, name) in [("state-of-care.html", "index"), ("map.html", "map"), ("ics/\(profile).html", "profile"), ("about.html", "about")] {
            let screenshot = "\(folder)/\(name).png"
            let shot = try CommandLineRunner.run(
                flags + ["--window-size=1200,2400", "--screenshot=\(screenshot)", URL(fileURLWithPath: "\(latest)/\(page)").absoluteString],
                executable: chromium)
            #expect(shot.status == 0, "\(shot.stderr.suffix(500))")
            let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            // IHDR width and height.
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 1200 && height == 2400)
            #expect(png.count > 100_000, "\(name): a blank page compresses to a few kilobytes")
        }
        try AccessibilityAudit.expectNoSeriousViolations(
            ["state-of-care.html", "map.html", "about.html", "ics/\(profile).html"], in: latest, chromium: chromium)
    }
}

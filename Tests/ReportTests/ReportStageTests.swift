import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// The tiny world through all four stages. Its raw counts include 3, 4 and 6 events and 3 of 4
/// waits below England level, so disclosure control has work to do.
struct ReportStageTests {
    static let indicators = """
        [ { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better" },
          { "id": "DSR", "title": "Standardised admissions", "source": "admissions", "method": "dsr", "multiplier": 100000,
            "unit": "per 100,000", "polarity": "lower_is_better" },
          { "id": "PROP", "title": "Waits", "source": "waits", "method": "proportion", "multiplier": 100,
            "unit": "%", "polarity": "higher_is_better" } ]
        """

    /// Runs every stage; returns the store and the published folder.
    static func publish(_ workspace: TestWorkspace, report: String = "", indicators: String = indicators) throws -> (CheckpointStore, String) {
        try workspace.writeTinyWorld(indicators: indicators)
        if !report.isEmpty {
            let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
            try workspace.write("pipeline.json", String(config.dropLast(2)) + ", \"report\": \(report)\n}\n")
        }
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        let store = try StageHarness.run(ReportStage(), configPath: config)
        return (store, workspace.path("out/published/latest"))
    }

    static func row(_ db: Database, _ sql: String) throws -> Row {
        try #require(try Row.fetchOne(db, sql: sql))
    }

    static func logged(_ db: Database, _ table: String, _ key: String, _ column: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT action || ':' || reason_code FROM soc_suppressed_cells WHERE table_name = ? AND row_key = ? AND column_name = ?",
            arguments: [table, key, column])
    }

    @Test func countsFollowTheRuleAndEveryActionIsLogged() throws {
        let workspace = try TestWorkspace()
        let (store, _) = try Self.publish(workspace)
        try store.reader.read { db in
            // ICS totals: QAA 15 events (12 + 3), population 7,600 (rounded, and logged as rounded). With two
            // ICSs every total is one difference away from a suppressed cell (QAA's 15 less its published
            // quintile 1 would give quintile 5's 3 back), so the numerator is hidden as a complementary cell.
            let league = try Self.row(db, "SELECT * FROM soc_ics_league WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA'")
            #expect(league["numerator"] as Int? == nil)
            #expect(league["denominator"] as Int? == 7600)
            #expect(try Self.logged(db, "soc_ics_league", "RATE|2025-03-01|QAA", "denominator") == "rounded:rounded_to_5")
            #expect(try Self.logged(db, "soc_ics_league", "RATE|2025-03-01|QAA", "numerator") == "complementary_suppressed:complementary")
            // Its SII rests on quintile 5, which is suppressed: it is withheld with it, not fitted on the hidden count.
            #expect(league["sii"] as Double? == nil && league["rii"] as Double? == nil)
            #expect(league["suppression_flag"] as String == "suppressed")
            #expect(try Self.logged(db, "soc_ics_league", "RATE|2025-03-01|QAA", "sii") == "secondary_suppressed:reveals_suppressed_count")
            // Quintile 5 of QAA holds 3 events: suppressed, and its crude rate and limits with it.
            let q5 = try Self.row(db, "SELECT * FROM soc_ics_quintile_gap WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA' AND quintile = 5")
            #expect(q5["numerator"] as Int? == nil)
            #expect(q5["value"] as Double? == nil)
            #expect(q5["lcl95"] as Double? == nil)
            #expect(q5["suppression_flag"] as String == "suppressed")
            #expect(try Self.logged(db, "soc_ics_quintile_gap", "RATE|2025-03-01|QAA|5", "numerator") == "suppressed:count_1_to_7")
            #expect(try Self.logged(db, "soc_ics_quintile_gap", "RATE|2025-03-01|QAA|5", "value") == "secondary_suppressed:reveals_suppressed_count")
            // The gap would reveal it too.
            #expect(q5["q1_minus_q5"] as Double? == nil)
            // Quintile 1 holds 12 events: hidden too (complementary), with its rate.
            let q1 = try Self.row(db, "SELECT * FROM soc_ics_quintile_gap WHERE indicator_id = 'RATE' AND ics_ods_code = 'QAA' AND quintile = 1")
            #expect(q1["numerator"] as Int? == nil)
            #expect(q1["value"] as Double? == nil)
            #expect(try Self.logged(db, "soc_ics_quintile_gap", "RATE|2025-03-01|QAA|1", "numerator") == "complementary_suppressed:complementary")
            // England's quintile 1 holds 12 events, QAA's hidden 12 plus QBB's hidden 0; RATE and DSR publish the same
            // counts, and what each one's value and limits say of them narrows the suppressed counts below their
            // protection once read together (docs/DISCLOSURE.md, "The same counts in two indicators"): it is hidden
            // as a complementary cell in both.
            let england1 = try Self.row(
                db, "SELECT * FROM soc_national_by_group WHERE indicator_id = 'RATE' AND breakdown_type = 'imd_quintile' AND breakdown_value LIKE '1%'")
            #expect(england1["numerator"] as Int? == nil)
            #expect(
                try Self.logged(db, "soc_national_by_group", "RATE|2025-03-01|imd_quintile|1 (most deprived)", "numerator")
                    == "complementary_suppressed:complementary")
            // But England's quintile 5 is QAA's suppressed 3 plus QBB's published 0, so it is hidden as a
            // complementary cell; England's deciles, which cannot be checked against a hidden England count,
            // are withheld with it.
            let england5 = try Self.row(
                db, "SELECT * FROM soc_national_by_group WHERE indicator_id = 'RATE' AND breakdown_type = 'imd_quintile' AND breakdown_value LIKE '5%'")
            #expect(england5["numerator"] as Int? == nil)
            #expect(
                try Self.logged(db, "soc_national_by_group", "RATE|2025-03-01|imd_quintile|5 (least deprived)", "numerator")
                    == "complementary_suppressed:complementary")
            #expect(
                try Self.logged(db, "soc_national_by_group", "RATE|2025-03-01|imd_decile|1 (most deprived)", "numerator")
                    == "secondary_suppressed:reveals_suppressed_count")
            // Fewer than 10 events: the DSR is withheld (not suppressed) with its reason.
            let dsr = try Self.row(db, "SELECT * FROM soc_ics_quintile_gap WHERE indicator_id = 'DSR' AND ics_ods_code = 'QBB' AND quintile = 4")
            #expect(dsr["numerator"] as Int? == nil)
            #expect(dsr["value"] as Double? == nil)
            #expect(try Self.logged(db, "soc_ics_quintile_gap", "DSR|2025-03-01|QBB|4", "value") == "withheld:dsr_fewer_than_10_events")
            // Every row names its run and inputs.
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT manifest_sha256) FROM soc_ics_league") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM soc_ics_league WHERE run_id = '' OR imd_vintage <> '2019'") == 0)
        }
    }

    /// The rules for disclosure control off, so that every figure of the tiny world is published.
    static let controlOff = #"{ "disclosure": { "suppressFrom": 1, "suppressTo": 0, "roundTo": 1, "acknowledgeWeakerThanDefault": true } }"#

    /// Under the default rules the two-ICS world hides nearly everything, so no headline may state what is
    /// hidden: not England's ratio (its quintile 5 is hidden), not a region (each is one ICS with hidden counts).
    @Test func headlinesStateNothingHidden() throws {
        let workspace = try TestWorkspace()
        let (store, _) = try Self.publish(workspace)
        let kinds = try store.reader.read { db in try String.fetchAll(db, sql: "SELECT statement_type FROM soc_headlines") }
        #expect(!kinds.contains("ratio_most_vs_least"))
        #expect(!kinds.contains("range_regions"))
        #expect(!kinds.contains { $0.hasPrefix("top_n_ics_") })
    }

    /// Headlines are worded here from the aggregate stage's facts: England's ratio (12 of 3,800 against 3 of
    /// 3,800, four times as likely) and the ICS statements from published values (control off, so that
    /// they are published).
    @Test func headlinesAreWordedFromTheFacts() throws {
        let workspace = try TestWorkspace()
        let (store, _) = try Self.publish(workspace, report: Self.controlOff)
        try store.reader.read { db in
            let ratio = try Self.row(db, "SELECT * FROM soc_headlines WHERE indicator_id = 'RATE' AND statement_type = 'ratio_most_vs_least'")
            #expect(
                (ratio["text"] as String).hasPrefix("The rate of ")
                    && (ratio["text"] as String).contains("in the most deprived fifth of areas was 4.0 times that in the least deprived fifth"),
                "a rate worded as a rate")
            #expect((ratio["text"] as String).contains("(3.2 per 1,000 against 0.8 per 1,000, March 2025)"))
            // No quintile 3 here, so England has no relative index to state.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM soc_headlines WHERE statement_type = 'relative_index'") == 0)
            let highest = try Self.row(db, "SELECT * FROM soc_headlines WHERE indicator_id = 'RATE' AND statement_type = 'top_n_ics_highest' AND rank = 1")
            #expect((highest["text"] as String).hasPrefix("Highest 1: "))
            #expect(highest["source_table"] as String == "soc_ics_league")
            // Every ranked statement's clause is what the published intervals show.
            for headline in try Row.fetchAll(db, sql: "SELECT * FROM soc_headlines WHERE statement_type LIKE 'top_n_ics_%'") {
                let league = try Row.fetchAll(
                    db, sql: "SELECT * FROM soc_ics_league WHERE indicator_id = ? AND value IS NOT NULL ORDER BY value DESC, ics_ods_code",
                    arguments: [headline["indicator_id"] as String])
                let code = (headline["source_key"] as String).split(separator: "|")[3]
                let index = try #require(league.firstIndex { $0["ics_ods_code"] as String == String(code) })
                let overlaps = [index - 1, index + 1].filter(league.indices.contains).contains {
                    (league[$0]["lcl95"] as Double) <= (league[index]["ucl95"] as Double)
                        && (league[index]["lcl95"] as Double) <= (league[$0]["ucl95"] as Double)
                }
                #expect((headline["text"] as String).contains(overlaps ? "overlaps a neighbouring" : "does not overlap"), "\(headline)")
            }
        }
    }

    @Test func percentagesComeFromRoundedCounts() throws {
        // Rounding alone (no suppression range), so that the percentages are published to be read.
        let workspace = try TestWorkspace()
        let (store, _) = try Self.publish(
            workspace, report: #"{ "disclosure": { "suppressFrom": 1, "suppressTo": 0, "roundTo": 5, "acknowledgeWeakerThanDefault": true } }"#)
        try store.reader.read { db in
            // QAA: 8 of 10 waits is published as 10 of 10, and its percentage as 100.0, from the rounded counts.
            let qaa = try Self.row(db, "SELECT * FROM soc_ics_league WHERE indicator_id = 'PROP' AND ics_ods_code = 'QAA'")
            #expect(qaa["numerator"] as Int? == 10)
            #expect(qaa["denominator"] as Int? == 10)
            #expect(qaa["value"] as Double? == 100)
            #expect(try Self.logged(db, "soc_ics_league", "PROP|2025-03-01|QAA", "numerator") == "rounded:rounded_to_5")
            // QBB: 3 of 4 → 5 of 5.
            let qbb = try Self.row(db, "SELECT * FROM soc_ics_league WHERE indicator_id = 'PROP' AND ics_ods_code = 'QBB'")
            #expect(qbb["numerator"] as Int? == 5 && qbb["denominator"] as Int? == 5)
            // England keeps its unrounded 11 of 14.
            let england = try Self.row(db, "SELECT * FROM soc_national_by_group WHERE indicator_id = 'PROP' AND breakdown_type = 'all'")
            #expect(abs((england["value"] as Double? ?? 0) - 11.0 / 14 * 100) < 1e-9)
        }
        // Under the default rules QBB's 3 of 4 is suppressed, and with two ICSs England's 11 of 14 less QAA's
        // counts would give it back: QAA's counts and England's are hidden as complementary cells.
        let defaults = try TestWorkspace()
        let (controlled, _) = try Self.publish(defaults)
        try controlled.reader.read { db in
            let qbb = try Self.row(db, "SELECT * FROM soc_ics_league WHERE indicator_id = 'PROP' AND ics_ods_code = 'QBB'")
            #expect(qbb["numerator"] as Int? == nil && qbb["denominator"] as Int? == nil && qbb["value"] as Double? == nil)
            #expect(try Self.logged(db, "soc_ics_league", "PROP|2025-03-01|QBB", "numerator") == "suppressed:count_1_to_7")
            let qaa = try Self.row(db, "SELECT * FROM soc_ics_league WHERE indicator_id = 'PROP' AND ics_ods_code = 'QAA'")
            #expect(qaa["numerator"] as Int? == nil && qaa["value"] as Double? == nil)
            #expect(try Self.logged(db, "soc_ics_league", "PROP|2025-03-01|QAA", "numerator") == "complementary_suppressed:complementary")
            let england = try Self.row(db, "SELECT * FROM soc_national_by_group WHERE indicator_id = 'PROP' AND breakdown_type = 'all'")
            #expect(england["numerator"] as Int? == nil && england["value"] as Double? == nil)
        }
    }

    @Test func derivedValuesUnderTheRule() {
        let control = DisclosureControl(rules: DisclosureRules())
        let stored = StoredValue(value: 80, lower95: 49, upper95: 94, lower998: 40, upper998: 97)
        // 4,012 of 5,003 → 4,010 of 5,005: 80.1% to one decimal place, Wilson limits from the rounded counts.
        let cells = control.derived(
            method: Proportion(), multiplier: 100, national: false,
            numerator: control.count(4012, national: false), denominator: control.count(5003, national: false),
            stored: stored)
        #expect(cells[0].number == 80.1)
        #expect(cells[0].action == .fromRoundedCounts)
        let wilson = Proportion.estimate(numerator: 4010, denominator: 5005, multiplier: 100)!
        #expect(cells[1].number == (wilson.lower95! * 10).rounded() / 10)
        // Rates are not recomputed, but a suppressed numerator hides them.
        let rate = control.derived(
            method: CrudeRate(), multiplier: 1000, national: false,
            numerator: control.count(5, national: false), denominator: control.count(3800, national: false),
            stored: StoredValue(value: 1.3, lower95: 0.4, upper95: 3.1, lower998: 0.2, upper998: 4))
        #expect(rate.allSatisfy { $0.action == .secondarySuppressed && $0.value.isNull })
        // A zero numerator beside a suppressed denominator still hides the percentage (its limits reveal n).
        let zero = control.derived(
            method: Proportion(), multiplier: 100, national: false,
            numerator: control.count(0, national: false), denominator: control.count(6, national: false),
            stored: StoredValue(value: 0, lower95: 0, upper95: 39, lower998: 0, upper998: 60))
        #expect(zero[0].action == .secondarySuppressed)
    }

    @Test func publishesEveryFormatAndNoFileRevealsASmallCount() throws {
        let workspace = try TestWorkspace()
        let (_, latest) = try Self.publish(workspace)
        for table in PublishedCatalog.tables {
            let csv = try String(contentsOfFile: "\(latest)/csv/\(table.name).csv", encoding: .utf8)
            #expect(csv.hasPrefix(table.dataFileColumns.map(\.name).joined(separator: ",") + "\r\n"))
            #expect(FileManager.default.fileExists(atPath: "\(latest)/json/\(table.name).json"))
            #expect(FileManager.default.fileExists(atPath: "\(latest)/markdown/\(table.name).md"))
        }
        let violations = try PublishedFileScanner.scan(latest)
        #expect(violations.isEmpty, "\(violations.prefix(10))")
        // Every file names its run — the trend table is empty with one period, and still does.
        let run = String(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("out/published/latest")).dropFirst(5))
        for file in ["json/soc_trend_vs_baseline.json", "markdown/soc_trend_vs_baseline.md", "state-of-care.html", "manifest.json"] {
            #expect(try String(contentsOfFile: "\(latest)/\(file)", encoding: .utf8).contains(run), "\(file)")
        }
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("out/published/latest"))
        #expect(target.hasPrefix("runs/"))
        let manifest = try String(contentsOfFile: "\(latest)/manifest.json", encoding: .utf8)
        #expect(manifest.contains(String(target.dropFirst(5))))
    }

    @Test func theScanFindsSmallCountsWhenControlIsOff() throws {
        // The same world with an empty suppression range and no rounding: the scanner must catch the raw counts.
        let workspace = try TestWorkspace()
        let (_, latest) = try Self.publish(workspace, report: Self.controlOff)
        let violations = try PublishedFileScanner.scan(latest)
        for format in ["csv/", "json/", "markdown/", "state-of-care.xlsx", "state-of-care.html"] {
            #expect(violations.contains { $0.hasPrefix(format) }, "no violation found in \(format)")
        }
    }

    @Test func workbookFollowsTheSpreadsheetGuidance() throws {
        let workspace = try TestWorkspace()
        // The standardised rate over ages 0 to 89 counts other events than the crude rate, so England's quintile 1
        // is not hidden for the counts two rates share (docs/DISCLOSURE.md, "The same counts in two indicators").
        let (_, latest) = try Self.publish(
            workspace, report: #"{ "publisher": "Example Analysis Unit", "contact": "analysis@example.org" }"#,
            indicators: Self.indicators.replacingOccurrences(of: #""method": "dsr","#, with: #""method": "dsr", "ageRange": { "from": 0, "to": 89 },"#))
        let path = "\(latest)/state-of-care.xlsx"
        let sheets = try XLSXReader.sheetNames(path)
        #expect(sheets == ["Cover", "Contents", "Notes"] + PublishedCatalog.tables.map(XLSXWorkbookRenderer.sheetName))
        let strings = try XLSXReader.allText(path)
        #expect(strings.contains("Table 1: England by group"))
        #expect(strings.contains { $0.hasPrefix("[c] = confidential") })
        #expect(strings.contains("[c]"))
        // Note 4 and the cover say the workbook's own symbol, not the CSV's `*`.
        let rules = try #require(strings.first { $0.hasPrefix("Disclosure control: ") })
        #expect(rules.contains("shown as [c],") && !rules.contains("shown as *") && rules.contains(". Columns marked [note 4]"), "\(rules)")
        #expect(strings.contains("[x]"))
        // Names and words, not codes: indicator titles beside their codes, outcomes as a reader says them.
        #expect(strings.contains("Admissions") && strings.contains("Waits"), "indicator titles")
        #expect(!strings.contains("worse_95") && !strings.contains("no_change") && !strings.contains("reduced_precision"), "outcome codes in words")
        #expect(
            strings.contains { ["Rounded", "Suppressed", "Secondary suppressed", "Not compared", "Similar to England"].contains($0) },
            "status and outcome words")
        #expect(!strings.contains("rounded") && !strings.contains("secondary_suppressed"))
        for index in 1...sheets.count {
            #expect(!(try XLSXReader.member(path, "xl/worksheets/sheet\(index).xml")).contains("<mergeCell"), "sheet \(index) merges cells")
        }
        // Contents and Notes are the Excel tables their first lines say they are, and rows of wrapped text are
        // as tall as their lines (LibreOffice prints them over the next rows otherwise).
        let tableNames = try XLSXReader.members(path).filter { $0.hasPrefix("xl/tables/") }.map { try XLSXReader.member(path, $0) }
        #expect(tableNames.contains { $0.contains("name=\"contents\"") } && tableNames.contains { $0.contains("name=\"notes\"") })
        for sheet in [2, 3] { #expect(try XLSXReader.member(path, "xl/worksheets/sheet\(sheet).xml").contains("<tablePart "), "sheet \(sheet)") }
        let notesXML = try XLSXReader.member(path, "xl/worksheets/sheet3.xml")
        #expect(notesXML.contains("customHeight=\"1\""), "the notes' rows are sized")
        #expect(XLSXWorkbookRenderer.wrappedHeight(String(repeating: "word ", count: 60), width: 120) == 45, "300 characters in 120: three lines")
        #expect(XLSXWorkbookRenderer.wrappedHeight("short", width: 120) == 15)
        // The cover: title, period, publication date (the run's), sources, publisher, contact, disclosure regime.
        let cover = try XLSXReader.cells(path, sheet: 1)
        let items = Dictionary(
            cover.filter { $0.column == "A" && $0.row > 4 }.compactMap { item in
                cover.first { $0.column == "B" && $0.row == item.row }.map { (item.value, $0.value) }
            }, uniquingKeysWith: { a, _ in a })
        #expect(cover.first { $0.column == "A" && $0.row == 1 }?.value == "State of Care: equity in access to health and care")
        #expect(items["Period covered"] == "March 2025")
        let run = String(try FileManager.default.destinationOfSymbolicLink(atPath: latest).dropFirst(5))
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: WorkbookCover.date(ofRun: run))
        #expect(items["Publication date"] == "\(day.day!) \(Period.monthNames[day.month! - 1].capitalized) \(day.year!)")
        #expect(items["Published by"] == "Example Analysis Unit")
        #expect(items["Contact"] == "analysis@example.org")
        #expect(items.keys.contains { $0.hasPrefix("Source: RATE") })
        #expect(items["Disclosure control"]?.contains("1 to 7") == true || items["Disclosure control"]?.contains("1–7") == true, "\(items)")
        // Document properties.
        let core = try XLSXReader.member(path, "docProps/core.xml")
        #expect(core.contains("<dc:title>State of Care: equity in access to health and care</dc:title>"))
        #expect(core.contains("<dc:creator>Example Analysis Unit</dc:creator>"))
        // Every table sheet holds one Excel table whose columns are the readable headers, over the header and every row.
        let members = try XLSXReader.members(path)
        // Headers name the publication's real units (three indicators, three units: "Value (in the row's unit: …)").
        let units = try XLSXReader.units(latest)
        #expect(units.count == 3, "\(units)")
        for (offset, table) in PublishedCatalog.tables.enumerated() {
            let sheetXML = try XLSXReader.member(path, "xl/worksheets/sheet\(offset + 4).xml")
            let rows = Set(try XLSXReader.cells(path, sheet: offset + 4).filter { $0.row > 4 }.map(\.row))
            guard !rows.isEmpty else { continue }
            #expect(sheetXML.contains("<tablePart "), "\(table.name) has no Excel table")
            let tableXML = try members.filter { $0.hasPrefix("xl/tables/") }.map { try XLSXReader.member(path, $0) }
                .first { $0.contains("name=\"table_\(XLSXWorkbookRenderer.sheetName(table))\"") }
            let xml = try #require(tableXML, "\(table.name)")
            // An indicator's title beside its code: one more column than the published table where it has one.
            let slots = XLSXWorkbookRenderer.Writer.slots(table.columns)
            #expect(slots.count == table.columns.count + (table.columns.contains { $0.name == "indicator_id" } ? 1 : 0))
            #expect(xml.contains("ref=\"A4:\(XLSXReader.columnLetters(slots.count - 1))\(4 + rows.count)\""), "\(table.name)")
            for column in table.columns {
                let header = XLSXWorkbookRenderer.Writer.header(column, in: table, units: units)
                #expect(!header.contains("(in unit)"))
                #expect(xml.contains("name=\"\(XLSXReader.escape(header))\""), "\(table.name).\(column.name)")
            }
            if slots.count > table.columns.count { #expect(xml.contains("name=\"Indicator\""), "\(table.name)") }
        }
        // ICS comparison: the title in A1, readable headers in row 4, numbers stored as numbers in their format.
        let league = try XLSXReader.cells(path, sheet: 6)
        let a1 = try #require(league.first { $0.column == "A" && $0.row == 1 })
        #expect(a1.isText && a1.value == "Table 3: ICS comparison")
        let header = league.filter { $0.row == 4 }.map(\.value)
        let published = PublishedCatalog.icsLeague.columns.map {
            XLSXWorkbookRenderer.Writer.header($0, in: PublishedCatalog.icsLeague.table, units: units)
        }
        #expect(header == [published[0], "Indicator"] + published.dropFirst(), "the indicator's title beside its code")
        #expect(header.contains("Population (people) [note 4]") && header.contains("ICS name"))
        // Worksheet columns: the published ones, shifted one right after the indicator's title.
        let column = { (name: String) in XLSXReader.columnLetters(PublishedCatalog.icsLeague.columnNames.firstIndex(of: name)! + 1) }
        #expect(league.first { $0.column == column("population") && $0.row == 5 }.map { !$0.isText && $0.value == "7600" } == true)
        // Formats: counts `#,##0`, values to one decimal place, dates as dates.
        let styles = try XLSXReader.member(path, "xl/styles.xml")
        #expect(try XLSXReader.numberFormat(of: column("population"), row: 5, sheet: 6, in: path) == "#,##0")
        // (Every ICS value of this two-ICS world is hidden, so the one-decimal format is read from England's table.)
        let englandValue = XLSXReader.columnLetters(PublishedCatalog.nationalByGroup.columnNames.firstIndex(of: "value")! + 1)
        let shownValue = try #require(try XLSXReader.cells(path, sheet: 4).first { $0.column == englandValue && $0.row > 4 && !$0.isText })
        #expect(try XLSXReader.numberFormat(of: englandValue, row: shownValue.row, sheet: 4, in: path) == "#,##0.0")
        #expect(try XLSXReader.numberFormat(of: column("core20_share"), row: 5, sheet: 6, in: path) == "#,##0.0000")
        let start = try #require(league.first { $0.column == column("period_start") && $0.row == 5 })
        #expect(!start.isText && Int(start.value) == 45717, "2025-03-01 is Excel day 45717")
        #expect(try XLSXReader.numberFormat(of: column("period_start"), row: 5, sheet: 6, in: path) == "d mmmm yyyy")
        #expect(styles.contains("d mmmm yyyy"))
        // Widths from content: the name column fits the longest name, a code column stays narrow.
        let widths = try XLSXReader.columnWidths(path, sheet: 6)
        let longestName = league.filter { $0.column == column("ics_name") && $0.row > 4 }.map(\.value.count).max() ?? 0
        #expect((widths[column("ics_name")] ?? 0) >= Double(longestName), "\(widths)")
        #expect((widths[column("ics_ods_code")] ?? 99) < 20, "\(widths)")
        // Rows follow the header without a gap.
        #expect(Set(league.filter { $0.row > 4 }.map(\.row)) == Set(5...(4 + 2 * 3)))
    }
}

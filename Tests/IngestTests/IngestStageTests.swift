import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

struct IngestStageTests {
    /// Runs ingest on the tiny world with QAA's admissions file replaced by `admissions`.
    func ingest(admissions: String) throws -> (TestWorkspace, CheckpointStore) {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(admissionsQAA: admissions)
        let store = try StageHarness.run(IngestStage(), configPath: config)
        return (workspace, store)
    }

    func quarantine(_ store: CheckpointStore) throws -> [(line: Int, column: Int, reason: String)] {
        let rows = try store.pool.read { (db: Database) throws -> [Row] in
            try Row.fetchAll(db, sql: "SELECT line, column, reason FROM ingest_quarantine ORDER BY line")
        }
        return rows.map { row -> (line: Int, column: Int, reason: String) in (row[0], row[1], row[2]) }
    }

    /// The tiny world's config with admissions read from `agg/admissions.csv`, rows by ICB × decile in
    /// the given order (nil: none declared), and `eventsThreshold` appended to the source.
    static func decileConfig(order: String? = "1-most-deprived", eventsThreshold: String = "") -> String {
        TestWorkspace.tinyConfigJSON(eventsThreshold: eventsThreshold).replacingOccurrences(
            of: "\"files\": \"extracts/{icb}/admissions.csv\"",
            with: "\"grain\": \"icb-imd-decile\", \(order.map { "\"decileOrder\": \"\($0)\", " } ?? "")\"files\": \"agg/admissions.csv\"")
    }

    @Test func totalsAtTheCheckpointGrain() throws {
        let workspace = try TestWorkspace()
        let store = try StageHarness.run(IngestStage(), configPath: try workspace.writeTinyWorld())
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT sum(population) FROM ingest_population") == 4 * 2 * 19 * 100)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA'") == 15)
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT sub_icb_code, imd_decile, sex, age_band, events FROM ingest_event_total WHERE icb_code = 'QBB' AND events = 6
                    """)
            #expect(row?["sub_icb_code"] == "02C")
            #expect(row?["imd_decile"] == 8)
            #expect(row?["age_band"] == "65-69")
            #expect(try Int.fetchOne(db, sql: "SELECT numerator FROM ingest_proportion_total WHERE icb_code = 'QAA'") == 8)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_file") == 5)
            #expect(try String.fetchOne(db, sql: "SELECT delivered_for_icb FROM ingest_file WHERE path = 'extracts/QBB/admissions.csv'") == "QBB")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ref_icb") == 2)
            #expect(try String.fetchOne(db, sql: "SELECT stage FROM stage_checkpoint") == "ingest")
        }
    }

    static let header = "lsoa_code,period,sex,age_band,events\nE01000001,2025-03,male,0-4,5\n"

    @Test(arguments: [
        ("E09999999,2025-03,male,0-4,1", 1, "unknown_lsoa"),
        ("E01000001,2025-13,male,0-4,1", 2, "invalid_period"),
        ("E01000001,March,male,0-4,1", 2, "invalid_period"),
        ("E01000001,2025-03,robot,0-4,1", 3, "invalid_sex"),
        ("E01000001,2025-03,male,3-7,1", 4, "invalid_age_band"),
        ("E01000001,2025-03,male,0-4,-1", 5, "negative_count"),
        ("E01000001,2025-03,male,0-4,1.5", 5, "not_a_count"),
        ("E01000001,2025-03,male,0-4,", 5, "missing_value"),
        ("E01000001,2025-03,male,0-4", 5, "field_count"),
        ("E01000001,2025-03,male,0-4,1,9", 6, "field_count"),
        ("E01000001,2025-03,male,0-4,7", 1, "duplicate_key"),
        // Bounds that keep a delivery from crashing or exhausting a run, and rows delivered for
        // the wrong system.
        ("E01000001,2099-03,male,0-4,1", 2, "future_period"),
        ("E01000001,2025-03,male,0-4,9223372036854775807", 5, "count_too_large"),
        ("E01000001,2025-03,male,0-4,1000000001", 5, "count_too_large"),
        ("E01000003,2025-03,female,20-24,4", 1, "outside_delivered_ics"),
    ])
    func badRowIsQuarantinedWithLineColumnAndReason(row: String, column: Int, reason: String) throws {
        let (_, store) = try ingest(admissions: Self.header + row + "\nE01000002,2025-03,male,50-54,3\n")
        let entries = try quarantine(store)
        #expect(entries.count == 1)
        #expect(entries.first?.line == 3)
        #expect(entries.first?.column == column)
        #expect(entries.first?.reason == reason)
    }

    /// A sex column the header names otherwise (`sex_code`) used to be ignored: male and female rows then
    /// collided as duplicates under the threshold and totals fell with exit 0. Now the file is refused,
    /// naming the names tried, until the column is mapped (or declared absent).
    @Test func aSexColumnUnderAnotherNameIsNeverDropped() throws {
        let workspace = try TestWorkspace()
        let rows = "lsoa_code,period,sex_code,age_band,events\nE01000001,2025-03,1,0-4,5\nE01000001,2025-03,2,0-4,7\nE01000002,2025-03,1,50-54,3\n"
        let config = try workspace.writeTinyWorld(admissionsQAA: rows)
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            "\(error)".contains("extracts/QAA/admissions.csv:1:1: missing column 'sex' (header names tried: sex, gender)")
        }
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex_code,age_band,events\nE01000003,2025-03,2,20-24,4\n")
        try workspace.write("pipeline.json", TestWorkspace.tinyConfigJSON(eventsThreshold: #", "columns": { "sex": ["sex_code"] }"#))
        let store = try StageHarness.run(IngestStage(), configPath: config)
        #expect(try quarantine(store).isEmpty)
        let events = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA'") }
        #expect(events == 15)
    }

    /// Single years of age are summed into their band, not rejected as duplicates of each other.
    @Test func singleYearsOfAgeAreSummedIntoBands() throws {
        let rows =
            "lsoa_code,period,sex,age_band,events\n" + (0...4).map { "E01000001,2025-03,male,\($0),\($0 + 1)\n" }.joined()
            + "E01000002,2025-03,male,50-54,3\nE01000001,2025-03,male,3,1\n"
        let (_, store) = try ingest(admissions: rows)
        #expect(try quarantine(store).map(\.reason) == ["duplicate_key"], "only the repeated single year 3")
        let events = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT events FROM ingest_event_total WHERE icb_code = 'QAA' AND age_band = '0-4' AND sex = 'male'")
        }
        #expect(events == 15)
    }

    /// Rows outside the configured `periods` window are quarantined with that reason.
    @Test func rowsOutsideThePeriodWindowAreQuarantined() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: Self.header + "E01000001,2024-03,male,0-4,2\nE01000002,2025-03,male,50-54,3\n")
        let config = try String(contentsOfFile: workspace.path("pipeline.json"), encoding: .utf8)
        try workspace.write(
            "pipeline.json",
            config.replacingOccurrences(
                of: "\"database\": \"out/test.sqlite\",", with: "\"database\": \"out/test.sqlite\", \"periods\": { \"from\": \"2025-01\" },"))
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        #expect(try quarantine(store).map(\.reason) == ["outside_period_window"])
    }

    /// A file with thousands of valid periods used to take gigabytes and abort: ingest now stops at the
    /// configured number of periods with a message naming the window to set.
    @Test func tooManyPeriodsStopIngestWithTheFix() throws {
        let workspace = try TestWorkspace()
        var rows = "lsoa_code,period,sex,age_band,events\n"
        for year in 1900...2025 {
            for month in 1...12 { rows += "E01000001,\(year)-\(month < 10 ? "0" : "")\(month),male,0-4,1\n" }
        }
        let config = try workspace.writeTinyWorld(admissionsQAA: rows)
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            let text = "\(error)"
            return text.contains("extracts/QAA/admissions.csv:242:2: source 'admissions' holds more than 240 periods")
                && text.contains("\"periods\": {\"from\"")
        }
    }

    @Test func invalidUTF8IsQuarantined() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        var bytes = Array((Self.header + "E01000002,2025-03,").utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(",50-54,3\n".utf8)
        try workspace.write("extracts/QAA/admissions.csv", Data(bytes))
        let store = try StageHarness.run(IngestStage(), configPath: config)
        #expect(try quarantine(store).map(\.reason) == ["invalid_utf8"])
        #expect(try quarantine(store).map(\.column) == [3])
    }

    @Test func numeratorAboveDenominatorIsQuarantined() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        try workspace.write(
            "extracts/QAA/waits.csv",
            """
            lsoa_code,period,sex,age_band,numerator,denominator
            E01000001,2025-03,male,40-44,8,10
            E01000002,2025-03,male,40-44,11,10

            """)
        let store = try StageHarness.run(IngestStage(), configPath: config)
        let entries = try quarantine(store)
        #expect(entries.map(\.reason) == ["numerator_exceeds_denominator"])
        #expect(entries.map(\.column) == [5])
    }

    @Test func suppressionMarkersAreRecordedNotZero() throws {
        let (_, store) = try ingest(admissions: Self.header + "E01000002,2025-03,male,50-54,*\nE01000002,2025-03,female,50-54,..\n")
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT sum(suppressed_records) FROM ingest_event_total") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA'") == 5)
            #expect(
                try Int.fetchOne(db, sql: "SELECT records_suppressed_at_source FROM ingest_data_quality WHERE dataset = 'admissions' AND icb_code = 'QAA'") == 2
            )
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_quarantine") == 0)
        }
    }

    @Test func headersAreMatchedByNameInAnyOrderAndCase() throws {
        let (_, store) = try ingest(
            admissions: """
                Events , Age Band,SEX,Period,LSOA11CD,extra
                "1,234",37,F,2025-03,E01000001,ignored
                2,unknown,9,2025-03,E01000002,x

                """)
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT events FROM ingest_event_total WHERE age_band = '35-39' AND sex = 'female'") == 1234)
            #expect(try Int.fetchOne(db, sql: "SELECT events FROM ingest_event_total WHERE age_band = 'unknown' AND sex = 'unknown'") == 2)
            let quality = try Row.fetchOne(db, sql: "SELECT * FROM ingest_data_quality WHERE dataset = 'admissions' AND icb_code = 'QAA'")
            #expect(quality?["records_unknown_age"] == 1)
            #expect(quality?["records_unknown_sex"] == 1)
        }
    }

    @Test func missingColumnNamesTheFileAndAcceptedNames() throws {
        #expect {
            _ = try ingest(admissions: "lsoa_code,period,sex,age_band\nE01000001,2025-03,male,0-4\n")
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error?.location?.file == "extracts/QAA/admissions.csv"
                && error?.location?.line == 1 && (error?.hint ?? "").contains("events")
        }
    }

    @Test func coverageFailureNamesTheMissingSystem() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error!.message.contains("QBB") && error!.message.contains("Beta, Gamma")
        }
    }

    @Test func rejectThresholdFailsTheStageAndCommitsNothing() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld()
        try StageHarness.run(IngestStage(), configPath: config)
        let before = try TableDump.dump(workspace.path("out/test.sqlite"))
        try workspace.write(
            "extracts/QAA/admissions.csv",
            Self.header + "bad,row,x,y,z\nE01000002,2025-03,male,50-54,x1\nE01000002,2025-03,male,0-4,-2\nE01000002,2025-03,male,5-9,?\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: config)
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .dataQuality && error!.message.contains("reject threshold")
                && error!.message.contains("extracts/QAA/admissions.csv:3:1")
        }
        #expect(try TableDump.dump(workspace.path("out/test.sqlite")) == before)
    }

    @Test func preAggregatedExtractsAcceptAnyIcbCodeForm() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "agg/admissions.csv",
            """
            icb_code,imd_decile,period,sex,age_band,events
            QAA,1,2025-03,male,0-4,5
            E54000099,3,2025-03,female,20-24,4
            e54000002,8,2025-03,male,65-69,6

            """)
        try workspace.write(
            "pipeline.json",
            Self.decileConfig())
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QBB'") == 10)
            #expect(try String.fetchOne(db, sql: "SELECT DISTINCT sub_icb_code FROM ingest_event_total WHERE icb_code = 'QBB'") == "QBB")
        }
    }

    /// NHS Talking Therapies writes its deciles `01 Least deprived`, `02 Less deprived` … `10 Most deprived`
    /// (2024-25 referrals of NHS Lancashire and South Cumbria, set here on the tiny world's QAA). Read with
    /// the declared order, `10 Most deprived` is the product's decile 1; declared the other way, the labels
    /// contradict it and ingest stops naming the cell and the fix, instead of inverting the gradient.
    @Test func publishersDecileLabelsAreReadTheWayTheyMeanThem() throws {
        let referrals = [2395, 3625, 5060, 4585, 3900, 4055, 5615, 6485, 7745, 14300]
        let labels =
            ["01 Least deprived"] + (2...5).map { String(format: "%02d Less deprived", $0) } + (6...9).map { String(format: "%02d More deprived", $0) }
            + ["10 Most deprived"]
        let rows = zip(labels, referrals).map { "QAA,\($0),2025-03,male,0-4,\($1)" }.joined(separator: "\n") + "\nQBB,5,2025-03,male,0-4,10"
        func run(_ order: String) throws -> CheckpointStore {
            let workspace = try TestWorkspace()
            try workspace.writeTinyWorld()
            try workspace.write("agg/admissions.csv", "icb_code,imd_decile,period,sex,age_band,events\n\(rows)\n")
            try workspace.write(
                "pipeline.json",
                Self.decileConfig(order: order))
            return try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        }
        let store = try run("1-least-deprived")
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT events FROM ingest_event_total WHERE icb_code = 'QAA' AND imd_decile = 1") == 14300)
            #expect(try Int.fetchOne(db, sql: "SELECT events FROM ingest_event_total WHERE icb_code = 'QAA' AND imd_decile = 10") == 2395)
        }
        #expect {
            try run("1-most-deprived")
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("the decile label '01 Least deprived' says 1 is least deprived") == true
                && error?.hint?.contains("\"decileOrder\": \"1-least-deprived\"") == true && "\(error!)".contains("agg/admissions.csv:2:2")
        }
    }

    /// The threshold error leads with what failed most, not with what came first in the file: here two
    /// unknown LSOAs come first and six bad sexes after (as Talking Therapies' few unknown ICBs hid 1,386
    /// bad decile labels), each reason with its count and first row.
    @Test func theThresholdErrorCountsEveryReason() throws {
        let workspace = try TestWorkspace()
        let bad = (0..<6).map { _ in "E01000002,2025-03,woman,50-54,3" }.joined(separator: "\n")
        _ = try workspace.writeTinyWorld(
            admissionsQAA:
                "lsoa_code,period,sex,age_band,events\nE09999999,2025-03,male,0-4,5\nE09999998,2025-03,male,0-4,5\n\(bad)\nE01000001,2025-03,male,0-4,5\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        } throws: { error in
            let message = (error as? PipelineError)?.message ?? ""
            let sex = message.range(of: "6 invalid_sex — first: extracts/QAA/admissions.csv:4:3: sex must be")
            let lsoa = message.range(of: "2 unknown_lsoa — first: extracts/QAA/admissions.csv:2:1:")
            return message.contains("8 of 11 rows failed validation") && sex != nil && lsoa != nil && sex!.lowerBound < lsoa!.lowerBound
        }
    }

    /// An ICB whose rows all arrived but were set aside is not "missing from the delivery": the coverage
    /// error names the reasons with their first rows.
    @Test func theCoverageErrorNamesWhyRowsWereSetAside() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "extracts/QBB/admissions.csv", "lsoa_code,period,sex,age_band,events\nE01000003,2025-03,woman,20-24,4\nE01000004,2025-03,man,65-69,6\n")
        #expect {
            try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("has no records for 1 of 2 ICBs: QBB") == true
                && error?.message.contains("2 of its rows were set aside, by reason:\n  2 invalid_sex — first: extracts/QBB/admissions.csv:2:3") == true
                && error?.hint?.contains("fix what the reasons name") == true
        }
    }

    /// Fingertips' shape (its A&E 0–4 export): `Male`, `Female` and `Persons` rows aged `0-4 yrs`. The band
    /// with its unit is read; the persons row is set aside as `persons_row`, whose explanation names the
    /// filter that keeps one or the other, instead of a bare "sex must be male/female".
    @Test func fingertipsSexAndAgeLabels() throws {
        let workspace = try TestWorkspace()
        _ = try workspace.writeTinyWorld(
            admissionsQAA:
                "lsoa_code,period,sex,age_band,events\nE01000001,2025-03,Male,0-4 yrs,5\nE01000001,2025-03,Female,0-4 yrs,7\nE01000001,2025-03,Persons,0-4 yrs,12\n"
        )
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        let entries = try quarantine(store)
        #expect(entries.map(\.reason) == ["persons_row"])
        #expect(QuarantineReason.personsRow.explanation.contains("'where' filter"))
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA' AND age_band = '0-4'") == 12)
        }
    }

    /// An ICB's name, or a sub-ICB location code such as 01A, in the ICB column: each set aside with the
    /// reason that says what was mapped wrongly, not a bare "unknown ICB".
    @Test func namesAndSubIcbCodesInTheIcbColumnAreNamed() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "agg/admissions.csv",
            """
            icb_code,imd_decile,period,sex,age_band,events
            QAA,1,2025-03,male,0-4,5
            QBB,2,2025-03,male,0-4,5
            NHS Alpha Integrated Care Board,1,2025-03,male,0-4,5
            01A,2,2025-03,male,0-4,5
            QZZ,2,2025-03,male,0-4,5

            """)
        try workspace.write(
            "pipeline.json",
            Self.decileConfig(eventsThreshold: ", \"rejectThreshold\": 0.9"))
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        #expect(try quarantine(store).map(\.reason) == ["icb_name_not_code", "sub_icb_code_in_icb_column", "unknown_icb"])
    }

    /// Publishers put a title above the header, or separate fields with semicolons; both once gave "the
    /// header row has 1 columns". Now each is named with its fix, and `headerRow` reads the titled file.
    @Test func titleLinesAndOtherDelimitersAreNamed() throws {
        let rows = "lsoa_code,period,sex,age_band,events\nE01000001,2025-03,male,0-4,5\nE01000002,2025-03,male,50-54,3\n"
        func ingest(_ qaa: String, dialect: String = "") throws -> CheckpointStore {
            let workspace = try TestWorkspace()
            _ = try workspace.writeTinyWorld(admissionsQAA: qaa)
            if !dialect.isEmpty {
                try workspace.write(
                    "pipeline.json",
                    TestWorkspace.tinyConfigJSON(eventsThreshold: ", \"dialect\": \(dialect)"))
                // Every file of the source is laid out alike.
                let qbb = try String(contentsOfFile: workspace.path("extracts/QBB/admissions.csv"), encoding: .utf8)
                try workspace.write("extracts/QBB/admissions.csv", "A and E attendances by LSOA\nSource: example trust\n" + qbb)
            }
            return try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        }
        let titled = "A and E attendances by LSOA\nSource: example trust\n" + rows
        #expect {
            try ingest(titled)
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("line 1 looks like a title above the header") == true && error?.hint?.contains("headerRow") == true
        }
        let store = try ingest(titled, dialect: #"{ "headerRow": 3 }"#)
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT sum(events) FROM ingest_event_total WHERE icb_code = 'QAA'") == 8)
        }
        #expect {
            try ingest(rows.replacingOccurrences(of: ",", with: ";"))
        } throws: { error in
            let error = error as? PipelineError
            return error?.message.contains("separated by ';'") == true && error?.hint?.contains(#""delimiter": ";""#) == true
        }
    }

    /// US dates: `03/15/2025` is no date day first, so the file's dates are month first, and the reason
    /// says so (rather than a bare invalid period beside the "duplicate rows" its other dates become).
    @Test func aDateValidOnlyMonthFirstIsNamed() throws {
        let workspace = try TestWorkspace()
        _ = try workspace.writeTinyWorld(
            admissionsQAA:
                "lsoa_code,period,sex,age_band,events\nE01000001,03/15/2025,male,0-4,5\nE01000001,03/20/2025,female,90+,7\nE01000002,2025-03,male,50-54,3\n")
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        #expect(try quarantine(store).map(\.reason) == ["month_first_date", "month_first_date"])
        #expect(QuarantineReason.monthFirstDate.explanation.contains("YYYY-MM-DD"))
        #expect(QuarantineReason.duplicateKey.explanation.contains("month first"))
    }

    /// A bare decile number means nothing without the source's order: the configuration says so.
    @Test func aDecileSourceMustDeclareItsOrder() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "pipeline.json",
            Self.decileConfig(order: nil))
        #expect {
            try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        } throws: { error in
            "\(error)".contains("decileOrder") && "\(error)".contains("1-least-deprived")
        }
    }

    @Test func preAggregatedRowsWithUnknownIcbOrDecileAreQuarantined() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write(
            "agg/admissions.csv",
            """
            icb_code,imd_decile,period,sex,age_band,events
            QAA,1,2025-03,male,0-4,5
            QZZ,1,2025-03,male,0-4,5
            QBB,11,2025-03,male,0-4,5
            QBB,2,2025-03,male,0-4,5

            """)
        try workspace.write(
            "pipeline.json",
            Self.decileConfig())
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        let entries = try quarantine(store)
        #expect(entries.map(\.reason) == ["unknown_icb", "invalid_imd_decile"])
        #expect(entries.map(\.column) == [1, 2])
    }

    @Test func keepRowsStoresEveryValidatedRow() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld()
        try workspace.write("pipeline.json", TestWorkspace.tinyConfigJSON(extra: ", \"keepRows\": true"))
        let store = try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_row WHERE dataset = 'admissions'") == 5)
            #expect(try Int.fetchOne(db, sql: "SELECT value2 FROM ingest_row WHERE dataset = 'waits' AND area_code = 'E01000001'") == 10)
            #expect(try Int.fetchOne(db, sql: "SELECT line FROM ingest_row WHERE dataset = 'admissions' AND value1 = 7") == 3)
        }
    }
}

import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

/// Sources delivered one row per measure (docs/DATA.md, "One row per measure"): measures added and
/// subtracted into each cell, others left out, a suppressed measure leaving its cell unknown, and sums
/// that cannot be what the publisher meant refused by place and period.
struct MeasureRowsTests {
    static let header = "lsoa_code,period,sex,age_band,measure_name,value\n"

    /// Ingests the tiny world with QAA's admissions (and QBB's, when given) in long format, the admissions
    /// source read by `measures`, and waits as `waits` (long format too when given).
    func ingest(_ qaa: String, qbb: String? = nil, measures: String, waits: String? = nil, waitMeasures: String = "") throws -> CheckpointStore {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: Self.header + qaa)
        try workspace.write(
            "extracts/QBB/admissions.csv", Self.header + (qbb ?? "E01000003,2025-03,female,20-24,admitted,4\nE01000004,2025-03,male,65-69,admitted,6\n"))
        if let waits { try workspace.write("extracts/QAA/waits.csv", Self.header + waits) }
        var config = TestWorkspace.tinyConfigJSON(eventsThreshold: ", \"measures\": \(measures)")
        if !waitMeasures.isEmpty {
            config = config.replacingOccurrences(
                of: "\"files\": \"extracts/{icb}/waits.csv\" }", with: "\"files\": \"extracts/{icb}/waits.csv\", \"measures\": \(waitMeasures) }")
            try workspace.write("extracts/QBB/waits.csv", Self.header + "E01000003,2025-03,female,40-44,seen,3\nE01000003,2025-03,female,40-44,waiting,4\n")
        }
        try workspace.write("pipeline.json", config)
        return try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
    }

    func events(_ store: CheckpointStore, icb: String = "QAA") throws -> (events: Int, suppressed: Int) {
        try store.pool.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT sum(events), sum(suppressed_records) FROM ingest_event_total WHERE icb_code = ?", arguments: [icb])
            return ((row?[0] as Int?) ?? 0, (row?[1] as Int?) ?? 0)
        }
    }

    @Test func measuresAreAddedAndSubtractedAndOthersLeftOut() throws {
        let store = try ingest(
            """
            E01000001,2025-03,male,0-4,admitted,9
            E01000001,2025-03,male,0-4,readmitted,2
            E01000001,2025-03,male,0-4,transferred_out,4
            E01000001,2025-03,male,0-4,waiting,1000
            E01000002,2025-03,male,50-54,admitted,3

            """, measures: "{\"events\": [\"admitted\", \"readmitted\", \"-transferred_out\"]}")
        #expect(try events(store).events == 9 + 2 - 4 + 3)
        let (filtered, quarantined) = try store.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rows_read - rows_loaded FROM ingest_file WHERE path = 'extracts/QAA/admissions.csv'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_quarantine")
            )
        }
        #expect(filtered == 1, "the 'waiting' row is left out, not quarantined")
        #expect(quarantined == 0)
    }

    @Test func theSameMeasureTwiceForOneCellIsADuplicate() throws {
        let store = try ingest(
            "E01000001,2025-03,male,0-4,admitted,9\nE01000001,2025-03,male,0-4,admitted,9\nE01000002,2025-03,male,50-54,admitted,3\n",
            measures: "{\"events\": [\"admitted\"]}")
        let reasons = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT reason FROM ingest_quarantine") }
        #expect(reasons == ["duplicate_key"])
        #expect(try events(store).events == 12)
    }

    /// A `*` in any measure of a cell leaves the cell's counts unknown: cleared, its suppressed record kept.
    @Test func aSuppressedMeasureLeavesItsCellUnknown() throws {
        let store = try ingest(
            "E01000001,2025-03,male,0-4,admitted,9\nE01000001,2025-03,male,0-4,transferred_out,*\nE01000002,2025-03,male,50-54,admitted,3\n",
            measures: "{\"events\": [\"admitted\", \"-transferred_out\"]}")
        let total = try events(store)
        #expect(total.events == 3, "9 minus an unknown amount is not 9")
        #expect(total.suppressed == 1)
    }

    @Test func aProportionFromADifferenceOfMeasures() throws {
        let store = try ingest(
            "E01000001,2025-03,male,0-4,admitted,9\nE01000002,2025-03,male,50-54,admitted,3\n", measures: "{\"events\": [\"admitted\"]}",
            waits: "E01000001,2025-03,male,40-44,seen,8\nE01000001,2025-03,male,40-44,waiting,12\nE01000001,2025-03,male,40-44,left,2\n",
            waitMeasures: "{\"numerator\": [\"seen\"], \"denominator\": [\"waiting\", \"-left\"]}")
        let row = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT numerator, denominator FROM ingest_proportion_total WHERE icb_code = 'QAA'")
        }
        #expect(row?[0] as Int? == 8)
        #expect(row?[1] as Int? == 10)
    }

    /// Measures that come to a numerator above its denominator are not what the publisher meant: the
    /// error names the source, the ICB and the period, and never a count.
    @Test func sumsThatCannotBeMeantAreRefusedByPlaceAndPeriod() throws {
        let error = try #require(throws: PipelineError.self) {
            try ingest(
                "E01000001,2025-03,male,0-4,admitted,9\nE01000002,2025-03,male,50-54,admitted,3\n", measures: "{\"events\": [\"admitted\"]}",
                waits: "E01000001,2025-03,male,40-44,seen,8\nE01000001,2025-03,male,40-44,waiting,12\nE01000001,2025-03,male,40-44,left,7\n",
                waitMeasures: "{\"numerator\": [\"seen\"], \"denominator\": [\"waiting\", \"-left\"]}")
        }
        #expect(error.message.contains("source 'waits'"))
        #expect(error.message.contains("a numerator above its denominator for ICB QAA"))
        #expect(error.message.contains("period 2025-03"))
        #expect(error.message.contains("denominator waiting -left"))
        #expect(!error.message.contains("8") && !error.message.contains("12") && !error.message.contains(" 5"), "no count in the message")
    }

    @Test(arguments: [
        ("population", "{\"events\": [\"a\"]}", "a population is not read from rows per measure"),
        ("events", "{\"numerator\": [\"a\"], \"denominator\": [\"b\"]}", "an events source names its measures in \"events\""),
        ("proportion", "{\"numerator\": [\"a\"]}", "a proportion names the measures of its \"numerator\" and its \"denominator\""),
        ("events", "{\"events\": [\"-a\"]}", "needs at least one measure that adds"),
        ("events", "{\"events\": [\"a\", \"a\"]}", "measure 'a' is named twice"),
    ])
    func measuresThatCannotWorkAreAConfigurationError(kind: String, measures: String, message: String) throws {
        let json = TestWorkspace.tinyConfigJSON().replacingOccurrences(
            of: "{ \"name\": \"admissions\", \"kind\": \"events\",", with: "{ \"name\": \"admissions\", \"kind\": \"\(kind)\", \"measures\": \(measures),")
        #expect(json.contains("\"measures\""))
        let error = try #require(throws: PipelineError.self) { try ConfigLoader.decode(Data(json.utf8), file: "pipeline.json") }
        #expect(error.description.contains(message), "\(error)")
    }
}

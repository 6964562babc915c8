import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing

/// Slash dates read in the order the source declares, and a month-first file refused when it declares
/// none (docs/DATA.md, "Periods").
struct DateOrderTests {
    /// First-of-month dates for March and April, written month first as US-locale software saves them.
    static let usDates = """
        lsoa_code,period,sex,age_band,events
        E01000001,03/01/2025,male,0-4,5
        E01000001,04/01/2025,male,0-4,7
        E01000002,03/01/2025,male,50-54,3

        """

    /// Runs ingest on the tiny world with QAA's admissions replaced and `declaration` added to the source.
    func ingest(_ admissions: String, declaration: String = "") throws -> CheckpointStore {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(admissionsQAA: admissions)
        try workspace.write("pipeline.json", TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false", eventsThreshold: declaration))
        return try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
    }

    func periods(_ store: CheckpointStore) throws -> [String: Int] {
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT period, sum(events) FROM ingest_event_total WHERE icb_code = 'QAA' GROUP BY period")
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
    }

    @Test func monthFirstDatesWithoutADeclarationAreRefusedNamingTheFix() throws {
        let error = try #require(throws: PipelineError.self) { try ingest(Self.usDates) }
        #expect(error.location?.file == "extracts/QAA/admissions.csv")
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 2)
        #expect(error.message.contains("day of January"))
        #expect(error.hint?.contains("\"dateOrder\": \"month-first\"") == true)
    }

    @Test func declaredMonthFirstReadsEachMonth() throws {
        let store = try ingest(Self.usDates, declaration: ", \"dateOrder\": \"month-first\"")
        #expect(try periods(store) == ["2025-03": 8, "2025-04": 7])
    }

    @Test func declaredDayFirstIsTakenAtItsWord() throws {
        let january = Self.usDates.replacingOccurrences(of: "E01000001,04/01/2025,male,0-4", with: "E01000001,04/01/2025,female,0-4")
        let store = try ingest(january, declaration: ", \"dateOrder\": \"day-first\"")
        #expect(try periods(store) == ["2025-01": 15])
    }

    /// UK first-of-month dates (`01/03/2025`) are what undeclared slash dates are read as: no refusal.
    @Test func ukFirstOfMonthDatesNeedNoDeclaration() throws {
        let uk = Self.usDates.replacingOccurrences(of: "03/01/2025", with: "01/03/2025").replacingOccurrences(of: "04/01/2025", with: "01/04/2025")
        #expect(try periods(try ingest(uk)) == ["2025-03": 8, "2025-04": 7])
    }

    @Test func periodParsingHonoursTheOrder() {
        func month(_ text: String, _ order: DateOrder) -> String? {
            Array(text.utf8).withUnsafeBytes { Period.parseMonth($0, dateOrder: order)?.label }
        }
        #expect(month("03/01/2025", .monthFirst) == "2025-03")
        #expect(month("03/01/2025", .dayFirst) == "2025-01")
        #expect(month("12/31/2024", .monthFirst) == "2024-12")
        #expect(month("31/12/2024", .monthFirst) == nil)
    }
}

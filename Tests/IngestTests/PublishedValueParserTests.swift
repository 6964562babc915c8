import Checkpoints
import Foundation
import GRDB
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Ingest

/// Rows of values published without counts (docs/DATA.md, "Values without counts"): numbers as publishers
/// print them, limits in pairs around their value, and every problem named by line and column.
struct PublishedValueParserTests {
    @Test(arguments: [
        ("762.5906477", 762.5906477), ("-1.5", -1.5), ("1,234.5", 1234.5), ("12,345,678", 12_345_678), ("2e-3", 0.002), ("0", 0),
    ])
    func numbersAsPublished(text: String, number: Double) {
        let parsed = Array(text.utf8).withUnsafeBytes { PublishedValueParser.number($0) }
        #expect(parsed == number)
    }

    @Test(arguments: ["about 40", "1,23.4", "12,34", "nan", "inf", "1.2.3", "£5", "5%", "0x1p3"])
    func notNumbers(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { PublishedValueParser.number($0) } == nil)
    }

    /// A lower limit whose upper the header lacks is refused at the header, naming the column and the fix.
    @Test func aLimitWithoutItsPairIsRefused() throws {
        let workspace = try TestWorkspace()
        let values = TestWorkspace.tinyPublishedValues.replacingOccurrences(of: ",Upper CI 95.0 limit,", with: ",Upper bound,")
        let config = try workspace.writeTinyValueWorld(values: values)
        #expect(throws: PipelineError.self) { try StageHarness.run(IngestStage(), configPath: config) }
        do {
            try StageHarness.run(IngestStage(), configPath: config)
        } catch let error as PipelineError {
            #expect(error.message.contains("column 5 'Lower CI 95.0 limit' is a limit whose pair ('upper95') the header lacks"), "\(error.message)")
            #expect(error.location?.file == "values.csv" && error.location?.line == 1 && error.location?.column == 5)
            #expect(error.hint?.contains("\"upper95\"") == true)
        }
    }

    /// Every ICB in every period, a value or the publisher's suppression of it: one missing is refused by name.
    @Test func aMissingICBIsRefusedByName() throws {
        let workspace = try TestWorkspace()
        let values = TestWorkspace.tinyPublishedValues.split(separator: "\n").filter { !$0.hasPrefix("QBB,ICBs,2023/24") }.joined(separator: "\n") + "\n"
        let config = try workspace.writeTinyValueWorld(values: values)
        do {
            try StageHarness.run(IngestStage(), configPath: config)
            Issue.record("a period without QBB's value was accepted")
        } catch let error as PipelineError {
            #expect(error.message.hasPrefix("coverage: source 'published' period 2023-24 has no value for 1 of 2 ICBs: QBB Beta, Gamma"), "\(error.message)")
        }
    }

    /// By decile: each decile read in the declared order (here 1 = least deprived, so the file's 1 is decile 10),
    /// an empty cell the value over all deciles, a decile repeated a duplicate, and a cell that is no decile
    /// set aside at its column.
    @Test func decilesAreReadInTheDeclaredOrder() throws {
        let workspace = try TestWorkspace()
        let values = """
            Area Code,Area Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit
            E92000001,England,,2024/25,51.0,50.5,51.5
            QAA,ICBs,,2024/25,49.0,47.0,51.0
            QAA,ICBs,1,2024/25,60.0,58.0,62.0
            QAA,ICBs,10 Most deprived,2024/25,40.0,38.0,42.0
            QAA,ICBs,1,2024/25,61.0,59.0,63.0
            QBB,ICBs,Not known,2024/25,50.0,49.0,51.0
            QBB,ICBs,,2024/25,53.0,51.0,55.0

            """
        let config = try workspace.writeDecileValueWorld(values: values)
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "1-most-deprived", with: "1-least-deprived")
        try workspace.write("pipeline.json", text)
        let store = try StageHarness.run(IngestStage(), configPath: config)
        try store.pool.read { db in
            let read = try String.fetchAll(
                db, sql: "SELECT geography_code || ' ' || imd_decile || ' ' || value || ' line ' || line FROM ingest_published_value ORDER BY line")
            #expect(read == ["E92000001 0 51.0 line 2", "QAA 0 49.0 line 3", "QAA 10 60.0 line 4", "QAA 1 40.0 line 5", "QBB 0 53.0 line 8"], "\(read)")
            let set = try String.fetchAll(db, sql: #"SELECT line || ' ' || reason || ' ' || "column" FROM ingest_quarantine ORDER BY line"#)
            #expect(set == ["6 duplicate_key 1", "7 invalid_imd_decile 3"], "\(set)")
        }
    }

    /// The same ICB and period twice is set aside as a duplicate; each row's file and line are kept for `explain`.
    @Test func aRepeatedRowIsADuplicate() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld(values: TestWorkspace.tinyPublishedValues + "QAA,ICBs,2024/25,61.0,56.0,66.0,,,\n")
        let store = try StageHarness.run(IngestStage(), configPath: config)
        try store.pool.read { db in
            let reasons = try String.fetchAll(db, sql: "SELECT line || ' ' || reason FROM ingest_quarantine WHERE source = 'published' ORDER BY line")
            #expect(reasons == ["8 not_a_value", "9 limits_not_around_value", "11 duplicate_key"])
            let alpha = try PublishedValue.filter(PublishedValue.Columns.code == "QAA" && PublishedValue.Columns.period == "2024-25").fetchOne(db)
            #expect(alpha?.value == 60 && alpha?.path == "values.csv" && alpha?.line == 6)
        }
    }
}

import Aggregate
import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// Financial years through all four stages: stored as NHS writes them, published with their first and
/// last day, read as "2024-25", and never mixed with months (docs/DATA.md, "Periods").
struct PeriodKindTests {
    @Test func financialYearsFromIngestToPublication() throws {
        let workspace = try TestWorkspace()
        let admissions = """
            lsoa_code,period,sex,age_band,events
            E01000001,2022-23,male,0-4,50
            E01000002,2022-23,female,90+,70
            E01000001,2024/25,male,0-4,60
            E01000002,2024-25,female,90+,80
            E01000001,2025-03,male,5-9,9

            """
        try workspace.writeTinyWorld(admissionsQAA: admissions, indicators: ReportStageTests.indicators)
        try workspace.write(
            "extracts/QBB/admissions.csv",
            "lsoa_code,period,sex,age_band,events\nE01000003,2022-23,female,20-24,40\nE01000004,2024-25,male,65-69,60\n")
        try workspace.write(
            "extracts/QAA/waits.csv", "lsoa_code,period,sex,age_band,numerator,denominator\nE01000001,2024-25,male,40-44,80,100\n")
        try workspace.write(
            "extracts/QBB/waits.csv", "lsoa_code,period,sex,age_band,numerator,denominator\nE01000003,2024-25,female,40-44,30,40\n")
        try workspace.write(
            "pipeline.json",
            TestWorkspace.tinyConfigJSON(extra: ", \"requireFullCoverage\": false", indicators: ReportStageTests.indicators))
        let config = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: config)
        try StageHarness.run(TransformStage(), configPath: config)
        try StageHarness.run(AggregateStage(), configPath: config)
        let store = try StageHarness.run(ReportStage(), configPath: config)
        try store.pool.read { db in
            // The month among financial years is set aside, by line and reason.
            let quarantined = try Row.fetchAll(db, sql: "SELECT line, reason FROM ingest_quarantine WHERE source = 'admissions'")
            #expect(quarantined.map { "\($0[0] as Int) \($0[1] as String)" } == ["6 mixed_period_kinds"])
            #expect(
                try String.fetchAll(db, sql: "SELECT DISTINCT period FROM ingest_event_total WHERE dataset = 'admissions' ORDER BY 1")
                    == ["2022-23", "2024-25"])
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'") ?? ""
            #expect(notes.contains("periods 2022-23 2024-25, 1 missing inside the series: 2023-24"), "\(notes)")
            // Published with the year's first and last day.
            let row = try Row.fetchOne(
                db, sql: "SELECT period_start, period_end FROM soc_national_by_group WHERE indicator_id = 'RATE' ORDER BY period_start DESC LIMIT 1")
            #expect(row?[0] as String? == "2024-04-01")
            #expect(row?[1] as String? == "2025-03-31")
            let headlines = try String.fetchAll(db, sql: "SELECT text FROM soc_headlines WHERE indicator_id = 'RATE'")
            #expect(headlines.contains { $0.contains("in 2022-23") && $0.contains("in 2024-25") }, "\(headlines)")
        }
    }
}

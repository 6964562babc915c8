import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Statistics
import Testing
import Transform

/// The tiny world (see ``TestWorkspace``) through ingest and transform, checked by hand.
struct TransformStageTests {
    static let indicators = """
        [
          { "id": "RATE", "title": "Admissions", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "lower_is_better" },
          { "id": "DSR", "title": "Admissions (DSR)", "source": "admissions", "method": "dsr", "multiplier": 100000,
            "unit": "per 100,000", "polarity": "lower_is_better" },
          { "id": "PROP", "title": "Waits", "source": "waits", "method": "proportion", "multiplier": 100,
            "unit": "%", "polarity": "higher_is_better" },
          { "id": "YOUNG", "title": "Under 18s", "source": "admissions", "method": "crude_rate", "multiplier": 1000,
            "unit": "per 1,000", "polarity": "none", "ageRange": { "from": 0, "to": 17 } }
        ]
        """

    func transformed() throws -> (TestWorkspace, CheckpointStore) {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        return (workspace, store)
    }

    func value(
        _ store: CheckpointStore, _ indicator: String, _ level: String, _ code: String,
        _ type: String = "all", _ index: Int = 0
    ) throws -> Row? {
        try store.pool.read { (db: Database) throws -> Row? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM indicator_value WHERE indicator_id = ? AND geography_level = ? AND geography_code = ?
                    AND breakdown_type = ? AND breakdown_index = ?
                    """, arguments: [indicator, level, code, type, index])
        }
    }

    @Test func crudeRatesByHand() throws {
        let (_, store) = try transformed()
        let england = try #require(try value(store, "RATE", "england", "E92000001"))
        #expect(england["numerator"] == 25.0)
        #expect(england["denominator"] == 15_200.0)
        #expect(abs((england["value"] as Double) - 25.0 / 15_200 * 1000) < 1e-12)
        #expect(england["method"] == "Byars")
        let alpha = try #require(try value(store, "RATE", "icb", "QAA"))
        #expect(alpha["numerator"] == 15.0)
        #expect(alpha["geography_name"] == "NHS Alpha Integrated Care Board")
        // Quintile 1 of England is LSOA E01000001 only: 12 events in 3,800 people.
        let q1 = try #require(try value(store, "RATE", "england", "E92000001", "imd_quintile", 1))
        #expect(q1["numerator"] == 12.0)
        #expect(q1["denominator"] == 3_800.0)
        let region = try #require(try value(store, "RATE", "region", "E40000002"))
        #expect(region["numerator"] == 10.0)
    }

    @Test func directlyStandardisedRateByHand() throws {
        let (_, store) = try transformed()
        // (5·5000 + 4·6000 + 3·7000 + 6·5500 + 7·1000) / 800 / 100,000 × 100,000 = 137.5
        let england = try #require(try value(store, "DSR", "england", "E92000001"))
        #expect(abs((england["value"] as Double) - 137.5) < 1e-9)
        #expect(england["method"] == "Dobson")
        // QBB has 10 events: published. QAA decile 10 has 3: withheld with the reason.
        #expect((try value(store, "DSR", "icb", "QBB"))?["value"] != nil as Double?)
        let few = try #require(try value(store, "DSR", "icb", "QAA", "imd_decile", 10))
        #expect(few["value"] as Double? == nil)
        #expect(few["lcl95"] as Double? == nil)
        #expect(few["withheld_reason"] == WithheldReason.fewerThanTenEvents.rawValue)
    }

    @Test func proportionsAndSex() throws {
        let (_, store) = try transformed()
        let england = try #require(try value(store, "PROP", "england", "E92000001"))
        #expect(abs((england["value"] as Double) - 1100.0 / 14) < 1e-9)
        #expect(england["method"] == "Wilson")
        let male = try #require(try value(store, "RATE", "england", "E92000001", "sex", 1))
        #expect(male["numerator"] == 14.0)
        #expect(male["denominator"] == 7_600.0)
        let noDenominator = try #require(try value(store, "PROP", "icb", "QAA", "imd_decile", 10))
        #expect(noDenominator["withheld_reason"] == WithheldReason.noDenominator.rawValue)
    }

    @Test func ageRangeCountsPartialBandsProRata() throws {
        let (_, store) = try transformed()
        // 0–17: bands 0-4, 5-9, 10-14 in full and 3/5 of 15-19: 3.6 bands × 100 × 2 sexes × 4 LSOAs.
        let england = try #require(try value(store, "YOUNG", "england", "E92000001"))
        #expect(abs((england["denominator"] as Double) - 2_880) < 1e-9)
        #expect(england["numerator"] == 5.0)
    }

    @Test func dataQualitySharesPerSystem() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(
            admissionsQAA: """
                lsoa_code,period,sex,age_band,events
                E01000001,2025-03,male,0-4,5
                E01000002,2025-03,unknown,unknown,3
                E09999999,2025-03,male,0-4,1
                E01000002,2025-03,female,0-4,*

                """, indicators: Self.indicators)
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        let row = try #require(
            try store.pool.read { (db: Database) throws -> Row? in
                try Row.fetchOne(db, sql: "SELECT * FROM indicator_data_quality WHERE indicator_id = 'RATE' AND icb_code = 'QAA'")
            })
        #expect(row["records"] == 4)
        #expect(row["share_unmapped_lsoa"] == 0.25)
        #expect(row["share_unknown_sex"] == 0.25)
        #expect(row["share_unknown_age"] == 0.25)
        #expect(row["share_suppressed_at_source"] == 0.25)
    }

    @Test func rerunFromTheIngestCheckpointIsByteIdentical() throws {
        let (workspace, _) = try transformed()
        let first = try TableDump.dump(workspace.path("out/test.sqlite"))
        try StageHarness.run(TransformStage(), configPath: workspace.path("pipeline.json"))
        let second = try TableDump.dump(workspace.path("out/test.sqlite"))
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("run_id") && !$0.contains("completed_at") }.joined(separator: "\n") }
        #expect(strip(first) == strip(second))
        #expect(first.contains("## indicator_value"))
    }

    @Test func transformRefusesToRunWithoutAnIngestCheckpoint() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        #expect {
            try StageHarness.run(TransformStage(), configPath: config)
        } throws: { error in
            let error = error as? PipelineError
            return error?.code == .inputMissing && (error?.hint ?? "").contains("--stage ingest")
        }
    }

    @Test func ageBandWithEventsButNoPopulationWithholdsTheDSR() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(indicators: Self.indicators)
        let population = try String(contentsOfFile: workspace.path("ref/population.csv"), encoding: .utf8)
            .replacingOccurrences(of: "E01000001,male,0-4,100", with: "E01000001,male,0-4,0")
            .replacingOccurrences(of: "E01000001,female,0-4,100", with: "E01000001,female,0-4,0")
        try workspace.write("ref/population.csv", population)
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        let q1 = try #require(try value(store, "DSR", "england", "E92000001", "imd_quintile", 1))
        #expect(q1["value"] as Double? == nil)
        #expect(q1["withheld_reason"] == WithheldReason.eventsWithoutPopulation.rawValue)
        // England as a whole still has 0-4 population elsewhere, so its DSR is published.
        #expect((try value(store, "DSR", "england", "E92000001"))?["value"] as Double? != nil)
    }

    @Test func decilesAreOrderedNumerically() throws {
        let (_, store) = try transformed()
        let labels = try store.pool.read { (db: Database) throws -> [String] in
            try String.fetchAll(
                db,
                sql: """
                    SELECT breakdown_value FROM indicator_value WHERE indicator_id = 'RATE' AND geography_level = 'england'
                    AND breakdown_type = 'imd_decile' ORDER BY breakdown_index
                    """)
        }
        #expect(labels == (1...10).map(String.init))
    }

    @Test func aSourceWithoutSexGetsNoSexRows() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyWorld(
            admissionsQAA: "lsoa_code,period,age_band,events\nE01000001,2025-03,0-4,5\n",
            indicators: Self.indicators)
        try workspace.write("extracts/QBB/admissions.csv", "lsoa_code,period,age_band,events\nE01000003,2025-03,20-24,4\n")
        // A file without a sex column must say so; otherwise ingest refuses it (see IngestStageTests).
        try workspace.write(
            "pipeline.json", TestWorkspace.tinyConfigJSON(eventsThreshold: #", "columns": { "sex": [] }"#, indicators: Self.indicators))
        try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        let counts = try store.pool.read { (db: Database) throws -> (Int, Int) in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_value WHERE indicator_id = 'RATE' AND breakdown_type = 'sex'") ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_value WHERE indicator_id = 'PROP' AND breakdown_type = 'sex'") ?? -1
            )
        }
        #expect(counts.0 == 0)
        #expect(counts.1 > 0)  // the waits extract records sex
        #expect((try value(store, "RATE", "england", "E92000001"))?["numerator"] == 9.0)
    }

    /// Places (sub-ICB locations) add up to their ICS and are computed overall only (docs/DATA.md, "Places").
    @Test func placesAddUpToTheirSystem() throws {
        let (_, store) = try transformed()
        // QBB's two places: 02B holds E01000003 (4 events), 02C holds E01000004 (6), 3,800 people each.
        let beta = try #require(try value(store, "RATE", "place", "02B"))
        #expect(beta["numerator"] == 4.0)
        #expect(beta["denominator"] == 3_800.0)
        #expect(abs((beta["value"] as Double) - 4.0 / 3_800 * 1000) < 1e-12)
        let gamma = try #require(try value(store, "RATE", "place", "02C"))
        let system = try #require(try value(store, "RATE", "icb", "QBB"))
        #expect((beta["numerator"] as Double) + (gamma["numerator"] as Double) == system["numerator"] as Double)
        #expect((beta["denominator"] as Double) + (gamma["denominator"] as Double) == system["denominator"] as Double)
        // A place's DSR is standardised like any other area's: fewer than 10 events are withheld.
        let dsr = try #require(try value(store, "DSR", "place", "02C"))
        #expect(dsr["value"] as Double? == nil)
        #expect(dsr["withheld_reason"] == "dsr_fewer_than_10_events")
        try store.pool.read { (db: Database) throws -> Void in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_value WHERE geography_level = 'place' AND breakdown_type <> 'all'") == 0)
            let places = try Row.fetchAll(db, sql: "SELECT place_code, place_name, icb_code FROM indicator_place ORDER BY place_code")
            #expect(places.map { "\($0["place_code"] as String)>\($0["icb_code"] as String)" } == ["01A>QAA", "02B>QBB", "02C>QBB"])
            // Without `reference.icb.subIcbs` a place is named by its code.
            #expect(places.map { $0["place_name"] as String } == ["01A", "02B", "02C"])
        }
    }
}

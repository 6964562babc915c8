import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// A source by ICB × ethnic group (docs/DATA.md, "Ethnic groups") and its England rows (docs/DATA.md,
/// "England as published"), with every value worked by hand from the file below.
struct EthnicGroupSourceTests {
    static let indicator =
        #"[{ "id": "ETH", "title": "Recovery by ethnic group", "source": "ethnic", "method": "proportion", "multiplier": 100, "unit": "%", "polarity": "higher_is_better" }]"#

    /// QAA gives White with its own row and its categories (not added again), Asian by its categories only
    /// (their sum), and Not stated; QBB gives White, Mixed and Not stated by its NHS code `Z`; an unknown ICB's
    /// White row is England's; two rows name no group and are quarantined.
    static let rows = """
        org,period,group,category,numerator,denominator
        QAA,2025-03,White,All,40,80
        QAA,2025-03,White,British,30,60
        QAA,2025-03,White,Irish,10,20
        QAA,2025-03,Asian or Asian British,Indian,5,20
        QAA,2025-03,Asian or Asian British,Pakistani,3,10
        QAA,2025-03,Not stated/Not known/Invalid,All,2,10
        QBB,2025-03,White,All,20,50
        QBB,2025-03,Mixed or Multiple ethnic groups,Total,4,10
        QBB,2025-03,Z,,1,5
        XXX,2025-03,White,All,1,2
        QAA,2025-03,Whyte,All,1,1
        QAA,2025-03,White,Chinese,1,1

        """

    static let englandRows = """
        England,2025-03,White,All,70,140
        England,2025-03,Asian or Asian British,Indian,6,20
        England,2025-03,Asian or Asian British,Pakistani,3,11
        England,2025-03,Not stated/Not known/Invalid,All,3,15

        """

    /// Ingests and transforms the tiny world with the `ethnic` source; `englandRows` names England's rows.
    func run(englandRows: Bool) throws -> [String: IndicatorValue] {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicator)
        try workspace.write("ethnic.csv", Self.rows + (englandRows ? Self.englandRows : ""))
        let england = englandRows ? #", "englandRows": {"org": ["England"]}"# : ""
        let config = TestWorkspace.tinyConfigJSON(indicators: Self.indicator).replacingOccurrences(
            of: #"{ "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }"#,
            with: #"""
                { "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" },
                { "name": "ethnic", "kind": "proportion", "grain": "icb-ethnic-group", "files": "ethnic.csv"\#(england),
                  "columns": { "icb": "org", "ethnicGroup": "group", "ethnicCategory": "category", "sex": [], "ageBand": [] } }
                """#)
        try workspace.write("pipeline.json", config)
        let path = workspace.path("pipeline.json")
        try StageHarness.run(IngestStage(), configPath: path)
        let store = try StageHarness.run(TransformStage(), configPath: path)
        return try store.pool.read { db in
            let reasons = try String.fetchAll(db, sql: "SELECT reason FROM ingest_quarantine WHERE source = 'ethnic' ORDER BY line")
            #expect(reasons == ["unknown_icb", "unknown_ethnic_group", "unknown_ethnic_group"], "the unknown ICB set aside; no group named twice")
            return Dictionary(
                try IndicatorValue.filter(IndicatorValue.Columns.indicator == "ETH").fetchAll(db).map {
                    ("\($0.code) \($0.breakdown.rawValue)=\($0.breakdownValue)", $0)
                }, uniquingKeysWith: { first, _ in first })
        }
    }

    static func counts(_ value: IndicatorValue?) -> [Double?]? { value.map { [$0.numerator, $0.denominator] } }

    @Test func groupsAreAddedOnceAndEnglandIsTheICSsAndTheUnknownICB() throws {
        let values = try run(englandRows: false)
        // Everyone is the broad groups and Not stated; the categories are inside their groups already.
        #expect(Self.counts(values["QAA all=all"]) == [40 + 8 + 2, 80 + 30 + 10])
        #expect(Self.counts(values["QAA ethnic_group=white"]) == [40, 80], "White's own row, not its categories added again")
        #expect(Self.counts(values["QAA ethnic_group=asian"]) == [8, 30], "no row of its own: the sum of its categories")
        #expect(Self.counts(values["QAA ethnic_category=white_irish"]) == [10, 20])
        #expect(Self.counts(values["QBB ethnic_group=not_stated"]) == [1, 5], "Z is not stated")
        #expect(Self.counts(values["QBB ethnic_group=mixed"]) == [4, 10], "ONS's words for Mixed")
        #expect(Self.counts(values["E92000001 ethnic_group=white"]) == [40 + 20 + 1, 80 + 50 + 2], "the unknown ICB's row is England's")
        #expect(Self.counts(values["E92000001 all=all"]) == [50 + 25 + 1, 120 + 65 + 2])
        #expect(values["E92000001 ics_unknown=not known"] != nil)
        #expect(values["E92000001 all=all"]?.fromNationalRows == false)
        #expect(values["QAA imd_quintile=1"] == nil && values["QAA sex=male"] == nil, "no deprivation split, no sex")
    }

    @Test func englandIsItsOwnRowsWhenTheSourceNamesThem() throws {
        let values = try run(englandRows: true)
        #expect(Self.counts(values["E92000001 ethnic_group=white"]) == [70, 140], "the publisher's England row, not the ICSs' sum")
        #expect(Self.counts(values["E92000001 ethnic_group=asian"]) == [9, 31])
        #expect(Self.counts(values["E92000001 all=all"]) == [70 + 9 + 3, 140 + 31 + 15])
        #expect(values["E92000001 all=all"]?.fromNationalRows == true && values["QAA all=all"]?.fromNationalRows == false)
        #expect(values["E92000001 ics_unknown=not known"] == nil, "England's own rows hold the unknown ICB's")
        #expect(Self.counts(values["QAA all=all"]) == [50, 120], "the ICSs are their own rows still")
    }

    /// England's rows named but filtered out by `where`: refused, never England added up from the ICSs unsaid.
    @Test func englandRowsNamedButNoneReadAreRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.writeTinyWorld(indicators: Self.indicator)
        try workspace.write("ethnic.csv", Self.rows + Self.englandRows)
        let config = TestWorkspace.tinyConfigJSON(indicators: Self.indicator).replacingOccurrences(
            of: #"{ "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }"#,
            with: #"""
                { "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" },
                { "name": "ethnic", "kind": "proportion", "grain": "icb-ethnic-group", "files": "ethnic.csv", "englandRows": {"org": ["ENGLAND"]},
                  "columns": { "icb": "org", "ethnicGroup": "group", "ethnicCategory": "category", "sex": [], "ageBand": [] } }
                """#)
        try workspace.write("pipeline.json", config)
        #expect {
            try StageHarness.run(IngestStage(), configPath: workspace.path("pipeline.json"))
        } throws: { error in
            (error as? PipelineError)?.message.contains("no row is one of England's own rows (englandRows: org ENGLAND)") == true
        }
    }
}

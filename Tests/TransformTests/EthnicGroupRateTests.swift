import Checkpoints
import Foundation
import GRDB
import Ingest
import PipelineCore
import PipelineTestSupport
import Testing
import Transform

/// Rates by ethnic group over Census 2021 usual residents (docs/DATA.md, "Rates by ethnic group"): ONS's nineteen
/// groups read onto the NHS's categories — Chinese in Other ethnic groups, Roma and Gypsy or Irish Traveller in any
/// other White background, Arab in any other ethnic group — and added up by ICB, every value worked by hand.
struct EthnicGroupRateTests {
    @Test func ratesAreOverEachGroupsUsualResidentsAsTheNHSGroupsThem() throws {
        let workspace = try TestWorkspace()
        let config = try CensusEthnicGroupWorld.world(workspace)
        let ingest = try StageHarness.run(IngestStage(), configPath: config)
        let store = try StageHarness.run(TransformStage(), configPath: config)
        _ = ingest
        let values = try store.pool.read { db in
            Dictionary(
                try IndicatorValue.filter(IndicatorValue.Columns.indicator == "ETHR").fetchAll(db).map {
                    ("\($0.code) \($0.breakdown.rawValue)=\($0.breakdownValue)", $0)
                }, uniquingKeysWith: { first, _ in first })
        }
        // QAA is LSOAs 1 and 2: by hand from ``groups``.
        let white = (1000 + 10 + 1 + 2 + 50) + (2000 + 20 + 1 + 2 + 100)
        let asian = (40 + 100 + 80 + 20) + (40 + 200 + 80 + 20)  // Chinese is not Asian here
        let other = 2 * (30 + 15 + 12)  // Chinese, Arab and any other
        let everyone = (1...2).map { CensusEthnicGroupWorld.groups($0).reduce(0, +) }.reduce(0, +)
        func expect(_ key: String, events: Double, people: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            let value = values[key]
            #expect(value?.numerator == events && value?.denominator == Double(people), "\(key): \(String(describing: value))", sourceLocation: sourceLocation)
            #expect(value?.value.map { abs($0 - events / Double(people) * 100_000) < 1e-9 } == true, "\(key)", sourceLocation: sourceLocation)
        }
        expect("QAA ethnic_group=white", events: 300, people: white)
        expect("QAA ethnic_group=asian", events: 58, people: asian)
        expect("QAA ethnic_group=other", events: 11, people: other)
        expect("QAA ethnic_category=other_chinese", events: 6, people: 60)
        expect("QAA ethnic_category=white_other", events: 0, people: 2 * (1 + 2) + 50 + 100)
        expect("QAA all=all", events: 300 + 58 + 11 + 17, people: everyone)
        // Not stated has events and no population: no rate, never a zero or an infinite one.
        let notStated = try #require(values["QAA ethnic_group=not_stated"])
        #expect(notStated.value == nil && notStated.withheld != nil && notStated.numerator == 17, "\(notStated)")
        // England is both ICSs; the Welsh row is in neither.
        let england = (1...4).map { CensusEthnicGroupWorld.groups($0).reduce(0, +) }.reduce(0, +)
        expect("E92000001 all=all", events: 300 + 58 + 11 + 17 + 500 + 9, people: england)
        try ingest.pool.read { db in
            #expect(try EthnicGroupPopulation.fetchCount(db) == 2 * 16)
            let notes = try String.fetchOne(db, sql: "SELECT notes FROM stage_checkpoint WHERE stage = 'ingest'")
            #expect(
                notes?.contains("ethnic group population: 4 LSOAs read onto the NHS's categories for 2 ICBs; 1 rows of areas outside England left out") == true,
                "\(notes ?? "")")
        }
    }

    @Test func whatCannotBeReadIsRefused() throws {
        // No population configured: refused, naming the reference to configure.
        let bare = try TestWorkspace()
        #expect {
            _ = try ConfigLoader.load(path: try CensusEthnicGroupWorld.world(bare, census: nil))
        } throws: { error in
            (error as? PipelineError)?.message.contains("reference.ethnicGroupPopulation is not configured") == true
        }
        // An age-standardised rate needs ages the census table by group does not have.
        let dsr = try TestWorkspace()
        #expect {
            _ = try ConfigLoader.load(path: try CensusEthnicGroupWorld.world(dsr, method: "dsr"))
        } throws: { error in
            (error as? PipelineError)?.message.contains("it is a crude rate over all ages") == true
        }
        // A census row whose groups do not add up to its total, and an English LSOA of another vintage.
        for (census, words) in [
            (
                CensusEthnicGroupWorld.census.replacingOccurrences(
                    of: CensusEthnicGroupWorld.row("E01000002", 2), with: CensusEthnicGroupWorld.row("E01000002", 2, total: 1)), "do not add up"
            ),
            (CensusEthnicGroupWorld.census + CensusEthnicGroupWorld.row("E01099999", 1), "1 English areas are not in the LSOA lookup (E01099999)"),
            (
                CensusEthnicGroupWorld.census.replacingOccurrences(of: CensusEthnicGroupWorld.row("E01000004", 4), with: ""),
                "1 LSOAs of the lookup are not in the file (E01000004)"
            ),
        ] {
            let workspace = try TestWorkspace()
            let config = try CensusEthnicGroupWorld.world(workspace, census: census)
            #expect {
                try StageHarness.run(IngestStage(), configPath: config)
            } throws: { error in
                (error as? PipelineError)?.message.contains(words) == true
            }
        }
    }
}

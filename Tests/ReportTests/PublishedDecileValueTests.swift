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

@testable import Report

/// Values published without counts by ICB × national decile (docs/DATA.md, "Values without counts"): each
/// decile's value as given, weighted in England's SII by its resident population, no quintile made up, and
/// every figure that would need counts said to be not available.
struct PublishedDecileValueTests {
    /// England's decile `d` is 40 + 2d %; QAA's ten deciles one point below, QBB's even deciles (it publishes no
    /// others) one above; each with limits 1.5 either side; the ICSs' and England's values over all deciles; one
    /// row whose decile is not one.
    static var values: String {
        var text = "Area Code,Area Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit\n"
        text += "E92000001,England,,2024/25,51.0,50.5,51.5\n"
        for decile in 1...10 { text += "E92000001,England,\(decile),2024/25,\(england(decile)),\(england(decile) - 1.5),\(england(decile) + 1.5)\n" }
        text += "QAA,ICBs,,2024/25,49.0,47.0,51.0\nQBB,ICBs,,2024/25,53.0,51.0,55.0\n"
        for lsoa in 1...20 {
            let (icb, decile) = TestWorkspace.decileWorldLsoa(lsoa)
            if icb == "QBB", decile % 2 == 1 { continue }
            let value = england(decile) + (icb == "QAA" ? -1 : 1)
            text += "\(icb),ICBs,\(decile),2024/25,\(value),\(value - 1.5),\(value + 1.5)\n"
        }
        return text + "QBB,ICBs,11,2024/25,50.0,49.0,51.0\n"
    }

    static func england(_ decile: Int) -> Double { 40 + 2 * Double(decile) }

    /// The resident population of national decile `d` in `icb`, or in England (both ICBs' LSOAs in it): 38,000 ×
    /// the numbers of its LSOAs.
    static func population(ofDecile decile: Int, in icb: String? = nil) -> Double {
        Double((1...20).filter { TestWorkspace.decileWorldLsoa($0) == (icb ?? TestWorkspace.decileWorldLsoa($0).icb, decile) }.reduce(0, +) * 38_000)
    }

    /// Runs the four stages over the decile world; returns the store and the settings SIIs are fitted with.
    static func publish(_ values: String = PublishedDecileValueTests.values) throws -> (store: CheckpointStore, settings: AggregateSettings) {
        let workspace = try TestWorkspace()
        let config = try workspace.writeDecileValueWorld(values: values)
        for stage in StageHarness.stages.dropLast() { try StageHarness.run(stage, configPath: config) }
        return (try StageHarness.run(ReportStage(), configPath: config), try ConfigLoader.load(path: config).aggregate)
    }

    @Test func decilesAreReadAsGivenAndWeightedByTheirPopulation() throws {
        let (store, _) = try Self.publish()
        try store.pool.read { db in
            #expect(try PublishedValue.fetchCount(db) == 11 + 2 + 10 + 5)
            let quarantined = try String.fetchAll(db, sql: #"SELECT reason || ' ' || "column" || ' ' || column_name FROM ingest_quarantine"#)
            #expect(quarantined == ["invalid_imd_decile 3 Category"], "\(quarantined)")
            let england = try IndicatorValue.filter(
                IndicatorValue.Columns.indicator == "DEC" && IndicatorValue.Columns.level == "england"
            ).order(IndicatorValue.Columns.breakdown, IndicatorValue.Columns.breakdownIndex).fetchAll(db)
            // Everyone and ten deciles; no quintile, which would need counts.
            #expect(england.map(\.breakdown) == [.all] + Array(repeating: .imdDecile, count: 10))
            #expect(england[0].value == 51 && england[0].quantilePopulation == nil && england[0].numerator == nil)
            for row in england.dropFirst() {
                #expect(row.value == Self.england(row.breakdownIndex) && row.lower95 == Self.england(row.breakdownIndex) - 1.5)
                #expect(row.quantilePopulation == Self.population(ofDecile: row.breakdownIndex), "decile \(row.breakdownIndex)")
                #expect(row.numerator == nil && row.denominator == nil && row.method == .published)
            }
            // QBB publishes its even deciles only: its decile 1 is withheld, not published, with the people who live in it.
            let beta1 = try #require(
                try IndicatorValue.filter(
                    IndicatorValue.Columns.indicator == "DEC" && IndicatorValue.Columns.code == "QBB" && IndicatorValue.Columns.breakdown == "imd_decile"
                        && IndicatorValue.Columns.breakdownIndex == 1
                ).fetchOne(db))
            #expect(beta1.value == nil && beta1.withheld == .notPublishedBySource && beta1.quantilePopulation == 38_000 * 11)
            let alpha = try IndicatorValue.filter(
                IndicatorValue.Columns.indicator == "DEC" && IndicatorValue.Columns.code == "QAA" && IndicatorValue.Columns.breakdown == "imd_decile"
            ).fetchAll(db)
            #expect(alpha.map(\.quantilePopulation) == (1...10).map { Self.population(ofDecile: $0, in: "QAA") })
        }
    }

    /// England's SII over deciles is the one fit on the published values and limits, each decile weighted by its
    /// resident population; over quintiles there is none.
    @Test func englandsSIIOverDecilesIsFittedFromValuesAndLimits() throws {
        let (store, settings) = try Self.publish()
        let fit = InequalityFit(
            valueType: Statistic.proportion.method.inequalityScale, polarity: .higherIsBetter, multiplier: 100,
            minimumPopulation: settings.minQuantilePopulation, nationalPositions: settings.siiPositions == .national, repetitions: 1_000)
        let quantiles = (1...10).map { decile in
            InequalityFit.Quantile(
                value: Self.england(decile), lower95: Self.england(decile) - 1.5, upper95: Self.england(decile) + 1.5,
                population: Self.population(ofDecile: decile))
        }
        let expected = fit.fit(quantiles, national: (1...10).map { Self.population(ofDecile: $0) }, seed: 1)
        let sii = try #require(expected.sii)
        // Higher is better and the least deprived have the higher share: positive, about the 18 points between the ends.
        #expect(sii > 15 && sii < 25)
        try store.pool.read { db in
            let deciles = try #require(
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT sii, sii_lcl95, sii_ucl95, unstable_reason FROM inequality_index WHERE indicator_id = 'DEC' AND geography_level = 'england' AND n_quantiles = 10"
                ))
            let stored = try #require(deciles["sii"] as Double?)
            #expect(abs(stored - sii) < 1e-9)
            #expect((deciles["sii_lcl95"] as Double? ?? .infinity) < stored && stored < (deciles["sii_ucl95"] as Double? ?? -.infinity))
            #expect(deciles["unstable_reason"] as String? == nil)
            let published = try #require(
                try Row.fetchOne(db, sql: "SELECT sii FROM soc_national_inequality WHERE indicator_id = 'DEC' AND n_quantiles = 10"))
            #expect(published["sii"] as Double? == stored)
            let quintiles = try Row.fetchAll(db, sql: "SELECT sii, unstable_reason FROM soc_national_inequality WHERE indicator_id = 'DEC' AND n_quantiles = 5")
            #expect(quintiles.count == 1 && quintiles[0]["sii"] as Double? == nil)
            #expect(quintiles[0]["unstable_reason"] as String? == "no quintiles: the source publishes values by decile without counts")
            // QBB publishes five deciles of ten: no fit of its own.
            let beta = try String.fetchOne(
                db, sql: "SELECT unstable_reason FROM inequality_index WHERE indicator_id = 'DEC' AND geography_code = 'QBB' AND n_quantiles = 10")
            #expect(beta?.hasPrefix("quantile 1 has no value") == true, "\(String(describing: beta))")
            // QAA's over its own ten deciles, each weighted by its own residents, placed by England's deciles.
            let alphaFit = fit.fit(
                (1...10).map { decile in
                    InequalityFit.Quantile(
                        value: Self.england(decile) - 1, lower95: Self.england(decile) - 2.5, upper95: Self.england(decile) + 0.5,
                        population: Self.population(ofDecile: decile, in: "QAA"))
                }, national: (1...10).map { Self.population(ofDecile: $0) }, seed: 1)
            let alphaSII = try #require(alphaFit.sii)
            let aggregated = try #require(
                try Double.fetchOne(
                    db, sql: "SELECT sii FROM inequality_index WHERE indicator_id = 'DEC' AND geography_code = 'QAA' AND n_quantiles = 10"))
            #expect(abs(aggregated - alphaSII) < 1e-9)
            let league = try #require(
                try Row.fetchOne(db, sql: "SELECT sii, rii, sii_vs_england FROM soc_ics_league WHERE indicator_id = 'DEC' AND ics_ods_code = 'QAA'"))
            #expect(abs((league["sii"] as Double? ?? 0) - alphaSII) < 1e-9)
            #expect(abs((league["rii"] as Double? ?? 0) - (alphaFit.rii ?? 0)) < 1e-9)
            // Its slope is England's, a point lower throughout: its interval holds England's SII.
            #expect(league["sii_vs_england"] as String? == "similar")
        }
    }

    @Test func thePublishedTablesSayWhatIsNotAvailable() throws {
        let (store, _) = try Self.publish()
        try store.pool.read { db in
            let groups = try Row.fetchAll(
                db,
                sql: """
                    SELECT breakdown_type, breakdown_value, value, numerator FROM soc_national_by_group WHERE indicator_id = 'DEC'
                    ORDER BY breakdown_type, CAST(breakdown_value AS INTEGER)
                    """)
            #expect(groups.map { $0["breakdown_type"] as String } == ["all"] + Array(repeating: "imd_decile", count: 10))
            #expect(groups.dropFirst().map { $0["value"] as Double? } == (1...10).map { Self.england($0) })
            #expect(groups.allSatisfy { $0["numerator"] as Double? == nil })
            let withheld = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM soc_suppressed_cells WHERE indicator_id = 'DEC' AND table_name = 'soc_national_by_group'
                    AND column_name = 'numerator' AND reason_code = 'counts_not_published_by_source'
                    """)
            #expect(withheld == 11)
            let league = try Row.fetchAll(
                db, sql: "SELECT ics_ods_code, value, sii, sii_vs_england FROM soc_ics_league WHERE indicator_id = 'DEC' ORDER BY ics_ods_code")
            #expect(league.map { $0["value"] as Double? } == [49, 53])
            // QBB's SII is withheld with the reason of the deciles it lacks.
            #expect(league[0]["sii"] as Double? != nil && league[1]["sii"] as Double? == nil)
            let betaSII = try String.fetchOne(
                db,
                sql: """
                    SELECT action || ' ' || reason_code FROM soc_suppressed_cells WHERE indicator_id = 'DEC' AND table_name = 'soc_ics_league'
                    AND row_key LIKE '%QBB' AND column_name = 'sii'
                    """)
            #expect(betaSII == "withheld not_published_by_source", "\(String(describing: betaSII))")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM soc_ics_quintile_gap WHERE indicator_id = 'DEC'") == 0)
            let split = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DEC' AND item = 'deprivation_split'")
            #expect(split?.hasPrefix("by national IMD decile, as the source publishes it without counts") == true)
            let counts = try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DEC' AND item = 'counts'")
            #expect(counts?.contains("no funnel, excess events or quintiles") == true)
            #expect(try String.fetchOne(db, sql: "SELECT value FROM soc_metadata WHERE indicator_id = 'DEC' AND item = 'sign_convention'") != nil)
        }
    }

    /// A quintile is refused, naming why; a decile label that says the other end is most deprived is refused at
    /// its line, as for counts.
    @Test func quintilesAndUpsideDownLabelsAreRefused() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeDecileValueWorld(values: Self.values, indicatorExtra: #", "breakdowns": ["imd_quintile"]"#)
        do {
            _ = try ConfigLoader.load(path: config)
            Issue.record("a quintile breakdown was accepted")
        } catch let error as PipelineError {
            #expect(error.message.hasPrefix("indicators[0].breakdowns: DEC asks for 'imd_quintile'"), "\(error.message)")
            #expect(error.message.contains("a quintile's value needs its two deciles' counts"))
        }
        let accepted = try workspace.writeDecileValueWorld(values: Self.values, indicatorExtra: #", "breakdowns": ["imd_decile"]"#)
        #expect(throws: Never.self) { try ConfigLoader.load(path: accepted) }

        let upsideDown = Self.values.replacingOccurrences(of: "E92000001,England,1,", with: "E92000001,England,1 Least deprived,")
        let labelled = try workspace.writeDecileValueWorld(values: upsideDown)
        do {
            try StageHarness.run(IngestStage(), configPath: labelled)
            Issue.record("an upside-down decile label was read")
        } catch let error as PipelineError {
            #expect(error.message.contains("says 1 is least deprived"), "\(error.message)")
            #expect(error.location?.line == 3 && error.location?.column == 3)
        }
    }

    /// A decile whose published limits give a small count away is hidden (3 of 10 by Wilson), and the ICS's SII
    /// with it: fitted on the hidden decile, it could be inverted towards what the decile's limits give away.
    @Test func aHiddenDecileHidesTheICSsSII() throws {
        let estimate = try #require(Proportion.estimate(numerator: 3, denominator: 10, multiplier: 100))
        let fields = [estimate.value, estimate.lower95, estimate.upper95].map { String(format: "%.10f", $0!) }.joined(separator: ",")
        let values = Self.values.replacingOccurrences(of: "QAA,ICBs,5,2024/25,49.0,47.5,50.5", with: "QAA,ICBs,5,2024/25,\(fields)")
        #expect(values != Self.values)
        let (store, _) = try Self.publish(values)
        try store.pool.read { db in
            let cells = try String.fetchAll(
                db,
                sql: """
                    SELECT column_name || ' ' || action || ' ' || reason_code FROM soc_suppressed_cells WHERE indicator_id = 'DEC'
                    AND table_name = 'soc_ics_league' AND row_key LIKE '%QAA' AND column_name IN ('sii', 'rii') ORDER BY column_name
                    """)
            #expect(cells == ["rii secondary_suppressed reveals_suppressed_count", "sii secondary_suppressed reveals_suppressed_count"], "\(cells)")
            #expect(try Double.fetchOne(db, sql: "SELECT sii FROM soc_ics_league WHERE indicator_id = 'DEC' AND ics_ods_code = 'QAA'") == nil)
        }
    }
}

import Foundation
import PipelineTestSupport
import Testing

@testable import Statistics

/// Funnel lines and bands for rates and DSRs against PHEindicatormethods' own test data
/// (`Tests/Fixtures/phe_cases.json`: `funnel_limits` for the lines, `funnel_rate_significance` for the
/// bands; docs/METHODS.md §10).
struct FunnelReferenceTests {
    struct RateSignificance: Decodable {
        var label: String
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var rate_type: String
        var multiplier: Double
        var numerator: [Double]
        var denominator: [Double]
        var rate: [Double?]
        var expected: [String]
    }

    struct Lines: Decodable {
        var label: String
        var statistic: String
        var multiplier: Double
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var years_of_data: Double?
        var columns: [String]
        var rows: [[Double?]]
    }

    struct Cases: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var funnel_rate_significance: [RateSignificance]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var funnel_limits: [Lines]
    }

    static let cases: Cases = {
        let url = URL(fileURLWithPath: Repository.path("Tests/Fixtures/phe_cases.json"))
        return try! JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }()

    /// Each rate line of the package's table: at the population where its line passes through a whole
    /// number of events, our limit at that population is that many events over it.
    @Test func rateLinesAreThePackagesLines() throws {
        var checked = 0
        for lines in Self.cases.funnel_limits where lines.statistic == "rate" {
            let years = lines.years_of_data ?? 1
            let column = { (name: String) in lines.columns.firstIndex(of: name)! }
            for row in lines.rows {
                guard let baseline = row[column("baseline")] else { continue }
                for (population, limit, tail, isLower) in [
                    ("lower_2s_population_1_year", "lower_2s_limit", 95, true), ("upper_2s_population_1_year", "upper_2s_limit", 95, false),
                    ("lower_3s_population_1_year", "lower_3s_limit", 998, true), ("upper_3s_population_1_year", "upper_3s_limit", 998, false),
                ] {
                    guard let people = row[column(population)], let expected = row[column(limit)], people > 0 else { continue }
                    let curve = try #require(
                        FunnelLimits.curve(
                            .poissonRate(minimumEvents: 0, populationWithoutEvents: true), englandValue: baseline, denominator: people * years,
                            multiplier: lines.multiplier))
                    let pair = tail == 95 ? curve.limits95 : curve.limits998
                    let ours = isLower ? pair.0 : pair.1
                    // The package finds each line by bisection to about 1e-7 of its own variable.
                    #expect(agrees(ours, expected, tolerance: 1e-5), "\(lines.label) events \(row[0] ?? -1) \(limit): \(ours) against \(expected)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    /// The band of every area of the package's rate and DSR cases is the package's significance.
    @Test func rateBandsAreThePackagesSignificance() {
        for data in Self.cases.funnel_rate_significance {
            let dsr = data.rate_type == "dsr"
            let construction = FunnelConstruction.poissonRate(minimumEvents: dsr ? 10 : 0, populationWithoutEvents: !dsr)
            // The package's target: all events over all denominators derived from the rates.
            var events = 0.0, people = 0.0
            for (index, count) in data.numerator.enumerated() {
                events += count
                if count > 0, let rate = data.rate[index] {
                    people += data.multiplier * count / rate
                } else if !dsr {
                    people += data.denominator[index]
                }
            }
            for (index, count) in data.numerator.enumerated() {
                let result = FunnelLimits.evaluate(
                    construction, numerator: count, denominator: data.denominator[index], value: data.rate[index] ?? 0,
                    england: (events, people, events / people * data.multiplier), multiplier: data.multiplier)
                let word: String
                switch result.band {
                case .high998: word = "High (0.001)"
                case .high95: word = "High (0.025)"
                case .low998: word = "Low (0.001)"
                case .low95: word = "Low (0.025)"
                case .within: word = "Not significant"
                case .notApplicable: word = "Not applicable for events less than 10 for dsrs"
                }
                #expect(word == data.expected[index], "\(data.label) row \(index + 1): \(count) events, rate \(data.rate[index] ?? 0)")
            }
        }
    }

    /// The example (acsc_admissions, March 2024, QGH): 822 events where 912.75 were expected.
    /// P(X ≤ 822) = 0.00121 is above 0.001, so it is low at 95%, not at 99.8%.
    @Test func theBandFollowsTheExactTail() {
        let denominator = 1_000_000.0, m = 100_000.0
        let englandRate = 912.75 / denominator * m
        let result = FunnelLimits.evaluate(
            .poissonRate(minimumEvents: 0, populationWithoutEvents: true), numerator: 822, denominator: denominator,
            value: 822 / denominator * m, england: (912.75, denominator, englandRate), multiplier: m)
        #expect(result.band == .low95)
        #expect(abs(Distribution.poissonAtMost(822, mean: 912.75) - 0.00121) < 0.00001)
    }
}

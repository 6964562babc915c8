import Foundation
import PipelineTestSupport
import Testing

@testable import Statistics

/// Every SII case of PHEindicatormethods' test data: points to 1e-9, limits within the package's own 5% tolerance.
struct SIIReferenceCaseTests {
    struct Case: Decodable {
        struct Expected: Decodable {
            struct Level: Decodable {
                var sii: [Double]
                var rii: [Double]?
            }
            var sii: Double
            var rii: Double?
            var intercept: Double?
            var ci: [String: Level]?
        }
        var label: String
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var value_type: Int
        var transform: Bool
        var multiplier: Double
        var confidence: [Double]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var se_source: String
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var value_source: String
        var population: [Double]
        var count: [Double?]
        var value: [Double?]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var lower_cl: [Double?]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var upper_cl: [Double?]
        var se: [Double?]
        var expected: Expected
    }

    struct File: Decodable { var sii: [Case] }

    static let cases: [Case] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/phe_cases.json")))
        return try! JSONDecoder().decode(File.self, from: data).sii
    }()

    static func setUp(_ c: Case) -> (SlopeIndexOfInequality, [SlopeIndexOfInequality.Quantile]) {
        let type = SlopeIndexOfInequality.ValueType(rawValue: c.value_type)!
        let sii = SlopeIndexOfInequality(valueType: type, transform: c.transform, multiplier: c.multiplier)
        let quantiles = c.population.indices.map { j -> SlopeIndexOfInequality.Quantile in
            let value = c.value_source == "x" ? c.count[j]! / c.population[j] : c.value[j]!
            if c.se_source == "se" {
                return .init(population: c.population[j], value: value, standardError: c.se[j]!)
            }
            return .init(population: c.population[j], value: value, lower95: c.lower_cl[j]!, upper95: c.upper_cl[j]!, type: type)
        }
        return (sii, quantiles)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1e-12)
    }

    @Test(arguments: cases.indices)
    func pointEstimates(index: Int) {
        let c = Self.cases[index]
        let (sii, quantiles) = Self.setUp(c)
        let point = sii.point(quantiles)
        #expect(Self.close(point.sii, c.expected.sii, 1e-9), "\(c.label): \(point.sii) vs \(c.expected.sii)")
        if let rii = c.expected.rii { #expect(Self.close(point.rii, rii, 1e-9), "\(c.label) rii") }
        if let intercept = c.expected.intercept { #expect(Self.close(point.intercept, intercept, 1e-9), "\(c.label) intercept") }
    }

    @Test(arguments: cases.indices)
    func limitsWithinThePackagesTolerance(index: Int) {
        let c = Self.cases[index]
        let (sii, quantiles) = Self.setUp(c)
        for (key, level) in c.expected.ci ?? [:] {
            let confidence = Double(key)!
            let limits =
                sii.hasClosedForm
                ? sii.closedFormLimits(quantiles, confidence: confidence)
                : sii.simulatedLimits(quantiles, confidence: confidence, repetitions: 100_000, seed: 2026)
            #expect(Self.close(limits.siiLower, level.sii[0], 0.05), "\(c.label) \(key) lower \(limits.siiLower) vs \(level.sii[0])")
            #expect(Self.close(limits.siiUpper, level.sii[1], 0.05), "\(c.label) \(key) upper \(limits.siiUpper) vs \(level.sii[1])")
            if let rii = level.rii, let lower = limits.riiLower, let upper = limits.riiUpper {
                #expect(Self.close(lower, rii[0], 0.05), "\(c.label) \(key) rii lower")
                #expect(Self.close(upper, rii[1], 0.05), "\(c.label) \(key) rii upper")
            }
        }
    }
}

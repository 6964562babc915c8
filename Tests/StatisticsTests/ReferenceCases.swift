import Foundation
import PipelineTestSupport

/// PHEindicatormethods' own test data (`Tests/Fixtures/phe_cases.json`, copied from
/// `../shared/reference-cases`; see Tests/Fixtures/PROVENANCE.md).
struct ReferenceCases: Decodable {
    struct Limits: Decodable {
        var x: Double
        var n: Double?
        var confidence: Double
        var lower: Double?
        var upper: Double?
    }

    struct Simple: Decodable {
        var label: String
        var x: Double?
        var n: Double?
        var multiplier: Double
        var value: Double?
        var lower95: Double?
        var upper95: Double?
        var lower998: Double?
        var upper998: Double?
        var method: String?
    }

    struct DSR: Decodable {
        var label: String
        var x: [Double?]
        var n: [Double]
        var stdpop: [Double]
        var multiplier: Double
        var value: Double?
        var lower95: Double?
        var upper95: Double?
        var lower998: Double?
        var upper998: Double?
    }

    struct ISR: Decodable {
        var label: String
        var x: [Double?]
        var n: [Double?]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var x_ref: [Double?]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var n_ref: [Double]
        var observed: Double
        var expected: Double
        var value: Double
        var lower95: Double?
        var upper95: Double?
        var lower998: Double?
        var upper998: Double?
        var method: String
        var refvalue: Double?
        var multiplier: Double?
    }

    var byars: [Limits]
    var wilson: [Limits]
    var rate: [Simple]
    var proportion: [Simple]
    var dsr: [DSR]
    var isratio: [ISR]
    var israte: [ISR]

    static let shared: ReferenceCases = {
        let url = URL(fileURLWithPath: Repository.path("Tests/Fixtures/phe_cases.json"))
        // The fixture is committed; failing to read it is a broken checkout.
        return try! JSONDecoder().decode(ReferenceCases.self, from: Data(contentsOf: url))
    }()
}

/// `actual` equals `expected` to `tolerance` relative (both nil counts as equal).
func agrees(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?):
        if e == 0 { return abs(a) <= tolerance }
        return abs(a - e) / abs(e) <= tolerance
    default: return false
    }
}

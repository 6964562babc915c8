import Foundation
import PipelineTestSupport
import Statistics
import Testing

@testable import PipelineCore

/// `pipeline.schema.json` must list exactly the keys and values the strict decoder accepts.
struct ConfigSchemaTests {
    let schema: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repository.path("pipeline.schema.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    func properties(_ path: [String]) -> Set<String> {
        var node: Any = schema
        for step in path {
            node = (node as! [String: Any])[step]!
        }
        return Set(((node as! [String: Any])["properties"] as! [String: Any]).keys)
    }

    func keys<K: CodingKey & CaseIterable>(_: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }

    @Test func objectKeysMatchTheDecoder() {
        #expect(properties([]) == keys(PipelineConfig.CodingKeys.self).union(["$schema"]))
        #expect(properties(["properties", "reference"]) == keys(ReferenceConfig.CodingKeys.self))
        #expect(properties(["properties", "reference", "properties", "icb"]) == keys(IcbReference.CodingKeys.self))
        #expect(properties(["properties", "reference", "properties", "imd"]) == keys(ImdReference.CodingKeys.self))
        #expect(properties(["properties", "reference", "properties", "standardPopulation"]) == keys(StandardPopulationReference.CodingKeys.self))
        #expect(properties(["properties", "ingest"]) == keys(IngestSettings.CodingKeys.self))
        #expect(properties(["properties", "sources", "items"]) == keys(SourceConfig.CodingKeys.self))
        #expect(properties(["properties", "sources", "items", "properties", "columns"]) == Set(SourceField.allCases.map(\.rawValue)))
        #expect(properties(["properties", "sources", "items", "properties", "dialect"]) == keys(CSVDialect.CodingKeys.self))
        #expect(properties(["properties", "indicators", "items"]) == keys(IndicatorConfig.CodingKeys.self))
        #expect(properties(["properties", "indicators", "items", "properties", "ageRange"]) == keys(AgeRange.CodingKeys.self))
        #expect(properties(["properties", "aggregate"]) == keys(AggregateSettings.CodingKeys.self))
        #expect(properties(["properties", "report"]) == keys(ReportSettings.CodingKeys.self))
        #expect(properties(["properties", "report", "properties", "disclosure"]) == keys(DisclosureRules.CodingKeys.self))
    }

    @Test func enumValuesMatchTheDecoder() {
        func values(_ path: [String]) -> Set<String> {
            var node: Any = schema
            for step in path { node = (node as! [String: Any])[step]! }
            return Set((node as! [String: Any])["enum"] as! [String])
        }
        let source = ["properties", "sources", "items", "properties"]
        let indicator = ["properties", "indicators", "items", "properties"]
        #expect(values(source + ["kind"]) == Set(SourceConfig.Kind.allCases.map(\.rawValue)))
        #expect(values(source + ["grain"]) == Set(SourceGrain.allCases.map(\.rawValue)))
        #expect(values(source + ["decileOrder"]) == Set(DecileOrder.allCases.map(\.rawValue)))
        #expect(values(source + ["dateOrder"]) == Set(DateOrder.allCases.map(\.rawValue)))
        // Methods are open-ended (adding one is its file, a registry line and a test): the schema's examples
        // must be real methods, and every method must fit its pattern.
        let methods = (((schema["properties"] as! [String: Any])["indicators"] as! [String: Any])["items"] as! [String: Any])
        let method = (methods["properties"] as! [String: Any])["method"] as! [String: Any]
        #expect(Set(method["examples"] as! [String]).isSubset(of: Set(Statistic.allCases.map(\.rawValue))))
        let pattern = try! Regex(method["pattern"] as! String)
        #expect(Statistic.allCases.allSatisfy { $0.rawValue.wholeMatch(of: pattern) != nil })
        #expect(values(indicator + ["polarity"]) == Set(Polarity.allCases.map(\.rawValue)))
        #expect(values(indicator + ["comparison"]) == Set(ComparisonPolicy.allCases.map(\.rawValue)))
        #expect(values(["properties", "report", "properties", "formats", "items"]) == Set(ReportSettings.Format.allCases.map(\.rawValue)))
        #expect(values(indicator + ["breakdowns", "items"]) == Set(IndicatorConfig.Breakdown.allCases.map(\.rawValue)))
    }
}

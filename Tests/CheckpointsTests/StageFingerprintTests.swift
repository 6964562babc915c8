import Foundation
import Logging
import PipelineCore
import PipelineTestSupport
import Testing

@testable import Checkpoints

/// Skipping by fingerprint is correct by construction: a stage's configuration part is the encoded
/// configuration it reads, so every setting in `pipeline.json` — including ones added later — changes the
/// fingerprint of a stage that reads it, and nothing a stage does not read changes it.
struct StageFingerprintTests {
    static func context(_ config: PipelineConfig, keepRows: Bool = false) -> StageContext {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return StageContext(config: config, runID: "test", logger: logger, keepRows: keepRows)
    }

    /// Each stage's configuration fingerprint, in stage order.
    static func fingerprints(_ config: PipelineConfig, keepRows: Bool = false) -> [StageName: String] {
        Dictionary(
            uniqueKeysWithValues: StageHarness.stages.map {
                ($0.name, $0.baseFingerprint(context(config, keepRows: keepRows)).digest)
            })
    }

    /// Paths of every leaf in a JSON value, with the leaf.
    static func leaves(_ value: Any, path: [Any] = []) -> [([Any], Any)] {
        switch value {
        case let object as [String: Any]: object.keys.sorted().flatMap { leaves(object[$0]!, path: path + [$0]) }
        case let array as [Any]: array.indices.flatMap { leaves(array[$0], path: path + [$0]) }
        default: [(path, value)]
        }
    }

    static func replacing(_ value: Any, at path: [Any], with leaf: Any) -> Any {
        guard let head = path.first else { return leaf }
        let rest = Array(path.dropFirst())
        if var object = value as? [String: Any], let key = head as? String {
            object[key] = replacing(object[key]!, at: rest, with: leaf)
            return object
        }
        var array = value as! [Any]
        array[head as! Int] = replacing(array[head as! Int], at: rest, with: leaf)
        return array
    }

    static func changed(_ leaf: Any) -> Any? {
        switch leaf {
        case let number as NSNumber where String(describing: type(of: number)).contains("Boolean"): !number.boolValue
        case let number as NSNumber: number.doubleValue + 1
        case let text as String: text + "x"
        default: nil
        }
    }

    /// Every setting of the sample configuration, changed on its own, changes some stage's fingerprint —
    /// except where the checkpoint database lives, which changes no output. (Changes that no longer load,
    /// such as a misspelt method name, are the config loader's business and are skipped.)
    @Test func everySettingReachesAFingerprint() throws {
        let config = try ConfigLoader.load(path: Repository.path("pipeline.json"))
        let before = Self.fingerprints(config)
        let document = try JSONSerialization.jsonObject(with: JSONEncoder().encode(config))
        var tried = 0, decoded = 0
        for (path, leaf) in Self.leaves(document) {
            guard let other = Self.changed(leaf), path.first as? String != "database" else { continue }
            tried += 1
            let data = try JSONSerialization.data(withJSONObject: Self.replacing(document, at: path, with: other))
            guard let edited = try? ConfigLoader.decode(data, file: "edited.json") else { continue }
            decoded += 1
            let name = path.map { "\($0)" }.joined(separator: ".")
            #expect(Self.fingerprints(edited) != before, "changing \(name) changes no stage's fingerprint")
        }
        #expect(tried > 100 && decoded >= 60, "enough settings could be changed and still load (\(decoded) of \(tried))")
    }

    /// Settings reach the stages that read them, and only those.
    @Test func eachSectionReachesItsStages() throws {
        let config = try ConfigLoader.load(path: Repository.path("pipeline.json"))
        let before = Self.fingerprints(config)
        func stagesChanged(_ edit: (inout PipelineConfig) -> Void) -> Set<StageName> {
            var edited = config
            edit(&edited)
            let after = Self.fingerprints(edited)
            return Set(StageName.allCases.filter { before[$0] != after[$0] })
        }
        #expect(stagesChanged { $0.indicators[0].title += " (edited)" } == [.transform])
        #expect(stagesChanged { $0.aggregate.siiSeed += 1 } == [.aggregate, .report])
        #expect(stagesChanged { $0.report.keepRuns += 1 } == [.report])
        // Read by the report (metadata) as well as ingest: both were missing from the hand-kept lists.
        #expect(stagesChanged { $0.sources[0].description = "edited" } == [.ingest, .report])
        #expect(stagesChanged { $0.ingest.keepRows.toggle() } == [.ingest])
        // `--keep-rows` on the command line is the same setting.
        #expect(Self.fingerprints(config, keepRows: true)[.ingest] != before[.ingest])
        #expect(stagesChanged { $0.database = "elsewhere.sqlite" } == [])
    }

    /// `plan`'s account of a change: the configuration keys that differ.
    @Test func changesNameTheirKeys() throws {
        let config = try ConfigLoader.load(path: Repository.path("pipeline.json"))
        var edited = config
        edited.aggregate.headlineTopN = 3
        let stage = try #require(StageHarness.stages.first { $0.name == .aggregate })
        let changes = FingerprintChange.between(stage.baseFingerprint(Self.context(config)), stage.baseFingerprint(Self.context(edited)))
        #expect(changes == [.configuration(keys: ["headlineTopN"])])
        #expect(changes.first?.describe() == "configuration changed: headlineTopN")
    }
}

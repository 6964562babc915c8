import Checkpoints
import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

struct ConfigLoaderTests {
    func decodeError(_ json: String) -> PipelineError? {
        do {
            _ = try ConfigLoader.decode(Data(json.utf8), file: "pipeline.json")
            return nil
        } catch {
            return error as? PipelineError
        }
    }

    var valid: String { TestWorkspace.tinyConfigJSON() }

    @Test func theShippedConfigDecodes() throws {
        let config = try ConfigLoader.load(path: Repository.path("pipeline.json"))
        #expect(config.sources.count >= 6)
        #expect(config.populationSource?.name == "population")
        // The 2021 basis with IMD 2025 is the default; 2011-coded sources can be converted onto it.
        #expect(config.reference.icb.vintage == "2024-04")
        #expect(config.reference.imd.vintage == "2025")
        #expect(config.reference.lsoaVintage == .lsoa2021)
        #expect(config.reference.conversion(from: .lsoa2011)?.file == "reference/lsoa/2011-to-2021/lsoa11_to_lsoa21.csv")
        #expect(config.resolve("out/x") == Repository.path("out/x"))
        // The 2011 basis with IMD 2019 stays selectable (examples/basis-2011, run by ExamplesTests).
        let basis2011 = try ConfigLoader.load(path: Repository.path("examples/basis-2011/pipeline.json"))
        #expect(basis2011.reference.icb.vintage == "2022-07")
        #expect(basis2011.reference.imd.vintage == "2019")
        #expect(basis2011.reference.lsoaVintage == .lsoa2011)
    }

    /// A population may come at ICB × decile (long layout); a wide one is per LSOA by definition.
    @Test func populationGrains() {
        let atIcb = valid.replacingOccurrences(
            of: "\"kind\": \"population\", \"vintage\": \"test\",",
            with: "\"kind\": \"population\", \"grain\": \"icb-imd-decile\", \"decileOrder\": \"1-most-deprived\", \"vintage\": \"test\",")
        #expect(atIcb != valid)
        #expect(decodeError(atIcb) == nil)
        let wide = atIcb.replacingOccurrences(of: "\"grain\": \"icb-imd-decile\",", with: "\"grain\": \"icb-imd-decile\", \"layout\": \"wide\",")
        #expect(decodeError(wide)?.message == "sources[0].layout: a wide population is one row per LSOA; at ICB × decile grain use the long layout")
    }

    /// A source counted by provider needs its weights; weights belong only to such a source.
    @Test func providerSourcesNeedTheirWeights() {
        let provider = valid.replacingOccurrences(
            of: "\"kind\": \"events\", \"files\"", with: "\"kind\": \"events\", \"grain\": \"provider\", \"files\"")
        #expect(provider != valid)
        #expect(decodeError(provider)?.message == "sources[1].attribution: a source counted by provider needs the weights that share it among ICBs")
        let weighted = provider.replacingOccurrences(
            of: "\"grain\": \"provider\",", with: "\"grain\": \"provider\", \"attribution\": {\"file\": \"ref/weights.csv\"},")
        #expect(decodeError(weighted) == nil)
        let stray = valid.replacingOccurrences(
            of: "\"kind\": \"events\", \"files\"", with: "\"kind\": \"events\", \"attribution\": {\"file\": \"ref/weights.csv\"}, \"files\"")
        #expect(decodeError(stray)?.message == "sources[1].attribution: only a source at grain 'provider' is shared out by weights")
    }

    @Test func unknownKeyNamesItsPathAndTheClosestValidKey() {
        let error = decodeError(valid.replacingOccurrences(of: "\"rejectThreshold\"", with: "\"rejectTreshold\""))
        #expect(error?.code == .usage)
        #expect(error?.message == "ingest.rejectTreshold: unknown key 'rejectTreshold'")
        #expect(error?.hint?.hasPrefix("did you mean 'rejectThreshold'?") == true)
    }

    @Test func unknownKeyInsideAnArrayElement() {
        let error = decodeError(valid.replacingOccurrences(of: "\"kind\": \"events\"", with: "\"kind\": \"events\", \"glob\": \"x\""))
        #expect(error?.message == "sources[1].glob: unknown key 'glob'")
    }

    @Test func unknownColumnField() {
        let error = decodeError(valid.replacingOccurrences(of: "\"kind\": \"events\"", with: "\"kind\": \"events\", \"columns\": {\"lsao\": \"x\"}"))
        #expect(error?.message == "sources[1].columns.lsao: unknown key 'lsao'")
        #expect(error?.hint?.contains("did you mean 'lsoa'?") == true)
    }

    @Test func wrongTypeNamesThePath() {
        let error = decodeError(valid.replacingOccurrences(of: "\"rejectThreshold\": 0.5", with: "\"rejectThreshold\": \"high\""))
        #expect(error?.message == "ingest.rejectThreshold: expected a number")
    }

    @Test func missingRequiredKey() {
        let error = decodeError(valid.replacingOccurrences(of: "\"vintage\": \"2019\", ", with: ""))
        #expect(error?.message == "reference.imd.vintage: required key 'vintage' is missing")
    }

    @Test func badEnumValueListsTheChoices() {
        let error = decodeError(valid.replacingOccurrences(of: "\"kind\": \"events\"", with: "\"kind\": \"event\""))
        #expect(error?.message.hasPrefix("sources[1].kind:") == true)
        #expect(error?.message.contains("events, proportion, population") == true)
    }

    @Test func syntaxErrorIsAUsageError() {
        let error = decodeError("{\n  \"database\": \"x\"\n  \"sources\": [] }")
        #expect(error?.code == .usage)
        #expect(error?.message.hasPrefix("not valid JSON") == true)
        #expect(error?.message.contains("line 3") == true, "\(String(describing: error))")
    }

    @Test func missingConfigFileIsAUsageError() {
        #expect { _ = try ConfigLoader.load(path: "/nonexistent/pipeline.json") } throws: { ($0 as? PipelineError)?.code == .usage }
    }

    @Test func exactlyOnePopulationSource() {
        let error = decodeError(valid.replacingOccurrences(of: "\"kind\": \"population\"", with: "\"kind\": \"events\""))
        #expect(error?.message.contains("exactly one source of kind 'population'") == true)
    }

    @Test func rejectThresholdMustBeAShare() {
        let error = decodeError(valid.replacingOccurrences(of: "\"rejectThreshold\": 0.5", with: "\"rejectThreshold\": 5"))
        #expect(error?.message.hasPrefix("ingest.rejectThreshold:") == true)
    }

    @Test func disclosureRulesAreCheckedWithTheirPath() {
        func withReport(_ report: String) -> String { String(valid.dropLast(2)) + ", \"report\": \(report)\n}\n" }
        #expect(decodeError(withReport(#"{ "disclosure": { "roundTo": 0 } }"#))?.message.hasPrefix("report.disclosure.roundTo:") == true)
        #expect(decodeError(withReport(#"{ "disclosure": { "suppressedSymbol": "5" } }"#))?.message.hasPrefix("report.disclosure.suppressedSymbol:") == true)
        let misspelt = decodeError(withReport(#"{ "disclosure": { "roundto": 5 } }"#))
        #expect(misspelt?.message.contains("report.disclosure.roundto") == true)
        #expect(misspelt?.description.contains("roundTo") == true)
        #expect(decodeError(withReport(#"{ "formats": ["pdf"] }"#))?.message.hasPrefix("report.formats") == true)
    }

    /// A regime weaker than the default needs an explicit acknowledgement and is then published as
    /// `custom`, never under the default's name.
    @Test func weakerDisclosureNeedsAnAcknowledgementAndIsCalledCustom() throws {
        func withReport(_ report: String) -> String { String(valid.dropLast(2)) + ", \"report\": \(report)\n}\n" }
        for weaker in [#""suppressTo": 0"#, #""roundTo": 1"#, #""suppressFrom": 3"#, #""percentOneDecimalMinDenominator": 100"#] {
            let error = decodeError(withReport(#"{ "disclosure": { "# + weaker + " } }"))
            #expect(error?.message.hasPrefix("report.disclosure.acknowledgeWeakerThanDefault:") == true, "\(weaker): \(String(describing: error))")
            #expect(error?.message.contains("weaker than the NHS Digital default") == true)
        }
        let acknowledged = try ConfigLoader.decode(
            Data(withReport(#"{ "disclosure": { "suppressTo": 0, "roundTo": 1, "acknowledgeWeakerThanDefault": true } }"#).utf8), file: "p.json")
        #expect(acknowledged.report.disclosure.publishedName.hasPrefix("custom"))
        #expect(acknowledged.report.disclosure.summary.hasPrefix("custom"))
        #expect(!acknowledged.report.disclosure.summary.contains("HES/ECDS disclosure control (September 2018):"))
        // Stronger rules are allowed without a word, but not under the default's name.
        let stronger = try ConfigLoader.decode(Data(withReport(#"{ "disclosure": { "roundTo": 10 } }"#).utf8), file: "p.json")
        #expect(stronger.report.disclosure.weakenings.isEmpty && stronger.report.disclosure.publishedName == "custom")
        #expect(DisclosureRules().publishedName == DisclosureRules().name)
    }

    static let indicator = #"{ "id": "X1", "title": "t", "source": "admissions", "method": "dsr", "multiplier": 100000, "unit": "u", "polarity": "none" }"#

    func withIndicator(_ text: String) -> String {
        TestWorkspace.tinyConfigJSON(indicators: "[\(text)]")
    }

    @Test func indicatorWithUnknownMethodListsTheMethods() {
        let error = decodeError(withIndicator(Self.indicator.replacingOccurrences(of: "\"dsr\"", with: "\"dsrr\"")))
        #expect(error?.message.hasPrefix("indicators[0].method:") == true)
        #expect(error?.message.contains("dsr, crude_rate, proportion") == true)
    }

    @Test func indicatorOnAMissingDatasetSuggestsOne() {
        let error = decodeError(withIndicator(Self.indicator.replacingOccurrences(of: "\"admissions\"", with: "\"admisions\"")))
        #expect(error?.message == "indicators[0].source: no dataset named 'admisions'")
        #expect(error?.hint == "did you mean 'admissions'?")
    }

    @Test func indicatorMethodMustFitTheDatasetKind() {
        let error = decodeError(withIndicator(Self.indicator.replacingOccurrences(of: "\"admissions\"", with: "\"waits\"")))
        #expect(error?.message.contains("needs a dataset of kind 'events'") == true)
    }

    /// Values published without counts are read by ICB only, and their indicators ask for nothing that needs
    /// counts (docs/DATA.md, "Values without counts").
    @Test func valuesWithoutCountsAreReadByICBAndAskForNoCounts() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.writeTinyValueWorld()
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(decodeError(text) == nil)
        let byLsoa = text.replacingOccurrences(of: #""kind": "value", "grain": "icb""#, with: #""kind": "value", "grain": "lsoa""#)
        #expect(byLsoa != text)
        let grain = decodeError(byLsoa)
        #expect(
            grain?.message.hasPrefix("sources[1].grain: a source of kind 'value' (values published without counts) is read at grain 'icb'") == true,
            "\(String(describing: grain))")
        let fractional = text.replacingOccurrences(of: #""kind": "value", "grain": "icb""#, with: #""kind": "value", "grain": "icb", "counts": "fractional""#)
        #expect(decodeError(fractional)?.message.hasPrefix("sources[1].counts:") == true)
        for (extra, path) in [
            (#", "ageRange": {"from": 0, "to": 4}"#, "indicators[0].ageRange"), (#", "breakdowns": ["sex"]"#, "indicators[0].breakdowns"),
            (#", "needWeighted": "mental_health""#, "indicators[0].needWeighted"),
        ] {
            let asked = text.replacingOccurrences(of: #""polarity": "higher_is_better""#, with: #""polarity": "higher_is_better""# + extra)
            #expect(asked != text)
            let error = decodeError(asked)
            #expect(error?.message.hasPrefix("\(path): PUB") == true, "\(String(describing: error))")
        }
        // Any statistic may be the publisher's: a rate as well as a proportion.
        #expect(decodeError(text.replacingOccurrences(of: #""method": "proportion""#, with: #""method": "dsr""#)) == nil)
    }

    @Test func impossibleAgeRange() {
        let error = decodeError(
            withIndicator(Self.indicator.replacingOccurrences(of: "\"polarity\"", with: "\"ageRange\": {\"from\": 18, \"to\": 4}, \"polarity\"")))
        #expect(error?.message.hasPrefix("indicators[0].ageRange.to:") == true)
    }

    @Test func impossibleMultiplier() {
        let error = decodeError(withIndicator(Self.indicator.replacingOccurrences(of: "100000", with: "-1")))
        #expect(error?.message.hasPrefix("indicators[0].multiplier:") == true)
    }
}

import Foundation
import PipelineCore
import PipelineTestSupport
import Testing

/// Ethnic groups read as publishers write them (docs/DATA.md, "Ethnic groups"), and the configuration's
/// refusals of what a source by ethnic group cannot give.
struct EthnicGroupTests {
    /// NHS Talking Therapies' words, ONS's broad groups, NHS Data Dictionary codes, one column or two.
    @Test func publishersWordsAndCodes() {
        #expect(EthnicGroup.read(group: "Asian or Asian British", category: "All") == .asian)
        #expect(EthnicGroup.read(group: "Asian or Asian British", category: "Any other Asian background") == .asianOther)
        #expect(EthnicGroup.read(group: "White", category: "British") == .whiteBritish)
        #expect(EthnicGroup.read(group: "Other Ethnic Groups", category: "Any Other Ethnic Group") == .otherAny)
        #expect(EthnicGroup.read(group: "Other Ethnic Groups", category: "Chinese") == .otherChinese)
        #expect(EthnicGroup.read(group: "Not stated/Not known/Invalid", category: "All") == .notStated)
        #expect(EthnicGroup.read(group: "Mixed or Multiple ethnic groups", category: "Total") == .mixed)
        #expect(EthnicGroup.read(group: "Black, Black British, Caribbean or African", category: "") == .black)
        #expect(EthnicGroup.read(group: "Black or Black British", category: "Any other Black background") == .blackOther)
        #expect(EthnicGroup.read(group: "Mixed", category: "White and Black Caribbean") == .mixedWhiteBlackCaribbean)
        #expect(EthnicGroup.read(group: "H", category: nil) == .asianIndian)
        #expect(EthnicGroup.read(group: "z", category: nil) == .notStated)
        #expect(EthnicGroup.read(group: "Indian", category: nil) == .asianIndian, "one column naming a category")
        #expect(EthnicGroup.read(group: "Asian or Asian British - Indian", category: nil) == .asianIndian)
        #expect(EthnicGroup.read(group: "White", category: "Chinese") == nil, "a category outside the group it gives")
        #expect(EthnicGroup.read(group: "Whyte", category: "All") == nil)
        #expect(EthnicGroup.read(group: "White", category: "Other") == .whiteOther, "'Other' within its group")
    }

    /// Everyone is the broad groups and not stated, slots 0–5; each category is inside exactly one group.
    @Test func broadGroupsAndCategoriesPartitionEveryone() {
        #expect(EthnicGroup.totalSlots == 0...5)
        #expect(EthnicGroup.totalSlots.map { EthnicGroup(slot: $0)! } == [.notStated] + EthnicGroup.broadGroups)
        let categories = EthnicGroup.broadGroups.flatMap(\.categories)
        #expect(categories.count == 16 && Set(categories).count == 16)
        #expect(categories.allSatisfy { $0.slot > 5 && $0.nhsCode != nil })
        #expect(Set(categories.compactMap(\.nhsCode)) == Set("ABCDEFGHJKLMNPRS".map(String.init)))
        #expect(BreakdownType.ethnicGroup.additivePart(6) == BreakdownType.unknownPart, "not stated beside the five groups")
        #expect(BreakdownType.ethnicGroup.additivePart(1) == 1 && BreakdownType.ethnicCategory.additivePart(1) == nil)
        #expect(!BreakdownType.ethnicGroup.isCompared(6) && BreakdownType.ethnicGroup.isCompared(3))
    }

    func decodeError(_ json: String) -> PipelineError? {
        do {
            _ = try ConfigLoader.decode(Data(json.utf8), file: "pipeline.json")
            return nil
        } catch {
            return error as? PipelineError
        }
    }

    static func config(method: String = "proportion", kind: String = "proportion", breakdowns: String = "", source: String = "ethnic") -> String {
        let indicators =
            #"[{ "id": "ETH", "title": "By group", "source": "\#(source)", "method": "\#(method)", "multiplier": 100, "unit": "%", "polarity": "none"\#(breakdowns) }]"#
        return TestWorkspace.tinyConfigJSON(indicators: indicators).replacingOccurrences(
            of: #"{ "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }"#,
            with:
                #"{ "name": "waits", "kind": "proportion", "files": "extracts/{icb}/waits.csv" }, { "name": "ethnic", "kind": "\#(kind)", "grain": "icb-ethnic-group", "files": "ethnic.csv" }"#
        )
    }

    @Test func whatASourceByEthnicGroupCannotGiveIsRefused() {
        #expect(decodeError(Self.config()) == nil)
        #expect(
            decodeError(Self.config(method: "crude_rate", kind: "events"))?.message.contains(
                "a rate by ethnic group needs a population by ethnic group, and reference.ethnicGroupPopulation is not configured") == true)
        #expect(
            decodeError(Self.config(breakdowns: #", "breakdowns": ["ethnic_group"]"#, source: "waits"))?.message.contains(
                "asks for 'ethnic_group', but the rows of source 'waits' carry no ethnic group") == true)
        let lsoaEngland = TestWorkspace.tinyConfigJSON().replacingOccurrences(
            of: #""files": "extracts/{icb}/waits.csv" }"#, with: #""files": "extracts/{icb}/waits.csv", "englandRows": {"org": ["England"]} }"#)
        #expect(decodeError(lsoaEngland)?.message.contains("England's own rows are read beside rows by ICB") == true)
    }
}

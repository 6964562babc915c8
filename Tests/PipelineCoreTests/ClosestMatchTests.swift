import PipelineCore
import Testing

struct ClosestMatchTests {
    @Test func suggestsTheNearestKey() {
        #expect(ClosestMatch.best(for: "rejectTreshold", among: ["rejectThreshold", "keepRows"]) == "rejectThreshold")
        #expect(ClosestMatch.best(for: "Sources", among: ["sources", "database"]) == "sources")
    }

    @Test func noSuggestionWhenNothingIsClose() {
        #expect(ClosestMatch.best(for: "zzzzzz", among: ["sources", "database"]) == nil)
    }
}

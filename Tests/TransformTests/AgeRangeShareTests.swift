import PipelineCore
import Testing

/// An indicator's age range counts a band it cuts pro rata.
struct AgeRangeShareTests {
    @Test func ageRangeShares() {
        let range = AgeRange(from: 0, to: 17)
        #expect(range.share(of: .init(index: 0)) == 1)
        #expect(range.share(of: .init(index: 3)) == 0.6)
        #expect(range.share(of: .init(index: 4)) == 0)
    }
}

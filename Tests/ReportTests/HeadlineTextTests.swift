import Foundation
import Testing

@testable import Report

/// Headlines say only what their numbers show (issue 14: "intervals overlap, so read ranks with care"
/// was once fixed text, printed after intervals that did not overlap).
struct HeadlineTextTests {
    @Test func theRankClauseFollowsTheIntervals() {
        func text(_ overlaps: Bool?) -> String {
            HeadlineText.ranked("highest", rank: 1, name: "NHS A ICB", value: 63.3, lower: 61.1, upper: 65.4, unit: "%", overlapsNeighbour: overlaps)
        }
        #expect(text(true).hasSuffix("(95% CI 61.1 to 65.4); its interval overlaps a neighbouring system's, so read the rank with care."))
        #expect(text(false).hasSuffix("(95% CI 61.1 to 65.4); its interval does not overlap either neighbouring system's."))
        #expect(text(nil).hasSuffix("(95% CI 61.1 to 65.4)."))
        #expect(text(false).hasPrefix("Highest 1: NHS A ICB, 63.3%"))
    }

    /// The SII chart colours a point by its comparison with England; the plain point rule has the same
    /// specificity, so it must come first or every point is drawn blue.
    @Test func siiComparisonColoursWinTheCascade() throws {
        let style = HTMLReportRenderer.style
        let plain = try #require(style.range(of: ".point circle{"))
        for rule in [".sii-higher circle{", ".sii-lower circle{"] {
            let coloured = try #require(style.range(of: rule))
            #expect(plain.lowerBound < coloured.lowerBound, "\(rule) must follow .point circle")
        }
    }
}

import Foundation
import Testing

@testable import Disclosure
@testable import Publication
@testable import Render
@testable import Report

/// Headlines say only what their numbers show ("intervals overlap, so read ranks with care" was once
/// fixed text, printed after intervals that did not overlap).
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

    /// A percentage shown whole reads whole, its interval too; an interval whose limits print the same is
    /// left out ("(95% CI -4.8 to -4.8)" was once printed in a key message).
    @Test func figuresAtTheirPublishedPrecision() {
        let whole = HeadlineText.ranked(
            "highest", rank: 1, name: "NHS A ICB", value: 62, lower: 59, upper: 64, unit: "%", decimals: 0, overlapsNeighbour: nil)
        #expect(whole == "Highest 1: NHS A ICB, 62% (95% CI 59 to 64).")
        let range = HeadlineText.range(
            across: "the 42 ICSs", phrase: "waits", low: ("NHS B ICB", 53, 0), high: ("NHS A ICB", 62.35, 1), unit: "%", period: "2025-03")
        #expect(range.contains("from 53% (NHS B ICB) to 62.4% (NHS A ICB)"), "\(range)")
        let change = HeadlineText.change(
            phrase: "patients seen", from: 40.8, baseline: "2018-04", to: 36.0, period: "2022-12", change: -4.8, lower: -4.81, upper: -4.79,
            direction: "worsening", unit: "per 100 people")
        #expect(change.hasSuffix("a change of -4.8 per 100 people: worsening."), "\(change)")
    }

    /// Titles inside sentences keep their acronyms ("an nhs dentist" was once printed).
    @Test func titlesKeepTheirAcronymsInsideSentences() {
        #expect(FigureText.inSentence("Seen an NHS dentist in 24 months") == "seen an NHS dentist in 24 months")
        #expect(FigureText.inSentence("Emergency admissions") == "emergency admissions")
        #expect(FigureText.inSentence("NHS dental patients seen") == "NHS dental patients seen")
        #expect(FigureText.inSentence("A&E attendances") == "A&E attendances")
        #expect(FigureText.inSentence("") == "")
        let text = HeadlineText.relativeIndex(phrase: FigureText.inSentence("Seen an NHS dentist"), rii: 1.2, lower: 1.1, upper: 1.3, period: "2025-03")
        #expect(text.contains("for seen an NHS dentist was 1.20"))
    }

    /// Periods read as people say them; forms that are not months are shown as given.
    @Test func periodsReadAsPeopleSayThem() {
        #expect(FigureText.period("2025-03") == "March 2025")
        #expect(FigureText.period("2024-12") == "December 2024")
        #expect(FigureText.period("2024-25") == "2024-25")
        #expect(FigureText.period("2025-13") == "2025-13")
        #expect(FigureText.period("2024-Q4") == "October to December 2024")
        #expect(FigureText.period("12m-to-2025-03") == "12 months to March 2025")
        // From a published row's first and last day.
        #expect(FigureText.period(start: "2025-03-01", end: "2025-03-31") == "March 2025")
        #expect(FigureText.period(start: "2024-04-01", end: "2025-03-31") == "2024-25")
        #expect(FigureText.period(start: "2024-01-01", end: "2024-12-31") == "2024")
        #expect(FigureText.period(start: "2024-10-01", end: "2024-12-31") == "October to December 2024")
        #expect(FigureText.period(start: "2024-06-01", end: "2025-05-31") == "12 months to May 2025")
        #expect(FigureText.period(start: "2024-06-01", end: "2024-07-31") == "2024-06-01")
        #expect(HeadlineText.relativeIndex(phrase: "x", rii: 1, lower: nil, upper: nil, period: "2025-03").hasSuffix("(March 2025)."))
    }

    /// Changes carry their unit: percentage points for percentages, the rate's unit for rates.
    @Test func changesCarryTheirUnit() {
        func text(_ unit: String) -> String {
            HeadlineText.change(
                phrase: "emergency admissions", from: 50, baseline: "2019-20", to: 52.5, period: "2024-25", change: 2.5,
                lower: 1.0, upper: 4.0, direction: "increasing", unit: unit)
        }
        #expect(text("%").contains("a change of 2.5 percentage points (95% CI 1.0 to 4.0)"))
        #expect(text("per 1,000").contains("a change of 2.5 per 1,000 (95% CI 1.0 to 4.0)"))
        #expect(text("%").hasPrefix("In England, emergency admissions went from 50.0% in 2019-20 to 52.5% in 2024-25"))
    }

    /// England's SII change says widened or narrowed only when its interval excludes 0, and by which side of
    /// 0 the SIIs lie; otherwise no significant change.
    @Test func englandSIIChangeSaysWhatItsIntervalShows() {
        func text(_ s0: Double, _ s1: Double, _ lower: Double, _ upper: Double) -> String {
            HeadlineText.siiChange(
                phrase: "waits", baseline: "2024-03", period: "2025-03", from: s0, to: s1, change: s1 - s0, lower: lower, upper: upper, unit: "%")
        }
        #expect(
            text(3, 5, 1, 3)
                == "England's gap by deprivation in waits (slope index of inequality) widened from 3.0 percentage points in March 2024 to 5.0 percentage points in March 2025, a change of 2.0 percentage points (95% CI 1.0 to 3.0)."
        )
        #expect(text(5, 3, -3, -1).contains(") narrowed from 5.0"))
        #expect(text(-5, -3, 1, 3).contains(") narrowed from -5.0"), "a reversed gradient moving towards 0 narrows")
        #expect(text(-1, 2, 1, 5).contains(") rose from -1.0"))
        #expect(text(3, 5, -1, 5).contains("did not change significantly: from 3.0"))
    }

    /// The smallest gap says when its interval includes 0 or lies below it, so "smallest" is not read as "none".
    @Test func gapExtremesSayWhatTheIntervalMeans() {
        func text(widest: Bool, _ sii: Double, _ lower: Double, _ upper: Double, polarity: String = "lower_is_better") -> String {
            HeadlineText.gapExtreme(
                widest: widest, phrase: "admissions", name: "NHS A ICB", sii: sii, lower: lower, upper: upper, unit: "per 100,000", stableCount: 40,
                polarity: polarity, period: "2025-03")
        }
        #expect(
            text(widest: true, 120, 80, 160)
                == "In March 2025, among the 40 ICSs with a stable slope index of inequality, the gap by deprivation in admissions was widest in NHS A ICB: 120.0 per 100,000 (95% CI 80.0 to 160.0)."
        )
        #expect(text(widest: false, 2, -10, 14).contains("; its interval includes 0, so no gap by deprivation is shown there"))
        #expect(text(widest: false, -20, -30, -10).contains("; below 0: the most deprived areas fared better there"))
        #expect(text(widest: false, -20, -30, -10, polarity: "none").contains("; below 0: values were higher in the less deprived areas"))
        #expect(!text(widest: false, 20, 10, 30).contains(";"))
    }
}

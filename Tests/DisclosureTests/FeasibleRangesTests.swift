import PipelineCore
import Publication
import Statistics
import Testing

@testable import Disclosure

/// The attacker with a solver (docs/DISCLOSURE.md, "Protection: the attacker with a solver"): what whole
/// counts and published sums leave of each suppressed count, where interval arithmetic alone sees more.
struct FeasibleRangesTests {
    static let rules = DisclosureRules()
    static let knowledge = CountKnowledge(rules: rules)
    static let suppressed = knowledge.bounds(.suppressed, recovered: nil)!
    static let complementary = knowledge.bounds(.complementary, recovered: nil)!

    static func cell(_ quintile: Int, _ component: CountCell.Component = .numerator, code: String = "QAA") -> CountCell {
        CountCell(indicator: "X", period: "p", level: .icb, code: code, quintile: quintile, component: component)
    }

    static func place(_ code: String) -> CountCell {
        CountCell(indicator: "X", period: "p", level: .place, code: code, quintile: 0, component: .numerator, parent: "QAA")
    }

    /// A part of a sum no table publishes (an ICS's counts with no decile) needs protection only where a
    /// reader could narrow it into the suppression range: pinned to 0 or to a count that would be shown, it
    /// gives nothing away; a suppressed count needs its width whatever it is pinned to.
    @Test func aRemainderIsProtectedOnlyWhereItCouldBeSmall() {
        let solver = FeasibleRanges(rules: Self.rules)
        typealias Range = FeasibleRanges.Range
        #expect(solver.protects(Range(lower: 0, upper: 0), remainder: true))
        #expect(solver.protects(Range(lower: 12, upper: 14), remainder: true))
        #expect(!solver.protects(Range(lower: 3, upper: 3), remainder: true))
        #expect(!solver.protects(Range(lower: 0, upper: 3), remainder: true), "0 to 3 says the count is at most 3")
        #expect(solver.protects(Range(lower: 0, upper: 9), remainder: true))
        #expect(!solver.protects(Range(lower: 12, upper: 14)) && !solver.protects(Range(lower: 12, upper: 14), remainder: false))
        #expect(!solver.discloses(CountBounds(lower: 0, upper: 0, hidden: true, remainder: true)))
        #expect(solver.discloses(CountBounds(lower: 3, upper: 3, hidden: true, remainder: true)))
    }

    /// With counts of no decile and in no ICS, the sums gain their parts: each ICS's counts with no decile
    /// and the quintiles of England's counts in no ICS are unknowns (published nowhere), and England's
    /// counts in no ICS are the sum of their quintiles and their part with no decile.
    @Test func unknownPlacesAddPartsToTheSums() {
        func england(_ quintile: Int, code: String = GeographyLevel.englandCode) -> CountCell {
            CountCell(indicator: "X", period: "p", level: .england, code: code, quintile: quintile, component: .numerator)
        }
        let unknown = BreakdownType.unknownPart
        let published =
            [0, 1, 2, 3, 4, 5, unknown].map { england($0) } + [england(0, code: CountCell.notInAnIcs)]
            + ["QAA", "QBB"].flatMap { code in (0...5).map { Self.cell($0, code: code) } }
        let remainders = AdditiveRelations.unpublishedRemainders(published)
        #expect(
            Set(remainders)
                == Set(
                    [Self.cell(unknown, code: "QAA"), Self.cell(unknown, code: "QBB")]
                        + [1, 2, 3, 4, 5, unknown].map { england($0, code: CountCell.notInAnIcs) }))
        let relations = AdditiveRelations.among(published + remainders)
        let ics = relations.first { $0.total == Self.cell(0, code: "QAA") }
        #expect(ics?.parts == (1...5).map { Self.cell($0, code: "QAA") } + [Self.cell(unknown, code: "QAA")])
        let quintile = relations.first { $0.total == england(2) }
        #expect(quintile?.parts == [Self.cell(2, code: "QAA"), Self.cell(2, code: "QBB"), england(2, code: CountCell.notInAnIcs)])
        let noDecile = relations.first { $0.total == england(unknown) }
        #expect(noDecile?.parts.count == 3)
        let elsewhere = relations.first { $0.total == england(0, code: CountCell.notInAnIcs) }
        #expect(elsewhere?.parts == [1, 2, 3, 4, 5, unknown].map { england($0, code: CountCell.notInAnIcs) })
        // Without such counts the sums are as before.
        let plain = [0, 1, 2, 3, 4, 5].map { england($0) } + ["QAA"].flatMap { code in (0...5).map { Self.cell($0, code: code) } }
        #expect(AdditiveRelations.unpublishedRemainders(plain).isEmpty)
        #expect(AdditiveRelations.among(plain).allSatisfy { $0.parts.count == ($0.total.level == .england ? 1 : 5) })
    }

    /// A total of 15 with a shown 12 and 0 leaves the suppressed part one value; hiding the 12 as well
    /// leaves it 1 to 7, because the hidden 12 was shown once, so it is 0 or at least 8.
    @Test func aHiddenPartnerLeavesTheWholeSuppressionRange() throws {
        let solver = FeasibleRanges(rules: Self.rules)
        let sum = AdditiveRelation(total: Self.cell(0), parts: (1...3).map { Self.cell($0) })
        var cells: [CountCell: CountBounds] = [Self.cell(0): .exact(15), Self.cell(1): .exact(12), Self.cell(2): Self.suppressed, Self.cell(3): .exact(0)]
        let pinned = try #require(try solver.ranges(cells, relations: [sum])[Self.cell(2)])
        #expect(pinned.lower == 3 && pinned.upper == 3 && !solver.protects(pinned))
        cells[Self.cell(1)] = Self.complementary
        let kept = try #require(try solver.ranges(cells, relations: [sum])[Self.cell(2)])
        #expect(kept.lower == 1 && kept.upper == 7 && solver.protects(kept), "\(kept)")
    }

    /// Rounding narrows without pinning: a system of 45 (43 to 47) with one place shown as 45 leaves the
    /// other place's suppressed count 1 to 4 — four values, which the rule does not accept as protection.
    @Test func roundedNeighboursNarrowASuppressedCount() throws {
        let solver = FeasibleRanges(rules: Self.rules)
        let system = CountCell(indicator: "X", period: "p", level: .icb, code: "QAA", quintile: 0, component: .numerator)
        let sum = AdditiveRelation(total: system, parts: [Self.place("01A"), Self.place("01B")])
        let cells: [CountCell: CountBounds] = [
            system: Self.knowledge.rounded(45), Self.place("01A"): Self.knowledge.rounded(45), Self.place("01B"): Self.suppressed,
        ]
        // The attack by intervals finds no single value ...
        var attack = DisclosureAttack(bounds: cells, relations: [sum])
        #expect(attack.recoveredHiddenCells().isEmpty)
        // ... but the range is too narrow to protect the count.
        let range = try #require(try solver.ranges(cells, relations: [sum])[Self.place("01B")])
        #expect(range.lower == 1 && range.upper == 4, "\(range)")
        #expect(!solver.protects(range))
    }

    /// Where intervals see 1 to 7, whole counts see one value: a total of 9 is a hidden partner plus a
    /// suppressed count, and the partner, once shown, is 0 or at least 8 — so it is 8, and the count is 1.
    @Test func wholeCountsPinWhatIntervalsDoNot() throws {
        let solver = FeasibleRanges(rules: Self.rules)
        let sum = AdditiveRelation(total: Self.cell(0), parts: [Self.cell(1), Self.cell(2)])
        let cells: [CountCell: CountBounds] = [Self.cell(0): .exact(9), Self.cell(1): Self.complementary, Self.cell(2): Self.suppressed]
        var attack = DisclosureAttack(bounds: cells, relations: [sum])
        #expect(attack.recoveredHiddenCells().isEmpty, "interval propagation alone leaves a range")
        let range = try #require(try solver.ranges(cells, relations: [sum])[Self.cell(2)])
        #expect(range.lower == 1 && range.upper == 1, "\(range)")
    }

    /// A proportion's numerator never exceeds its denominator: a suppressed 3 of a denominator known to be
    /// at most 4 keeps only 1 to 4.
    @Test func numeratorsStayWithinTheirDenominators() throws {
        let solver = FeasibleRanges(rules: Self.rules)
        let numerator = Self.cell(1), denominator = Self.cell(1, .denominator)
        let cells: [CountCell: CountBounds] = [numerator: Self.suppressed, denominator: CountBounds(lower: 3.5, upper: 4.5, hidden: false)]
        let free = try #require(try solver.ranges(cells, relations: [])[numerator])
        #expect(free.lower == 1 && free.upper == 7)
        let paired = try #require(try solver.ranges(cells, relations: [], atMost: [(numerator, denominator)])[numerator])
        #expect(paired.lower == 1 && paired.upper == 4, "\(paired)")
    }

    /// Counts recovered from rates are fractional; the programs still solve (once, every program failed
    /// on such bounds and the audit passed by default) and pin the suppressed part.
    @Test func fractionalBoundsAreSolvedNotSkipped() throws {
        let solver = FeasibleRanges(rules: Self.rules)
        let cells: [CountCell: CountBounds] = [
            Self.cell(0, .denominator): .exact(337_551.5), Self.cell(1, .denominator): .exact(239_240.8),
            Self.cell(2, .denominator): .exact(98_306.8), Self.cell(3, .denominator): Self.suppressed,
        ]
        let sum = AdditiveRelation(total: Self.cell(0, .denominator), parts: (1...3).map { Self.cell($0, .denominator) })
        let range = try #require(try solver.ranges(cells, relations: [sum])[Self.cell(3, .denominator)])
        // 337,551.5 − 239,240.8 − 98,306.8 = 3.9: the count is about 4, give or take the figures' rounding.
        #expect(abs(range.lower - 4) <= 0.5 && abs(range.upper - 4) <= 0.5, "\(range)")
        #expect(!solver.protects(range))
    }

    /// Published figures the model cannot satisfy are a bug in the model, never a pass.
    @Test func aContradictionIsAnErrorNotAPass() {
        let solver = FeasibleRanges(rules: Self.rules)
        let sum = AdditiveRelation(total: Self.cell(0), parts: [Self.cell(1), Self.cell(2)])
        let cells: [CountCell: CountBounds] = [Self.cell(0): .exact(30), Self.cell(1): .exact(5), Self.cell(2): Self.suppressed]
        #expect(throws: FeasibleRanges.Contradiction.self) { try solver.ranges(cells, relations: [sum]) }
    }
}

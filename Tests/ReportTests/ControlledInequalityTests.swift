import Disclosure
import PipelineCore
import Publication
import Statistics
import Testing

@testable import Report

/// An ICS's published SII is a function of the cells the quintile table publishes (docs/DISCLOSURE.md,
/// "Figures derived from counts"): it is withheld with any hidden input, and digits the table does not
/// publish do not move it, so no inversion of it tells a reader more than the table does.
struct ControlledInequalityTests {
    static let fit = InequalityFit(
        valueType: .rate, polarity: .lowerIsBetter, multiplier: 1000, minimumPopulation: 1000, nationalPositions: true, repetitions: 1000)
    static let national: [Double] = [110_000, 105_000, 100_000, 98_000, 95_000]

    /// One ICS quintile as disclosure control leaves it: counts rounded, value and limits as computed.
    static func quintile(_ index: Int, events: Double, population: Double, value: Double? = nil) -> ControlledValue {
        let estimate = CrudeRate.estimate(events: events, population: population, multiplier: 1000)!
        let cells = [value ?? estimate.value, estimate.lower95, estimate.upper95, estimate.lower998, estimate.upper998].map { PublishedCell($0) }
        let control = DisclosureControl(rules: DisclosureRules())
        return ControlledValue(
            indicator: "X", period: "2025-03", level: .icb, code: "QAA", name: "QAA", breakdownType: .imdQuintile, breakdownIndex: index,
            numerator: control.count(events, national: false), denominator: control.count(population, national: false),
            estimate: cells, unit: "per 1,000", rawDenominator: population)
    }

    static let events: [Double] = [240, 200, 180, 150, 120]

    @Test func digitsThatAreNotPublishedDoNotMoveTheSII() throws {
        let cells = (1...5).map { Self.quintile($0, events: Self.events[$0 - 1], population: 20_000) }
        let figures = ControlledInequality.figures(cells, national: Self.national, fit: Self.fit, seed: 7)
        #expect(figures.shown)
        let sii = try #require(figures.cells[0].number)
        // Quintile 1's rate is 12.0 per 1,000 as published; 12.04 unpublished gives the same SII.
        var nudged = cells
        nudged[0] = Self.quintile(1, events: 240, population: 20_000, value: 12.04)
        #expect(ControlledInequality.figures(nudged, national: Self.national, fit: Self.fit, seed: 7).cells[0].number == sii)
        // A published change (12.0 to 12.4) does move it: the test can tell.
        nudged[0] = Self.quintile(1, events: 240, population: 20_000, value: 12.4)
        #expect(ControlledInequality.figures(nudged, national: Self.national, fit: Self.fit, seed: 7).cells[0].number != sii)
    }

    @Test func aHiddenQuintileWithholdsTheSII() {
        var cells = (1...5).map { Self.quintile($0, events: Self.events[$0 - 1], population: 20_000) }
        // Quintile 5 holds 6 events: suppressed, its value hidden with it.
        cells[4] = Self.quintile(5, events: 6, population: 20_000)
        cells[4].estimate = Array(repeating: .hidden(.secondarySuppressed, reason: "reveals_suppressed_count"), count: 5)
        let figures = ControlledInequality.figures(cells, national: Self.national, fit: Self.fit, seed: 7)
        #expect(!figures.shown)
        #expect(figures.cells.allSatisfy { $0.number == nil && $0.action == .secondarySuppressed })
        // A value withheld by its method withholds the SII with the same reason.
        cells[4] = Self.quintile(5, events: 120, population: 20_000)
        cells[4].estimate = Array(repeating: .hidden(.withheld, reason: "dsr_fewer_than_10_events"), count: 5)
        let withheld = ControlledInequality.figures(cells, national: Self.national, fit: Self.fit, seed: 7)
        #expect(withheld.cells.allSatisfy { $0.action == .withheld && $0.reason == "dsr_fewer_than_10_events" })
    }
}

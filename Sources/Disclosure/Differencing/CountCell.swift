package import PipelineCore
package import Publication

/// One published count in the additive structure of the tables: an indicator's numerator, denominator or
/// population for a geography overall (`quintile` 0), for a national IMD quintile, or for the counts with
/// no decile (``BreakdownType/unknownPart``); England's counts in no ICS are a geography of their own,
/// ``notInAnIcs`` (docs/DISCLOSURE.md, "Unknown places"). A place's cell names its ICB as `parent`.
package struct CountCell: Hashable, Sendable, Comparable {
    package typealias Component = CountComponent

    /// The code of England's counts in no ICS (an unknown ICB, a provider the attribution does not name).
    package static let notInAnIcs = "not_in_an_ics"
    /// The code of England's counts from the publisher's own England rows, which are no sum of the ICSs'
    /// (docs/DISCLOSURE.md, "England as published"): a geography of their own, in no relation with the ICSs.
    package static let englandAsPublished = "england_as_published"

    package var indicator: String
    package var period: String
    package var level: GeographyLevel
    package var code: String
    package var quintile: Int
    package var component: Component
    package var parent: String? = nil

    package static func < (a: CountCell, b: CountCell) -> Bool {
        (a.indicator, a.period, a.level.order, a.code, a.quintile, a.component.rawValue)
            < (b.indicator, b.period, b.level.order, b.code, b.quintile, b.component.rawValue)
    }
}

/// What a reader knows of a count: bounds, and whether the publication hides it.
package struct CountBounds: Sendable, Equatable {
    package var lower: Double
    package var upper: Double
    /// Hidden by disclosure control (primary or complementary suppression).
    package var hidden: Bool
    /// Hidden to protect another count: it was shown, so it is 0 or above the suppression range.
    package var complementary = false
    /// A part of a sum no table publishes (``AdditiveRelations/unpublishedRemainders(_:)``): protected only
    /// where what a reader can narrow it to reaches into the suppression range.
    package var remainder = false

    package static func exact(_ value: Double) -> CountBounds { CountBounds(lower: value, upper: value, hidden: false) }

    /// What a reader knows from two tables that publish the same count: both at once, and shown if either
    /// shows it.
    package func combined(with other: CountBounds) -> CountBounds {
        let lower = max(self.lower, other.lower), upper = min(self.upper, other.upper)
        let hidden = hidden && other.hidden
        return CountBounds(
            lower: min(lower, upper), upper: max(lower, upper), hidden: hidden, complementary: hidden && (complementary || other.complementary))
    }

    /// Narrow enough to name the whole count.
    package var determined: Bool { upper - lower < 0.5 }
}

/// A published total and the parts it is the sum of.
package struct AdditiveRelation: Sendable {
    package var total: CountCell
    package var parts: [CountCell]

    /// For each cell, the indices of the sums it is a member of (total or part).
    package static func indexByCell(_ relations: [AdditiveRelation]) -> [CountCell: [Int]] {
        var index: [CountCell: [Int]] = [:]
        for (position, relation) in relations.enumerated() {
            for cell in [relation.total] + relation.parts { index[cell, default: []].append(position) }
        }
        return index
    }
}

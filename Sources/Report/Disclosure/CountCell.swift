import PipelineCore

/// One published count in the additive structure of the tables: an indicator's numerator or denominator
/// for a geography overall (`quintile` 0) or for a national IMD quintile (docs/DISCLOSURE.md). A place's
/// cell names its ICB as `parent`.
struct CountCell: Hashable, Sendable, Comparable {
    enum Component: Int, Sendable, CaseIterable {
        case numerator, denominator
    }

    var indicator: String
    var period: String
    var level: GeographyLevel
    var code: String
    var quintile: Int
    var component: Component
    var parent: String? = nil

    static func < (a: CountCell, b: CountCell) -> Bool {
        (a.indicator, a.period, a.level.order, a.code, a.quintile, a.component.rawValue)
            < (b.indicator, b.period, b.level.order, b.code, b.quintile, b.component.rawValue)
    }
}

/// What a reader knows of a count: bounds, and whether the publication hides it.
struct CountBounds: Sendable, Equatable {
    var lower: Double
    var upper: Double
    /// Hidden by disclosure control (primary or complementary suppression).
    var hidden: Bool

    static func exact(_ value: Double) -> CountBounds { CountBounds(lower: value, upper: value, hidden: false) }

    /// Narrow enough to name the whole count.
    var determined: Bool { upper - lower < 0.5 }
}

/// A published total and the parts it is the sum of.
struct AdditiveRelation: Sendable {
    var total: CountCell
    var parts: [CountCell]

    /// For each cell, the indices of the sums it is a member of (total or part).
    static func indexByCell(_ relations: [AdditiveRelation]) -> [CountCell: [Int]] {
        var index: [CountCell: [Int]] = [:]
        for (position, relation) in relations.enumerated() {
            for cell in [relation.total] + relation.parts { index[cell, default: []].append(position) }
        }
        return index
    }
}

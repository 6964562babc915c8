import Publication

/// The attacker: from what each count cell is known to be (published counts, counts recovered from
/// rates and their limits, the knowledge that a suppressed count lies in the suppression range), narrows
/// every cell through every published sum until nothing moves, and lists the hidden cells it pins down
/// (docs/DISCLOSURE.md, "Differencing").
package struct DisclosureAttack {
    package var bounds: [CountCell: CountBounds]
    package let relations: [AdditiveRelation]

    package init(bounds: [CountCell: CountBounds], relations: [AdditiveRelation]) {
        self.bounds = bounds
        self.relations = relations.filter { relation in ([relation.total] + relation.parts).allSatisfy { bounds[$0] != nil } }
    }

    /// Hidden cells whose count the published numbers determine, in key order.
    package mutating func recoveredHiddenCells() -> [CountCell] {
        propagate()
        return bounds.filter { $0.value.hidden && $0.value.determined }.map(\.key).sorted()
    }

    /// Interval propagation over `total = Σ parts` with a work list: a sum is revisited only when one of
    /// its cells narrowed, until nothing moves.
    /// Returns the number of sums visited.
    @discardableResult
    package mutating func propagate(maximumSteps: Int = 5_000_000) -> Int {
        let relationsOf = AdditiveRelation.indexByCell(relations)
        var queue = Array(relations.indices)
        var queued = Set(queue)
        var steps = 0
        while let index = queue.popLast(), steps < maximumSteps {
            queued.remove(index)
            steps += 1
            for cell in narrow(relations[index]) {
                for other in relationsOf[cell] ?? [] where queued.insert(other).inserted { queue.append(other) }
            }
        }
        return steps
    }

    /// One pass over one sum; the cells whose bounds moved. Sums of the other parts are formed from the
    /// totals, with infinite upper bounds counted apart (never ∞ − ∞).
    private mutating func narrow(_ relation: AdditiveRelation) -> [CountCell] {
        let total = bounds[relation.total]!
        let parts = relation.parts.map { bounds[$0]! }
        let lowerSum = parts.reduce(0) { $0 + $1.lower }
        let finiteUpperSum = parts.reduce(0) { $0 + ($1.upper.isFinite ? $1.upper : 0) }
        let infiniteUppers = parts.filter { !$0.upper.isFinite }.count
        var moved: [CountCell] = []
        if tighten(relation.total, lower: lowerSum, upper: infiniteUppers > 0 ? .infinity : finiteUpperSum) { moved.append(relation.total) }
        let current = bounds[relation.total]!
        let totalLower = max(total.lower, current.lower), totalUpper = min(total.upper, current.upper)
        for (index, cell) in relation.parts.enumerated() {
            let part = parts[index]
            let othersLower = lowerSum - part.lower
            let othersInfinite = infiniteUppers - (part.upper.isFinite ? 0 : 1)
            let othersUpper = othersInfinite > 0 ? Double.infinity : finiteUpperSum - (part.upper.isFinite ? part.upper : 0)
            if tighten(cell, lower: totalLower - othersUpper, upper: totalUpper - othersLower) { moved.append(cell) }
        }
        return moved
    }

    /// Intersects a cell's bounds with new ones; whether they moved. Moves within floating-point noise
    /// (a relative 1e-9) are not moves, and bounds that would cross are left alone: counts recovered from
    /// rates are fractional and sum only to within rounding, and chasing that noise round a table of
    /// hundreds of thousands would never settle.
    private mutating func tighten(_ cell: CountCell, lower: Double, upper: Double) -> Bool {
        guard var current = bounds[cell], !lower.isNaN, !upper.isNaN else { return false }
        let scale = max(1, abs(current.lower), current.upper.isFinite ? abs(current.upper) : 0)
        let noise = 1e-9 * scale
        let newLower = max(current.lower, lower), newUpper = min(current.upper, upper)
        guard newLower > current.lower + noise || newUpper < current.upper - noise else { return false }
        guard newLower <= newUpper + noise else { return false }
        current.lower = newLower
        current.upper = max(newLower, newUpper)
        bounds[cell] = current
        return true
    }
}

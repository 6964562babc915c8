package import PipelineCore
package import Publication
import Statistics

/// Hides further counts until no suppressed count can be recovered from the publication: the defender's
/// side of docs/DISCLOSURE.md, "Differencing". It plays the attacker on the cells as they will be
/// published, and for each hidden count it can pin down, hides the smallest other shown count of a sum
/// that pins it — deterministically, so the same inputs always give the same publication.
package struct ComplementarySuppression {
    package let knowledge: CountKnowledge
    package let definitions: [String: IndicatorArithmetic]

    /// `definitions`: each indicator's arithmetic, by indicator id.
    package init(rules: DisclosureRules, definitions: [String: IndicatorArithmetic]) {
        knowledge = CountKnowledge(rules: rules)
        self.definitions = definitions
    }

    /// The count cells behind a controlled value, with what a reader will know of each.
    package func bounds(of value: ControlledValue) -> [(CountCell, CountBounds)] {
        guard let quintile = Self.quintile(value), value.level != .region, let definition = definitions[value.indicator] else { return [] }
        var recovered = CountRecovery.Recovered.nothing
        if let shown = value.shown, let lower = value.lower95, let upper = value.upper95 {
            recovered = definition.method.recoverCounts(value: shown, lower95: lower, upper95: upper, multiplier: definition.multiplier)
        }
        let national = value.level == .england
        var result: [(CountCell, CountBounds)] = []
        for (component, cell, found) in [
            (CountCell.Component.numerator, value.numerator, recovered.numerator),
            (.denominator, value.denominator, recovered.denominator),
        ] {
            let key = CountCell(
                indicator: value.indicator, period: value.period, level: value.level, code: value.code,
                quintile: quintile, component: component, parent: value.parent)
            if let bounds = knowledge.bounds(Self.shown(cell, national: national, rules: knowledge.rules), recovered: found) {
                result.append((key, bounds))
            }
        }
        return result
    }

    package static func quintile(_ value: ControlledValue) -> Int? { value.breakdownType.additiveQuintile(value.breakdownIndex) }

    package static func shown(_ cell: PublishedCell, national: Bool, rules: DisclosureRules) -> CountKnowledge.Shown {
        switch cell.action {
        case .suppressed?: return .suppressed
        case .complementarySuppressed?: return .complementary
        case .secondarySuppressed?, .withheld?: return .absent
        case .rounded?, .fromRoundedCounts?, .reducedPrecision?, nil:
            guard let number = cell.number else { return .absent }
            return .number(number, exact: cell.action != .rounded)
        }
    }

    /// Hides counts until the attack recovers nothing; returns how many were hidden.
    ///
    /// Sums never cross an indicator × period (docs/DISCLOSURE.md, "Differencing"), and hiding a count
    /// changes only its own value's cells, so each indicator × period is attacked and protected on its own,
    /// numerators and denominators together (hiding a value's limits can make its other count safe): a
    /// national run has hundreds of these groups, and attacking them all together each round would cost
    /// the whole publication for every round any one of them needs.
    package func apply<Key: Hashable>(to values: inout [Key: ControlledValue]) -> Int {
        var keys: [CountCell: Key] = [:]
        var state: [CountCell: CountBounds] = [:]
        var groups: [CountGroup: [CountCell]] = [:]
        for (key, value) in values {
            for (cell, known) in bounds(of: value) {
                keys[cell] = key
                state[cell] = known
                groups[CountGroup(cell), default: []].append(cell)
            }
        }
        var hidden = 0
        for group in groups.keys.sorted() {
            hidden += protect(groups[group]!, keys: keys, state: &state, values: &values)
        }
        return hidden
    }

    /// One indicator × period: the cells whose protection can interact.
    private struct CountGroup: Hashable, Comparable {
        package let indicator: String, period: String
        package init(_ cell: CountCell) { (indicator, period) = (cell.indicator, cell.period) }
        package static func < (a: Self, b: Self) -> Bool { (a.indicator, a.period) < (b.indicator, b.period) }
    }

    /// Attacks one group's cells and hides partners until the attack recovers nothing in it.
    private func protect<Key: Hashable>(
        _ cells: [CountCell], keys: [CountCell: Key], state: inout [CountCell: CountBounds], values: inout [Key: ControlledValue]
    ) -> Int {
        let relations = AdditiveRelations.among(cells)
        let relationsOf = AdditiveRelation.indexByCell(relations)
        var hidden = 0
        while true {
            var local: [CountCell: CountBounds] = [:]
            for cell in cells { local[cell] = state[cell] }
            var attack = DisclosureAttack(bounds: local, relations: relations)
            let exposed = attack.recoveredHiddenCells()
            guard !exposed.isEmpty else { return hidden }
            // Protect as many as can be protected independently this round; a cell sharing a sum with a
            // count hidden this round waits for the next attack, which may find it safe already.
            var touched: Set<Int> = []
            for cell in exposed where (relationsOf[cell] ?? []).allSatisfy({ !touched.contains($0) }) {
                let containing = (relationsOf[cell] ?? []).map { relations[$0] }
                guard let partner = partner(for: cell, state: state, containing: containing), let key = keys[partner],
                    var value = values[key]
                else {
                    // Every sum holding it is already hidden but for England, which is not controlled.
                    preconditionFailure("complementary suppression found no count to hide beside a recoverable one")
                }
                switch partner.component {
                case .numerator: value.numerator = .hidden(.complementarySuppressed, reason: "complementary")
                case .denominator: value.denominator = .hidden(.complementarySuppressed, reason: "complementary")
                case .population: preconditionFailure("the defender's cells are numerators and denominators")
                }
                // The value and its limits would give the hidden count back.
                if value.estimate[0].action != .withheld {
                    value.estimate = Array(repeating: .hidden(.secondarySuppressed, reason: "reveals_suppressed_count"), count: 5)
                }
                values[key] = value
                for (changed, known) in bounds(of: value) {
                    state[changed] = known
                    touched.formUnion(relationsOf[changed] ?? [])
                }
                touched.formUnion(relationsOf[cell] ?? [])
                hidden += 1
            }
        }
    }

    /// The shown count to hide beside `exposed`: in the sum with the fewest hidden members, the smallest
    /// shown sub-national part — a non-zero one if there is one — else the sub-national total, and only as
    /// a last resort England's count (when a suppressed ICS count is the whole of an England figure); ties
    /// by key.
    /// `containing`: the sums `exposed` is a member of.
    package func partner(for exposed: CountCell, state: [CountCell: CountBounds], containing: [AdditiveRelation]) -> CountCell? {
        let ranked = containing.sorted {
            let a = ([$0.total] + $0.parts).filter { state[$0]?.hidden == true }.count
            let b = ([$1.total] + $1.parts).filter { state[$0]?.hidden == true }.count
            return a != b ? a < b : $0.total < $1.total
        }
        func shown(_ cell: CountCell) -> Bool { cell != exposed && state[cell]?.hidden == false }
        func smallest(_ cells: [CountCell]) -> CountCell? { cells.min { (state[$0]!.lower, $0) < (state[$1]!.lower, $1) } }
        for relation in ranked {
            let parts = relation.parts.filter { shown($0) && $0.level != .england }
            if let best = smallest(parts.filter { state[$0]!.upper > 0.5 }) ?? smallest(parts) { return best }
            if shown(relation.total), relation.total.level != .england { return relation.total }
        }
        for relation in ranked {
            if let best = smallest(([relation.total] + relation.parts).filter(shown)) { return best }
        }
        return nil
    }
}

import Dispatch
package import PipelineCore
package import Publication
import Statistics
import Synchronization

/// Hides further counts until no suppressed count can be recovered from the publication: the defender's
/// side of docs/DISCLOSURE.md, "Differencing". It plays the attacker on the cells as they will be
/// published, and for each hidden count it can pin down, hides the smallest other shown count of a sum
/// that pins it — deterministically, so the same inputs always give the same publication.
package struct ComplementarySuppression: Sendable {
    package let knowledge: CountKnowledge
    package let definitions: [String: IndicatorArithmetic]
    package let solver: FeasibleRanges

    /// `definitions`: each indicator's arithmetic, by indicator id.
    package init(rules: DisclosureRules, definitions: [String: IndicatorArithmetic]) {
        knowledge = CountKnowledge(rules: rules)
        self.definitions = definitions
        solver = FeasibleRanges(rules: rules)
    }

    /// The count cells behind a controlled value, with what a reader will know of each.
    package func bounds(of value: ControlledValue) -> [(CountCell, CountBounds)] {
        guard let quintile = Self.quintile(value), value.level != .region, let definition = definitions[value.indicator] else { return [] }
        var recovered = CountRecovery.Recovered.nothing
        if let shown = value.shown, let lower = value.lower95, let upper = value.upper95 {
            recovered = definition.method.recoverCounts(value: shown, lower95: lower, upper95: upper, multiplier: definition.multiplier)
        }
        let national = value.level == .england
        // A value withheld for too few events says so of its numerator.
        let below = value.value.action == .withheld ? CountKnowledge.eventsBelow(reason: value.value.reason) : nil
        var result: [(CountCell, CountBounds)] = []
        for (component, cell, found, bound) in [
            (CountCell.Component.numerator, value.numerator, recovered.numerator, below),
            (.denominator, value.denominator, recovered.denominator, nil),
        ] {
            let key = CountCell(
                indicator: value.indicator, period: value.period, level: value.level,
                code: value.breakdownType == .icsUnknown
                    ? CountCell.notInAnIcs : value.level == .england && value.fromNationalRows ? CountCell.englandAsPublished : value.code,
                quintile: quintile, component: component, parent: value.parent)
            if let bounds = knowledge.bounds(Self.shown(cell, national: national, rules: knowledge.rules), recovered: found, below: bound) {
                result.append((key, bounds))
            }
        }
        return result
    }

    package static func quintile(_ value: ControlledValue) -> Int? { value.breakdownType.additivePart(value.breakdownIndex) }

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

    /// Hides counts until the attack recovers nothing and the solver finds every hidden count's range wide
    /// enough (``FeasibleRanges/protects(_:)``); returns how many were hidden.
    ///
    /// Sums never cross a period or an indicator, but for indicators publishing the same counts
    /// (docs/DISCLOSURE.md, "Differencing"), and hiding a count changes only its own value's cells, so each
    /// indicator (or family of them) × period is attacked and protected on its own,
    /// numerators and denominators together (hiding a value's limits can make its other count safe): a
    /// national run has hundreds of these groups, and attacking them all together each round would cost
    /// the whole publication for every round any one of them needs.
    package func apply<Key: Hashable & Sendable>(to values: inout [Key: ControlledValue]) throws -> Int {
        let leaders = AdditiveRelations.countLeaders(definitions)
        // Groups share no cell, so each is read, attacked and protected on its own slice of the values, side by
        // side on every core; the outcome is the same whatever the order (docs/DISCLOSURE.md, "Differencing").
        // The values stay in one table that each group copies its slice from and writes it back to, so they are
        // held once, not once more in slices (docs/ARCHITECTURE.md, "Report memory").
        var keysByGroup: [CountGroup: [Key]] = [:]
        for (key, value) in values {
            keysByGroup[CountGroup(indicator: leaders[value.indicator] ?? value.indicator, period: value.period), default: []].append(key)
        }
        let work = keysByGroup.keys.sorted().map { keysByGroup[$0] ?? [] }
        keysByGroup = [:]
        let table = Mutex(values)
        values = [:]
        let outcomes = Mutex([Result<Int, any Error>?](repeating: nil, count: work.count))
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            var slice = table.withLock { all in
                Dictionary(uniqueKeysWithValues: work[index].compactMap { key in all[key].map { (key, $0) } })
            }
            let outcome = Result { () throws -> Int in
                let hidden = try protectGroup(&slice)
                table.withLock { all in
                    for (key, value) in slice { all[key] = value }
                }
                return hidden
            }
            outcomes.withLock { $0[index] = outcome }
        }
        values = table.withLock { all in
            defer { all = [:] }
            return all
        }
        var hidden = 0
        var failure: (any Error)?
        for outcome in outcomes.withLock({ $0 }) {
            switch outcome! {
            case .success(let count):
                hidden += count
            case .failure(let error):
                // The first group's failure in group order, as when they ran one after another.
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return hidden
    }

    /// One group's values: their count cells with what a reader will know of each, the unpublished parts of
    /// their sums, and what England's own rows leave over the ICSs', attacked and protected together.
    private func protectGroup<Key: Hashable>(_ values: inout [Key: ControlledValue]) throws -> Int {
        var keys: [CountCell: Key] = [:]
        var state: [CountCell: CountBounds] = [:]
        var cells: [CountCell] = []
        for (key, value) in values {
            for (cell, known) in bounds(of: value) {
                keys[cell] = key
                state[cell] = known
                cells.append(cell)
            }
        }
        guard !cells.isEmpty else { return 0 }
        // The parts of the sums no table publishes: unknowns to the reader, protected like suppressed counts.
        for cell in AdditiveRelations.unpublishedRemainders(cells) {
            state[cell] = AdditiveRelations.unknownRemainder
            cells.append(cell)
        }
        // What England's own rows leave over the ICSs' (docs/DISCLOSURE.md, "England as published").
        for (cell, bounds) in EnglandRemainders.bounds(values.values) {
            state[cell] = bounds
            cells.append(cell)
        }
        return try protect(cells, keys: keys, state: &state, values: &values)
    }

    /// One indicator × period — or the indicators publishing the same counts, by their leader
    /// (``AdditiveRelations/countLeaders(_:)``) — the cells whose protection can interact.
    private struct CountGroup: Hashable, Comparable {
        package let indicator: String, period: String
        package init(indicator: String, period: String) { (self.indicator, self.period) = (indicator, period) }
        package static func < (a: Self, b: Self) -> Bool { (a.indicator, a.period) < (b.indicator, b.period) }
    }

    /// Attacks one group's cells and hides partners until the attack recovers nothing in it and the
    /// solver narrows nothing below its protection. Interval propagation runs first: it is cheap, and
    /// the solver's programs are only worth solving once nothing is pinned outright.
    private func protect<Key: Hashable>(
        _ cells: [CountCell], keys: [CountCell: Key], state: inout [CountCell: CountBounds], values: inout [Key: ControlledValue]
    ) throws -> Int {
        let relations = AdditiveRelations.among(cells) + AdditiveRelations.sharedCounts(cells, definitions: definitions)
        let pairs = AdditiveRelations.numeratorsWithinDenominators(cells, definitions: definitions)
        let relationsOf = AdditiveRelation.indexByCell(relations)
        var hidden = 0
        while true {
            var local: [CountCell: CountBounds] = [:]
            for cell in cells { local[cell] = state[cell] }
            var attack = DisclosureAttack(bounds: local, relations: relations)
            var exposed = attack.recoveredHiddenCells().filter { solver.discloses(attack.bounds[$0]!) }
            if exposed.isEmpty, local.values.contains(where: FeasibleRanges.isSuppressed) {
                exposed = try solver.ranges(local, relations: relations, atMost: pairs).filter {
                    !solver.protects($0.value, remainder: local[$0.key]?.remainder == true)
                }.keys.sorted()
            }
            guard !exposed.isEmpty else { return hidden }
            // Protect as many as can be protected independently this round; a cell sharing a sum with a
            // count hidden this round waits for the next attack, which may find it safe already.
            var touched: Set<Int> = []
            let before = hidden
            for cell in exposed where (relationsOf[cell] ?? []).allSatisfy({ !touched.contains($0) }) {
                // A count whose partner was hidden earlier this round (the search reaches past its own
                // sums) waits for the next attack.
                guard let partner = partner(for: cell, state: state, relations: relations, pairs: pairs), let key = keys[partner],
                    var value = values[key]
                else { continue }
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
            // Nothing left to hide near any exposed count: every count it could be narrowed through is hidden
            // but for what disclosure control cannot hide.
            if hidden == before, let cell = exposed.first {
                throw PipelineError(
                    .internal,
                    "complementary suppression found no count to hide beside \(cell.indicator) \(cell.period) \(cell.level.rawValue) \(cell.code) quintile \(cell.quintile) \(cell.component); nothing was published",
                    hint: "this is a bug in disclosure control; report it")
            }
        }
    }

    /// The shown count to hide beside `exposed`: in the sum with the fewest hidden members, the smallest
    /// shown sub-national part — a non-zero one if there is one — else the sub-national total, and only as
    /// a last resort England's count (when a suppressed ICS count is the whole of an England figure); ties
    /// by key. When every sum holding `exposed` is hidden already, the sums holding those hidden members
    /// (and a hidden numerator's denominator) are searched next, nearest first: what pins the count then
    /// lies further out.
    package func partner(
        for exposed: CountCell, state: [CountCell: CountBounds], relations: [AdditiveRelation], pairs: [(CountCell, CountCell)] = []
    ) -> CountCell? {
        let relationsOf = AdditiveRelation.indexByCell(relations)
        var paired: [CountCell: [CountCell]] = [:]
        for (numerator, denominator) in pairs {
            paired[numerator, default: []].append(denominator)
            paired[denominator, default: []].append(numerator)
        }
        func shown(_ cell: CountCell) -> Bool { cell != exposed && state[cell]?.hidden == false }
        func smallest(_ cells: [CountCell]) -> CountCell? { cells.min { (state[$0]!.lower, $0) < (state[$1]!.lower, $1) } }
        func hiddenCount(_ relation: AdditiveRelation) -> Int { ([relation.total] + relation.parts).filter { state[$0]?.hidden == true }.count }
        var frontier = [exposed], reached: Set<CountCell> = [exposed], searched: Set<Int> = []
        var everySum: [AdditiveRelation] = []
        while !frontier.isEmpty {
            let sums = Set(frontier.flatMap { relationsOf[$0] ?? [] }).subtracting(searched)
            searched.formUnion(sums)
            let ranked = sums.map { relations[$0] }.sorted {
                let (a, b) = (hiddenCount($0), hiddenCount($1))
                return a != b ? a < b : $0.total < $1.total
            }
            everySum += ranked
            for relation in ranked {
                let parts = relation.parts.filter { shown($0) && $0.level != .england }
                if let best = smallest(parts.filter { state[$0]!.upper > 0.5 }) ?? smallest(parts) { return best }
                if shown(relation.total), relation.total.level != .england { return relation.total }
            }
            let next = ranked.flatMap { [$0.total] + $0.parts } + frontier.flatMap { paired[$0] ?? [] }
            frontier = next.filter { state[$0]?.hidden == true && reached.insert($0).inserted }
        }
        for relation in everySum {
            if let best = smallest(([relation.total] + relation.parts).filter(shown)) { return best }
        }
        return nil
    }
}

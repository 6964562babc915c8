internal import CGLPK
package import PipelineCore

/// The attacker with a solver (docs/DISCLOSURE.md, "The last check"): what a reader knows of every count —
/// published, rounded, recovered from a value and its limits, bounded by a withheld reason, suppressed,
/// complementary — and every published sum, as one mixed-integer program per connected set of sums; for
/// each suppressed count, the smallest and largest whole value it can take. Counts are whole; a count hidden to
/// protect another was shown before, so it is 0 or above the suppression range. GLPK solves the programs.
package struct FeasibleRanges {
    /// A hidden count's feasible range, and whether it protects the count.
    package struct Range: Sendable, Equatable {
        package var lower: Double
        package var upper: Double
        /// Solved for; otherwise the values whole solutions were seen to give it, inside its range.
        package var exact = true

        /// The whole values it can take, as a span (`upper - lower` over whole numbers).
        package var width: Double { (upper + 1e-6).rounded(.down) - (lower - 1e-6).rounded(.up) }
    }

    package let rules: DisclosureRules

    package init(rules: DisclosureRules) { self.rules = rules }

    /// The width a suppressed count's feasible range must keep: all but one of the suppression range's
    /// values (5 of 1–7, as the range 1–6 or 2–7 spans).
    package var minimumWidth: Double { Double(max(rules.suppressTo - rules.suppressFrom - 1, 0)) }

    /// Whether a suppressed count is protected by its range: it keeps ``minimumWidth``. A complementary
    /// count is not small (it was shown), so it needs no range of its own; pinning it exactly is what
    /// interval propagation already refuses.
    package func protects(_ range: Range) -> Bool { range.width >= minimumWidth }

    /// Whether a range protects a hidden count: a suppressed count as ``protects(_:)``; an unpublished
    /// remainder only needs that where its range reaches into the suppression range — pinned to 0, or to a
    /// count that would be shown, it gives nothing away (docs/DISCLOSURE.md, "Unknown places").
    package func protects(_ range: Range, remainder: Bool) -> Bool {
        guard remainder else { return protects(range) }
        let small = range.upper >= Double(rules.suppressFrom) - 1e-6 && range.lower <= Double(rules.suppressTo) + 1e-6
        return !small || protects(range)
    }

    /// Whether a hidden count the sums pin down gives a protected count away (a remainder pinned outside the
    /// suppression range does not).
    package func discloses(_ bounds: CountBounds) -> Bool {
        !bounds.remainder || !protects(Range(lower: bounds.lower, upper: bounds.upper), remainder: true)
    }

    /// The feasible range of every hidden count of `cells` under `relations`, with `atMost` pairs (a
    /// proportion's numerator never exceeds its denominator). Throws when the published figures contradict
    /// the model — the true counts always satisfy it, so that is a bug in the model, never a pass.
    package func ranges(
        _ cells: [CountCell: CountBounds], relations: [AdditiveRelation], atMost: [(CountCell, CountCell)] = []
    ) throws -> [CountCell: Range] {
        try rangesAndSets(cells, relations: relations, atMost: atMost).ranges
    }

    /// ``ranges(_:relations:atMost:)`` with the number of connected sets of sums solved (each one or more
    /// programs), for the audit's report.
    package func rangesAndSets(
        _ cells: [CountCell: CountBounds], relations: [AdditiveRelation], atMost: [(CountCell, CountCell)] = []
    ) throws -> (ranges: [CountCell: Range], sets: Int) {
        // Interval propagation over the sums first: bounds every count implies (complementary counts
        // included) make the programs small and their switches tight.
        var propagation = DisclosureAttack(bounds: cells, relations: relations)
        propagation.propagate()
        var result: [CountCell: Range] = [:]
        var sets = 0
        for component in Self.components(cells, relations: relations, atMost: atMost)
        where component.cells.contains(where: { cells[$0].map(Self.isSuppressed) == true }) {
            result.merge(try solve(component, cells: propagation.bounds)) { first, _ in first }
            sets += 1
        }
        return (result, sets)
    }

    /// A count hidden as small (primary suppression), whose range the programs find.
    static func isSuppressed(_ bounds: CountBounds) -> Bool { bounds.hidden && !bounds.complementary }

    /// Why a program could not be solved: the published figures contradict the model.
    package struct Contradiction: Error, Sendable {
        /// The indicator and period of the program.
        package var indicator: String, period: String
        /// GLPK's return code and MIP status.
        package var code: Int32, status: Int32
    }

    /// Cells linked by sums or pairs, with the sums and pairs among them.
    struct Component {
        var cells: [CountCell]
        var relations: [AdditiveRelation]
        var atMost: [(CountCell, CountCell)] = []
    }

    static func components(
        _ cells: [CountCell: CountBounds], relations: [AdditiveRelation], atMost: [(CountCell, CountCell)] = []
    ) -> [Component] {
        let sums = relations.filter { relation in ([relation.total] + relation.parts).allSatisfy { cells[$0] != nil } }
        let pairs = atMost.filter { cells[$0.0] != nil && cells[$0.1] != nil }
        var parent: [CountCell: CountCell] = [:]
        func root(_ cell: CountCell) -> CountCell {
            var current = cell
            while let next = parent[current], next != current { current = next }
            return current
        }
        func link(_ group: [CountCell]) {
            guard let head = group.first else { return }
            for cell in group.dropFirst() {
                let (first, other) = (root(head), root(cell))
                if other != first { parent[other] = first }
            }
        }
        for relation in sums { link([relation.total] + relation.parts) }
        for pair in pairs { link([pair.0, pair.1]) }
        var members: [CountCell: [CountCell]] = [:]
        for cell in cells.keys.sorted() { members[root(cell), default: []].append(cell) }
        var sumsOf: [CountCell: [AdditiveRelation]] = [:], pairsOf: [CountCell: [(CountCell, CountCell)]] = [:]
        for relation in sums { sumsOf[root(relation.total), default: []].append(relation) }
        for pair in pairs { pairsOf[root(pair.0), default: []].append(pair) }
        return members.keys.sorted().map { Component(cells: members[$0]!, relations: sumsOf[$0] ?? [], atMost: pairsOf[$0] ?? []) }
    }

    /// One component's program: each count a column (whole, within what the reader knows of it), each sum
    /// a row, each pair a row, and for each complementary count a switch (0, or above the suppression
    /// range); every suppressed count minimised and maximised.
    private func solve(_ component: Component, cells: [CountCell: CountBounds]) throws -> [CountCell: Range] {
        glp_term_out(GLP_OFF)
        let problem = glp_create_prob()
        defer { glp_delete_prob(problem) }
        let index = Dictionary(uniqueKeysWithValues: component.cells.enumerated().map { ($1, Int32($0 + 1)) })
        let finite = component.cells.compactMap { cells[$0].map { $0.upper.isFinite ? $0.upper : $0.lower } }
        let unbounded = ((finite.max() ?? 0) * 2 + 1_000).rounded(.up)
        glp_add_cols(problem, Int32(component.cells.count))
        var switches: [(column: Int32, count: Int32, upper: Double)] = []
        for cell in component.cells {
            let column = index[cell]!, bounds = cells[cell]!
            var lower = max(bounds.lower, 0), upper = bounds.upper.isFinite ? bounds.upper : unbounded
            // A complementary count was shown, so it is 0 or above the suppression range (England's only
            // when national counts are controlled: otherwise they are shown whatever they are): of what is
            // left of that within its bounds, just 0, just the upper part, or both (a switch, below).
            let above = Double(rules.suppressTo + 1)
            var switched = false
            if bounds.complementary, cell.level != .england || rules.controlNational {
                if upper < above - 1e-6 {
                    upper = 0
                } else if lower > 1e-6 {
                    lower = max(lower, above)
                } else {
                    switched = true
                }
            }
            // Whole counts: the whole numbers within the bounds. A count known only as a fraction (a
            // pro-rata population, a count recovered from rounded figures) stays continuous.
            let wholeLower = (lower - 1e-6).rounded(.up), wholeUpper = (upper + 1e-6).rounded(.down)
            if upper - lower < 1e-9 {
                glp_set_col_bnds(problem, column, GLP_FX, lower, lower)
            } else if wholeLower <= wholeUpper {
                glp_set_col_kind(problem, column, GLP_IV)
                if wholeLower == wholeUpper {
                    glp_set_col_bnds(problem, column, GLP_FX, wholeLower, wholeLower)
                } else {
                    glp_set_col_bnds(problem, column, GLP_DB, wholeLower, wholeUpper)
                }
            } else {
                glp_set_col_bnds(problem, column, GLP_DB, lower, upper)
            }
            if switched { switches.append((0, column, wholeUpper)) }
        }
        var rows: [(entries: [(Int32, Double)], lower: Double, upper: Double)] = []
        // Sums of whole counts are exact; half a unit either way lets fractional published counts (pro-rata
        // populations rounded to whole) sum, and changes nothing for whole ones.
        for relation in component.relations {
            rows.append(([(index[relation.total]!, 1)] + relation.parts.map { (index[$0]!, -1) }, -0.5, 0.5))
        }
        for (smaller, larger) in component.atMost { rows.append(([(index[smaller]!, 1), (index[larger]!, -1)], -.infinity, 0)) }
        if !switches.isEmpty {
            let first = glp_add_cols(problem, Int32(switches.count))
            for offset in switches.indices {
                switches[offset].column = first + Int32(offset)
                glp_set_col_kind(problem, switches[offset].column, GLP_BV)
                // count ≤ upper·z and count ≥ (top of the suppression range + 1)·z: z = 0 forces 0.
                rows.append(([(switches[offset].count, 1), (switches[offset].column, -switches[offset].upper)], -.infinity, 0))
                rows.append(([(switches[offset].count, 1), (switches[offset].column, -Double(rules.suppressTo + 1))], 0, .infinity))
            }
        }
        if !rows.isEmpty {
            let first = glp_add_rows(problem, Int32(rows.count))
            var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
            for (offset, row) in rows.enumerated() {
                let number = first + Int32(offset)
                switch (row.lower.isFinite, row.upper.isFinite) {
                case (true, true): glp_set_row_bnds(problem, number, GLP_DB, row.lower, row.upper)
                case (false, true): glp_set_row_bnds(problem, number, GLP_UP, 0, row.upper)
                case (true, false): glp_set_row_bnds(problem, number, GLP_LO, row.lower, 0)
                case (false, false): glp_set_row_bnds(problem, number, GLP_FR, 0, 0)
                }
                for (column, coefficient) in row.entries {
                    ia.append(number)
                    ja.append(column)
                    ar.append(coefficient)
                }
            }
            glp_load_matrix(problem, Int32(ia.count - 1), &ia, &ja, &ar)
        }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.presolve = GLP_ON
        parameters.msg_lev = GLP_MSG_OFF
        // Mixed-integer rounding cuts: the programs are sums with a few switches, and these cuts close them
        // more than twenty times faster than branching alone on the samples; Gomory cuts cost more than
        // they save there (docs/DISCLOSURE.md, "Protection: the attacker with a solver").
        parameters.gmi_cuts = GLP_OFF
        parameters.mir_cuts = GLP_ON
        parameters.tm_lim = Int32(Self.secondsPerProgram * 1_000)
        let hidden = component.cells.filter { Self.isSuppressed(cells[$0]!) }
        // Every whole solution found shows values each hidden count can take; a count already seen to
        // take values far enough apart is protected, and its own programs are not needed.
        var seen: [CountCell: Range] = [:]
        func record() {
            for cell in hidden {
                let value = glp_mip_col_val(problem, index[cell]!)
                guard seen[cell]?.exact != true else { continue }
                seen[cell] = Range(lower: min(seen[cell]?.lower ?? value, value), upper: max(seen[cell]?.upper ?? value, value), exact: false)
            }
        }
        func unprotected() -> [CountCell] {
            hidden.filter { cell in seen[cell].map { !protects($0, remainder: cells[cell]!.remainder) } ?? true }
        }
        // First push every count not yet seen far enough apart down together, then up together: two
        // programs usually show most counts taking both ends of their range.
        for _ in 0..<2 {
            let open = unprotected()
            guard !open.isEmpty else { break }
            for direction in [GLP_MIN, GLP_MAX] {
                try Interruption.check(at: "disclosure solver")
                for cell in open { glp_set_obj_coef(problem, index[cell]!, 1) }
                glp_set_obj_dir(problem, direction)
                let code = glp_intopt(problem, &parameters)
                let status = glp_mip_status(problem)
                for cell in open { glp_set_obj_coef(problem, index[cell]!, 0) }
                guard code == 0 && status == GLP_OPT || code == GLP_ETMLIM && status == GLP_FEAS else {
                    throw Contradiction(indicator: open[0].indicator, period: open[0].period, code: code, status: status)
                }
                record()
            }
            if unprotected().count == open.count { break }
        }
        // The rest one at a time: each count's own least and greatest value, unless the solutions found
        // on the way (by its own programs or an earlier count's) already show it taking values far enough apart.
        for cell in unprotected() {
            var bounds: [Double] = []
            let column = index[cell]!
            glp_set_obj_coef(problem, column, 1)
            defer { glp_set_obj_coef(problem, column, 0) }
            for direction in [GLP_MIN, GLP_MAX] where seen[cell].map({ !protects($0, remainder: cells[cell]!.remainder) }) ?? true {
                try Interruption.check(at: "disclosure solver")
                glp_set_obj_dir(problem, direction)
                let code = glp_intopt(problem, &parameters)
                let status = glp_mip_status(problem)
                // Out of time, the best whole solution found so far stands: it is a value the count can
                // take, so the range only narrows and the audit can only grow stricter.
                guard code == 0 && status == GLP_OPT || code == GLP_ETMLIM && status == GLP_FEAS else {
                    throw Contradiction(indicator: cell.indicator, period: cell.period, code: code, status: status)
                }
                bounds.append(glp_mip_col_val(problem, column))
                record()
            }
            if bounds.count == 2 { seen[cell] = Range(lower: bounds[0], upper: bounds[1]) }
        }
        return seen
    }

    /// A program's time before its best whole solution so far is taken.
    static let secondsPerProgram = 20.0
}

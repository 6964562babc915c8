package import PipelineCore
package import Publication
package import Statistics

/// The attacker on the published tables themselves (docs/DISCLOSURE.md, "The last check"): reads every
/// count, recovers what each published value with its limits gives away, forms every published sum, and
/// lists the hidden counts it can pin down. The report refuses to publish unless that list is empty.
package struct PublishedCountAudit {
    package let knowledge: CountKnowledge
    package let definitions: [String: IndicatorArithmetic]
    package let solver: FeasibleRanges

    /// What the attack found.
    package struct Findings: Sendable {
        package var cellsChecked = 0
        package var hiddenCells = 0
        package var relationsUsed = 0
        package var recovered: [CountCell] = []
        /// Hidden counts the solver narrows below their protection, with their feasible ranges.
        package var unprotected: [(cell: CountCell, range: FeasibleRanges.Range)] = []
        /// The narrowest feasible range of a suppressed count.
        package var narrowest: (cell: CountCell, range: FeasibleRanges.Range)?
        /// Programs solved (connected sets of sums with a hidden count).
        package var programs = 0
        /// The published relations among counts, by kind: an ICS's quintiles, England's ICSs, an ICS's
        /// places, a proportion's numerator within its denominator.
        package var relationsByKind: [String: Int] = [:]
        /// For each recovered or unprotected count: its table, row and column, and the published figures
        /// that narrow it (the kinds of sum it takes part in), for the error that refuses to publish.
        package var evidence: [CountCell: String] = [:]

        /// Nothing tried yet, for a caller adding up periods' findings.
        package static var none: Findings { Findings() }
    }

    /// `definitions`: each indicator's arithmetic, by indicator id.
    package init(rules: DisclosureRules, definitions: [String: IndicatorArithmetic]) {
        knowledge = CountKnowledge(rules: rules)
        self.definitions = definitions
        solver = FeasibleRanges(rules: rules)
    }

    /// Attacks one period's published tables: every table that declares a count layout, and the
    /// disclosure log that says which hidden cell is which.
    ///
    /// `englandRemainders`: what England's own rows leave over the ICSs' where England's counts are from its
    /// own rows (``EnglandRemainders``), which no table publishes.
    package func attack(_ tables: [PublishedTableData], englandRemainders: [CountCell: CountBounds] = [:]) throws -> Findings {
        var actions: [String: String] = [:], reasons: [String: String] = [:]
        if let log = tables.first(where: { $0.table.name == PublishedCatalog.suppressedCells.name }) {
            for row in log.rows(PublishedCatalog.suppressedCells) {
                let key = "\(row.text(.tableName))\u{1F}\(row.text(.rowKey))\u{1F}\(row.text(.columnName))"
                actions[key] = row.text(.action)
                reasons[key] = row.text(.reasonCode)
            }
        }
        var bounds: [CountCell: CountBounds] = [:]
        var origins: [CountCell: (table: String, row: String, column: String)] = [:]
        for data in tables {
            guard let layout = data.table.counts else { continue }
            for row in data.records {
                guard let place = Self.place(row, layout: layout) else { continue }
                let rowKey = data.table.keyColumns.map { row[$0]?.keyText ?? "" }.joined(separator: "|")
                let recovered = recover(row, estimate: layout.estimate, indicator: place.indicator)
                // A value withheld for too few events says so of its numerator.
                let below = layout.estimate.flatMap { estimate in
                    row[estimate.value] == .withheld
                        ? CountKnowledge.eventsBelow(reason: reasons["\(data.table.name)\u{1F}\(rowKey)\u{1F}\(estimate.value)"]) : nil
                }
                for (column, component) in layout.counts.sorted(by: { $0.value < $1.value }) {
                    let found: Double?
                    switch component {
                    case .numerator: found = recovered.numerator
                    case .denominator: found = recovered.denominator
                    case .population: found = nil
                    }
                    let action = actions["\(data.table.name)\u{1F}\(rowKey)\u{1F}\(column)"]
                    let shown: CountKnowledge.Shown
                    switch row[column] {
                    case .integer(let value)?: shown = .number(Double(value), exact: action != PublishedCell.Action.rounded.rawValue)
                    case .number(let value)?: shown = .number(value, exact: action != PublishedCell.Action.rounded.rawValue)
                    case .suppressed?:
                        shown =
                            action == PublishedCell.Action.complementarySuppressed.rawValue
                            ? .complementary
                            : action == PublishedCell.Action.suppressed.rawValue ? .suppressed : .absent
                    case .text?, .withheld?, .empty?, nil: shown = .absent
                    }
                    let cell = CountCell(
                        indicator: place.indicator, period: place.period, level: place.level, code: place.code,
                        quintile: place.quintile, component: component, parent: place.parent)
                    origins[cell] = (data.table.name, rowKey, column)
                    if let known = knowledge.bounds(shown, recovered: found, below: component == .numerator ? below : nil) {
                        bounds[cell] = bounds[cell].map { $0.combined(with: known) } ?? known
                    }
                }
            }
        }
        // The parts of the sums no table publishes: a reader knows only that each is at least 0.
        for cell in AdditiveRelations.unpublishedRemainders(bounds.keys) { bounds[cell] = AdditiveRelations.unknownRemainder }
        for (cell, known) in englandRemainders { bounds[cell] = known }
        let shared = AdditiveRelations.sharedCounts(bounds.keys, definitions: definitions)
        let relations = AdditiveRelations.among(bounds.keys) + shared
        var findings = Findings(cellsChecked: bounds.count, hiddenCells: bounds.values.filter(\.hidden).count, relationsUsed: relations.count)
        var attack = DisclosureAttack(bounds: bounds, relations: relations)
        findings.recovered = attack.recoveredHiddenCells().filter { solver.discloses(attack.bounds[$0]!) }
        let pairs = AdditiveRelations.numeratorsWithinDenominators(bounds.keys, definitions: definitions)
        var kindsOf: [CountCell: Set<String>] = [:]
        for relation in relations {
            let kind =
                relation.total.indicator != relation.parts.first?.indicator
                ? "the same counts in two indicators"
                : relation.total.code == CountCell.notInAnIcs
                    ? "England's counts in no ICS = their quintiles"
                    : relation.total.code == CountCell.englandAsPublished
                        ? "England's own rows = its ICSs + what they leave over"
                        : relation.total.level == .england
                            ? "England = its ICSs" : relation.parts.first?.level == .place ? "ICS = its places" : "ICS = its quintiles"
            findings.relationsByKind[kind, default: 0] += 1
            for cell in [relation.total] + relation.parts { kindsOf[cell, default: []].insert(kind) }
        }
        findings.relationsByKind["numerator ≤ denominator"] = pairs.count
        let (ranges, sets) = try solver.rangesAndSets(bounds, relations: relations, atMost: pairs)
        findings.programs = sets
        for (cell, range) in ranges.sorted(by: { $0.key < $1.key }) {
            let remainder = bounds[cell]?.remainder == true
            if !solver.protects(range, remainder: remainder) { findings.unprotected.append((cell, range)) }
            if !remainder, findings.narrowest.map({ range.width < $0.range.width }) ?? true { findings.narrowest = (cell, range) }
        }
        for cell in findings.recovered + findings.unprotected.map(\.cell) {
            let origin = origins[cell].map { "\($0.table) row \($0.row) column \($0.column)" } ?? "\(cell.level.rawValue) \(cell.code)"
            let pairs = pairs.contains { $0.0 == cell || $0.1 == cell } ? ["numerator ≤ denominator"] : []
            let through = (kindsOf[cell] ?? []).sorted() + pairs + ["the values, limits and withheld reasons published beside them"]
            findings.evidence[cell] = "\(origin), narrowed through \(through.joined(separator: ", "))"
        }
        return findings
    }

    /// Which counts a published row is about, by its table's layout; nil for a row that holds no additive
    /// counts (a decile or sex row of England's table).
    package static func place(_ row: [String: PublishedTableData.Cell], layout: CountLayout)
        -> (indicator: String, period: String, level: GeographyLevel, code: String, quintile: Int, parent: String?)?
    {
        guard case .text(let indicator)? = row[ProvenanceColumn.indicatorID.rawValue], case .text(let period)? = row[ProvenanceColumn.periodStart.rawValue]
        else { return nil }
        var quintile: Int
        var code = GeographyLevel.englandCode
        switch layout.slice {
        case .everyone:
            quintile = 0
        case .quintile(let column):
            guard case .integer(let value)? = row[column] else { return nil }
            quintile = Int(value)
        case .breakdown(let type, let label):
            guard case .text(let kind)? = row[type] else { return nil }
            if kind == BreakdownType.all.rawValue {
                quintile = 0
            } else if kind == BreakdownType.imdQuintile.rawValue, case .text(let text)? = row[label], let value = text.first?.wholeNumberValue {
                quintile = value
            } else if kind == BreakdownType.ethnicGroup.rawValue, case .text(let text)? = row[label], let part = Self.ethnicPart(text) {
                quintile = part
            } else if kind == BreakdownType.imdUnknown.rawValue {
                quintile = BreakdownType.unknownPart
            } else if kind == BreakdownType.icsUnknown.rawValue {
                (quintile, code) = (0, CountCell.notInAnIcs)
            } else {
                return nil
            }
        case .ethnicGroup(let label):
            guard case .text(let text)? = row[label], let part = Self.ethnicPart(text) else { return nil }
            quintile = part
        }
        switch layout.geography {
        case .england(let countedFrom):
            // England's own rows as published are no sum of the ICSs' counts (docs/DISCLOSURE.md, "England as published").
            if code == GeographyLevel.englandCode, let countedFrom, case .text(EnglandCounts.englandRows.rawValue)? = row[countedFrom] {
                code = CountCell.englandAsPublished
            }
            return (indicator, period, .england, code, quintile, nil)
        case .ics(let column):
            guard case .text(let code)? = row[column] else { return nil }
            return (indicator, period, .icb, code, quintile, nil)
        case .place(let column, let ics):
            guard case .text(let code)? = row[column], case .text(let parent)? = row[ics] else { return nil }
            return (indicator, period, .place, code, quintile, parent)
        }
    }

    /// The additive part of a broad ethnic group (or not stated) labelled as ``BreakdownType/ethnicGroup`` labels it.
    static func ethnicPart(_ label: String) -> Int? {
        let type = BreakdownType.ethnicGroup
        return type.groups.first { type.label($0.index) == label }.flatMap { type.additivePart($0.index) }
    }

    /// The counts a row's value and 95% limits give away, by the indicator's method.
    package func recover(_ row: [String: PublishedTableData.Cell], estimate: CountLayout.Estimate?, indicator: String) -> CountRecovery.Recovered {
        guard let estimate, let definition = definitions[indicator], let value = row[estimate.value]?.number,
            let lower = row[estimate.lower95]?.number, let upper = row[estimate.upper95]?.number
        else { return .nothing }
        return definition.method.recoverCounts(value: value, lower95: lower, upper95: upper, multiplier: definition.multiplier)
    }
}

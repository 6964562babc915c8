import PipelineCore
import Statistics

/// The attacker on the published tables themselves (docs/DISCLOSURE.md, "The last check"): reads every
/// count, recovers what each published value with its limits gives away, forms every published sum, and
/// lists the hidden counts it can pin down. The report refuses to publish unless that list is empty.
struct PublishedCountAudit {
    let knowledge: CountKnowledge
    let definitions: [String: ReportDefinition]

    /// What the attack found.
    struct Findings: Sendable {
        var cellsChecked = 0
        var hiddenCells = 0
        var relationsUsed = 0
        var recovered: [CountCell] = []
    }

    init(rules: DisclosureRules, definitions: [ReportDefinition]) {
        knowledge = CountKnowledge(rules: rules)
        self.definitions = Dictionary(uniqueKeysWithValues: definitions.map { ($0.id, $0) })
    }

    func attack(_ tables: [PublishedTableData]) -> Findings {
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.table.name, $0) })
        var actions: [String: String] = [:]
        if let log = byName[PublishedCatalog.suppressedCells.name] {
            for row in log.records {
                if case .text(let table)? = row["table_name"], case .text(let key)? = row["row_key"], case .text(let column)? = row["column_name"],
                    case .text(let action)? = row["action"]
                {
                    actions["\(table)\u{1F}\(key)\u{1F}\(column)"] = action
                }
            }
        }
        var bounds: [CountCell: CountBounds] = [:]
        for (table, level) in [
            (PublishedCatalog.icsLeague, GeographyLevel.icb), (PublishedCatalog.icsQuintileGap, .icb),
            (PublishedCatalog.nationalByGroup, .england), (PublishedCatalog.places, .place),
        ] {
            guard let data = byName[table.name] else { continue }
            for row in data.records {
                guard let place = Self.place(row, table: table, level: level) else { continue }
                let rowKey = table.keyColumns.map { Self.text(row[$0]) }.joined(separator: "|")
                let recovered = recover(row, indicator: place.indicator)
                for (component, column, found) in [
                    (CountCell.Component.numerator, "numerator", recovered.numerator),
                    (.denominator, "denominator", recovered.denominator),
                ] {
                    let action = actions["\(table.name)\u{1F}\(rowKey)\u{1F}\(column)"]
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
                        indicator: place.indicator, period: place.period, level: level, code: place.code,
                        quintile: place.quintile, component: component, parent: place.parent)
                    if let known = knowledge.bounds(shown, recovered: found) { bounds[cell] = known }
                }
            }
        }
        let relations = AdditiveRelations.among(bounds.keys)
        var findings = Findings(cellsChecked: bounds.count, hiddenCells: bounds.values.filter(\.hidden).count, relationsUsed: relations.count)
        var attack = DisclosureAttack(bounds: bounds, relations: relations)
        findings.recovered = attack.recoveredHiddenCells()
        return findings
    }

    /// Which count a published row is about.
    static func place(_ row: [String: PublishedTableData.Cell], table: PublishedTable, level: GeographyLevel)
        -> (indicator: String, period: String, code: String, quintile: Int, parent: String?)?
    {
        guard case .text(let indicator)? = row["indicator_id"], case .text(let period)? = row["period_start"] else { return nil }
        switch level {
        case .icb:
            guard case .text(let code)? = row["ics_ods_code"] else { return nil }
            if case .integer(let quintile)? = row["quintile"] { return (indicator, period, code, Int(quintile), nil) }
            return (indicator, period, code, 0, nil)
        case .england:
            guard case .text(let type)? = row["breakdown_type"] else { return nil }
            if type == BreakdownType.all.rawValue { return (indicator, period, GeographyLevel.englandCode, 0, nil) }
            guard type == BreakdownType.imdQuintile.rawValue, case .text(let label)? = row["breakdown_value"],
                let quintile = label.first?.wholeNumberValue
            else { return nil }
            return (indicator, period, GeographyLevel.englandCode, quintile, nil)
        case .place:
            guard case .text(let code)? = row["place_code"], case .text(let parent)? = row["ics_ods_code"] else { return nil }
            return (indicator, period, code, 0, parent)
        case .region:
            return nil
        }
    }

    /// The counts a row's value and 95% limits give away, by the indicator's method.
    func recover(_ row: [String: PublishedTableData.Cell], indicator: String) -> CountRecovery.Recovered {
        guard let definition = definitions[indicator], let value = row["value"]?.number, let lower = row["lcl95"]?.number,
            let upper = row["ucl95"]?.number
        else { return .nothing }
        return definition.method.recoverCounts(value: value, lower95: lower, upper95: upper, multiplier: definition.multiplier)
    }

    static func text(_ cell: PublishedTableData.Cell?) -> String {
        switch cell {
        case .text(let text)?: text
        case .integer(let number)?: String(number)
        case .number(let number)?: String(number)
        case .suppressed?, .withheld?, .empty?, nil: ""
        }
    }
}

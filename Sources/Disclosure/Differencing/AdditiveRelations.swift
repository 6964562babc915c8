import PipelineCore
import Publication
import Statistics

/// The sums a reader can form from the published tables (docs/DISCLOSURE.md, "Differencing"), for each
/// indicator, period and component (numerator, denominator):
/// - each ICS's count is the sum of its five national-quintile counts (and of its counts with no decile);
/// - England's count for a quintile is the sum of the ICSs' counts for it (and of its counts in no ICS);
/// - England's count is the sum of the ICSs' counts (and of its counts in no ICS);
/// - England's counts with no decile are the sum of the ICSs' (and of those in no ICS);
/// - England's counts in no ICS are the sum of their quintiles' (and of those with no decile);
/// - an ICS's count is the sum of its places' counts (a place's LSOAs or GP practices are its ICS's — a
///   practice with no deprivation score too — and every place of an ICS is published);
/// - England's count from its own rows (and each part's) is the sum of the ICSs' and what its rows leave
///   over theirs (``EnglandRemainders``).
/// The parts are quintiles, or for a source by ethnic group its broad groups (``BreakdownType/additivePart(_:)``).
/// Regions, sexes and deciles below England level are not published as counts, so they form no sums. The
/// parts no table publishes — an ICS's counts with no decile, the quintiles of England's counts in no ICS —
/// are ``unpublishedRemainders(_:)``: unknowns of the sums, each at least 0 (docs/DISCLOSURE.md, "Unknown
/// places").
package enum AdditiveRelations {
    /// One indicator × period × component.
    private struct Group: Hashable {
        package var indicator: String, period: String, component: CountCell.Component
    }

    /// The quintiles of a sum over quintiles: 1–5 and, last, the counts with no decile.
    private static let unknownPart = BreakdownType.unknownPart

    package static func among(_ cells: some Collection<CountCell>) -> [AdditiveRelation] {
        let present = Set(cells)
        var icsByGroup: [Group: Set<String>] = [:]
        var placesByIcs: [Group: [String: [CountCell]]] = [:]
        for cell in present where cell.level == .place && cell.quintile == 0 {
            guard let parent = cell.parent else { continue }
            placesByIcs[Group(indicator: cell.indicator, period: cell.period, component: cell.component), default: [:]][parent, default: []]
                .append(cell)
        }
        for cell in present where cell.level == .icb {
            icsByGroup[Group(indicator: cell.indicator, period: cell.period, component: cell.component), default: []].insert(cell.code)
        }
        var relations: [AdditiveRelation] = []
        for group in icsByGroup.keys.sorted(by: { ($0.indicator, $0.period, $0.component.rawValue) < ($1.indicator, $1.period, $1.component.rawValue) }) {
            let codes = icsByGroup[group]!.sorted()
            func cell(_ level: GeographyLevel, _ code: String, _ quintile: Int) -> CountCell {
                CountCell(indicator: group.indicator, period: group.period, level: level, code: code, quintile: quintile, component: group.component)
            }
            /// Quintiles 1–5, with the counts with no decile when the group has them.
            func quintiles(_ level: GeographyLevel, _ code: String) -> [CountCell] {
                (1...5).map { cell(level, code, $0) } + [cell(level, code, unknownPart)].filter(present.contains)
            }
            for code in codes {
                let parts = quintiles(.icb, code)
                if parts.prefix(5).allSatisfy(present.contains), present.contains(cell(.icb, code, 0)) {
                    relations.append(AdditiveRelation(total: cell(.icb, code, 0), parts: parts))
                }
                if let places = placesByIcs[group]?[code], present.contains(cell(.icb, code, 0)) {
                    relations.append(AdditiveRelation(total: cell(.icb, code, 0), parts: places.sorted()))
                }
            }
            for quintile in [0, 1, 2, 3, 4, 5, unknownPart] {
                let total = cell(.england, GeographyLevel.englandCode, quintile)
                let parts = codes.map { cell(.icb, $0, quintile) }
                let elsewhere = [cell(.england, CountCell.notInAnIcs, quintile)].filter(present.contains)
                if present.contains(total), parts.allSatisfy(present.contains) { relations.append(AdditiveRelation(total: total, parts: parts + elsewhere)) }
            }
            // England from its own rows: the ICSs and what its rows leave over theirs (docs/DISCLOSURE.md, "England
            // as published").
            for quintile in [0, 1, 2, 3, 4, 5, unknownPart] {
                let total = cell(.england, CountCell.englandAsPublished, quintile)
                let parts = codes.map { cell(.icb, $0, quintile) }
                let rest = cell(.england, EnglandRemainders.code, quintile)
                if present.contains(total), present.contains(rest), parts.allSatisfy(present.contains) {
                    relations.append(AdditiveRelation(total: total, parts: parts + [rest]))
                }
            }
            let elsewhere = quintiles(.england, CountCell.notInAnIcs)
            if present.contains(cell(.england, CountCell.notInAnIcs, 0)), elsewhere.prefix(5).allSatisfy(present.contains) {
                relations.append(AdditiveRelation(total: cell(.england, CountCell.notInAnIcs, 0), parts: elsewhere))
            }
        }
        return relations
    }

    /// The parts of the sums no table publishes, when a period has counts with no decile or no ICS: each
    /// ICS's counts with no decile, and the quintiles (and the no-decile part) of England's counts in no ICS.
    /// A reader knows only that each is at least 0; they are protected as suppressed counts are, so no sum
    /// pins one down (docs/DISCLOSURE.md, "Unknown places").
    package static func unpublishedRemainders(_ cells: some Collection<CountCell>) -> [CountCell] {
        let present = Set(cells)
        var missing: Set<CountCell> = []
        for england in present
        where england.level == .england && [GeographyLevel.englandCode, CountCell.englandAsPublished].contains(england.code) && england.quintile == 0 {
            func cell(_ level: GeographyLevel, _ code: String, _ quintile: Int) -> CountCell {
                CountCell(indicator: england.indicator, period: england.period, level: level, code: code, quintile: quintile, component: england.component)
            }
            let noDecile = present.contains(cell(.england, england.code, unknownPart))
            let split = (1...5).allSatisfy { present.contains(cell(.england, GeographyLevel.englandCode, $0)) }
            if noDecile {
                for ics in present
                where ics.level == .icb && ics.quintile == 0 && ics.indicator == england.indicator && ics.period == england.period
                    && ics.component == england.component
                {
                    missing.insert(cell(.icb, ics.code, unknownPart))
                }
            }
            if split, present.contains(cell(.england, CountCell.notInAnIcs, 0)) {
                for quintile in 1...5 { missing.insert(cell(.england, CountCell.notInAnIcs, quintile)) }
                if noDecile { missing.insert(cell(.england, CountCell.notInAnIcs, unknownPart)) }
            }
        }
        return missing.subtracting(present).sorted()
    }

    /// The same counts published by two indicators (docs/DISCLOSURE.md, "The same counts in two indicators"):
    /// indicators of one source and age range count the same events, so each cell of one equals the same cell
    /// of the first — the numerators, and the denominators too where both are proportions (a rate's
    /// denominator is its own population: residents, a registered list or need). Each is a sum of one part.
    package static func sharedCounts(_ cells: some Collection<CountCell>, definitions: [String: IndicatorArithmetic]) -> [AdditiveRelation] {
        let present = Set(cells)
        let leaders = countLeaders(definitions)
        return present.sorted().compactMap { cell in
            guard let leader = leaders[cell.indicator], leader != cell.indicator,
                cell.component == .numerator || definitions[cell.indicator]?.method.counts == .numeratorAndDenominator
            else { return nil }
            var same = cell
            same.indicator = leader
            return present.contains(same) ? AdditiveRelation(total: same, parts: [cell]) : nil
        }
    }

    /// Each indicator's leader: the first (by id) of the indicators counting the same events the same way — its
    /// own id when it shares its counts with none — so those sharing are attacked and protected together.
    package static func countLeaders(_ definitions: [String: IndicatorArithmetic]) -> [String: String] {
        var first: [String: String] = [:], leaders: [String: String] = [:]
        for (id, arithmetic) in definitions.sorted(by: { $0.key < $1.key }) {
            guard let counted = arithmetic.counted else {
                leaders[id] = id
                continue
            }
            let key = "\(counted)|\(arithmetic.method.counts.rawValue)"
            if first[key] == nil { first[key] = id }
            leaders[id] = first[key]
        }
        return leaders
    }

    /// What a reader knows of an unpublished remainder: at least 0, hidden.
    package static let unknownRemainder = CountBounds(lower: 0, upper: .infinity, hidden: true, remainder: true)

    /// A proportion's numerator never exceeds its denominator: each (numerator, denominator) pair of an
    /// indicator whose method counts a numerator against its own denominator.
    package static func numeratorsWithinDenominators(
        _ cells: some Collection<CountCell>, definitions: [String: IndicatorArithmetic]
    ) -> [(CountCell, CountCell)] {
        let present = Set(cells)
        return present.filter { $0.component == .numerator && definitions[$0.indicator]?.method.counts == .numeratorAndDenominator }.sorted()
            .compactMap { numerator in
                var denominator = numerator
                denominator.component = .denominator
                return present.contains(denominator) ? (numerator, denominator) : nil
            }
    }
}

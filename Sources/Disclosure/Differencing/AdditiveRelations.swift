import PipelineCore
import Publication
import Statistics

/// The sums a reader can form from the published tables (docs/DISCLOSURE.md, "Differencing"), for each
/// indicator, period and component (numerator, denominator):
/// - each ICS's count is the sum of its five national-quintile counts;
/// - England's count for a quintile is the sum of the ICSs' counts for it;
/// - England's count is the sum of the ICSs' counts;
/// - an ICS's count is the sum of its places' counts (a place's LSOAs are its ICS's, and every place of
///   an ICS is published).
/// Regions, sexes and deciles below England level are not published as counts, so they form no sums.
package enum AdditiveRelations {
    /// One indicator × period × component.
    private struct Group: Hashable {
        package var indicator: String, period: String, component: CountCell.Component
    }

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
            for code in codes {
                let parts = (1...5).map { cell(.icb, code, $0) }
                if parts.allSatisfy(present.contains), present.contains(cell(.icb, code, 0)) {
                    relations.append(AdditiveRelation(total: cell(.icb, code, 0), parts: parts))
                }
                if let places = placesByIcs[group]?[code], present.contains(cell(.icb, code, 0)) {
                    relations.append(AdditiveRelation(total: cell(.icb, code, 0), parts: places.sorted()))
                }
            }
            for quintile in 0...5 {
                let total = cell(.england, GeographyLevel.englandCode, quintile)
                let parts = codes.map { cell(.icb, $0, quintile) }
                if present.contains(total), parts.allSatisfy(present.contains) { relations.append(AdditiveRelation(total: total, parts: parts)) }
            }
        }
        return relations
    }

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

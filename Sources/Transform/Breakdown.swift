import PipelineCore

/// One row's slice of a geography, as its breakdown defines it (``BreakdownType/selection(_:)``): the
/// deciles, sexes and ages whose counts it adds up.
struct BreakdownSlice {
    var type: BreakdownType
    var value: String
    /// Order within the type (`breakdown_index`).
    var index: Int
    var deciles: ClosedRange<Int>
    /// Sexes as cube indexes.
    var sexes: [Int]
    /// Ages as cube indexes, when the slice is not every age.
    var ages: [Int]?

    /// Everyone, then each breakdown asked for, in the order of ``BreakdownType/allCases``; `unknown`: the
    /// groups of counts with no decile or no ICS, when the period has them. `byEthnicGroup`: the cube's split
    /// is by ethnic group, where everyone is the broad groups and not stated (the detailed categories are in
    /// their broad groups already; docs/DATA.md, "Ethnic groups").
    static func slices(for breakdowns: [IndicatorConfig.Breakdown], unknown: Set<BreakdownType> = [], byEthnicGroup: Bool = false) -> [BreakdownSlice] {
        let asked = Set(breakdowns.map(\.type)).union(unknown)
        return BreakdownType.allCases.filter { $0 == .all || asked.contains($0) }.flatMap { type in
            type.groups.map { group in
                var selection = type.selection(group.index)
                if byEthnicGroup, selection.deciles == BreakdownType.Selection.everyone.deciles { selection.deciles = EthnicGroup.totalSlots }
                let ages = selection.ages.map(\.index)
                return BreakdownSlice(
                    type: type, value: group.value, index: group.index, deciles: selection.deciles, sexes: selection.sexes.map(\.rawValue),
                    ages: ages.count == IndicatorCube.ages ? nil : ages)
            }
        }
    }
}

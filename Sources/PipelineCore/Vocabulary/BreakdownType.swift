/// How a geography's value is broken down in `indicator_value` (docs/TABLES.md), and everything a breakdown
/// is: its groups, which counts each group holds, how a reader sees it and how `explain` names it — one
/// place, so a new breakdown is one case here (docs/ARCHITECTURE.md, "Checklists").
public enum BreakdownType: String, Sendable, CaseIterable, Codable {
    case all
    case imdQuintile = "imd_quintile"
    case imdDecile = "imd_decile"
    case sex
    /// The counts whose deprivation decile is not known (`Not stated`): published with its share, in every
    /// total, in no quintile or gradient (docs/DATA.md, "Unknown places in the totals").
    case imdUnknown = "imd_unknown"
    /// England's counts that are in no ICS: an unknown ICB, a provider the attribution does not name.
    case icsUnknown = "ics_unknown"
    /// The five broad ethnic groups and, last, not stated: an additive partition of everyone, as the quintiles
    /// and the counts with no decile are (docs/DATA.md, "Ethnic groups").
    case ethnicGroup = "ethnic_group"
    /// The sixteen detailed ethnic categories, each inside its broad group.
    case ethnicCategory = "ethnic_category"

    /// One group of a breakdown: its order within the breakdown (`breakdown_index`) and stored value.
    public struct Group: Sendable, Equatable {
        public var index: Int
        public var value: String
    }

    /// The counts a group holds: national IMD deciles, sexes and ages.
    public struct Selection: Sendable, Equatable {
        public var deciles: ClosedRange<Int>
        public var sexes: [Sex]
        /// Ages, everyone's including unknown ones; a group by age would name its bands.
        public var ages: [RecordedAge]

        /// Every decile — 0 is "not known" — sex and age.
        public static let everyone = Selection(
            deciles: 0...10, sexes: Sex.allCases, ages: AgeBand.all.map(RecordedAge.band) + [.unknown])

        /// Whether a count of a decile (nil where the grain has none or it is not known), sex and age is in
        /// the group.
        public func contains(decile: Int?, sex: Sex, age: RecordedAge) -> Bool {
            sexes.contains(sex) && ages.contains(age) && (deciles == Self.everyone.deciles || deciles.contains(decile ?? 0))
        }
    }

    /// The groups, in published order.
    public var groups: [Group] {
        switch self {
        case .all: [Group(index: 0, value: "all")]
        case .imdQuintile: (1...5).map { Group(index: $0, value: "\($0)") }
        case .imdDecile: (1...10).map { Group(index: $0, value: "\($0)") }
        case .sex: [Sex.male, .female].map { Group(index: $0.rawValue + 1, value: $0.label) }
        case .imdUnknown, .icsUnknown: [Group(index: 0, value: "not known")]
        case .ethnicGroup, .ethnicCategory: Self.ethnicGroups(self).enumerated().map { Group(index: $0.offset + 1, value: $0.element.rawValue) }
        }
    }

    /// The ethnic groups of an ethnic breakdown in published order: the broad groups then not stated, or the
    /// detailed categories.
    public static func ethnicGroups(_ type: BreakdownType) -> [EthnicGroup] {
        switch type {
        case .ethnicGroup: EthnicGroup.broadGroups + [.notStated]
        case .ethnicCategory: EthnicGroup.broadGroups.flatMap(\.categories)
        case .all, .imdQuintile, .imdDecile, .sex, .imdUnknown, .icsUnknown: []
        }
    }

    /// The group every group of this breakdown is compared with, as a group of ``ethnicGroup``: the White group
    /// for ethnic groups and categories (docs/METHODS.md, "Groups against a reference group"); nil for others.
    public var referenceGroup: Int? {
        switch self {
        case .ethnicGroup, .ethnicCategory: BreakdownType.ethnicGroup.groups.first { $0.value == EthnicGroup.comparator.rawValue }?.index
        case .all, .imdQuintile, .imdDecile, .sex, .imdUnknown, .icsUnknown: nil
        }
    }

    /// The ethnic group of a group of an ethnic breakdown.
    public func ethnicGroup(_ index: Int) -> EthnicGroup? {
        let groups = Self.ethnicGroups(self)
        return groups.indices.contains(index - 1) ? groups[index - 1] : nil
    }

    /// The counts the group at `index` holds.
    public func selection(_ index: Int) -> Selection {
        var selection = Selection.everyone
        switch self {
        case .all: break
        case .imdQuintile: selection.deciles = (2 * index - 1)...(2 * index)
        case .imdDecile: selection.deciles = index...index
        case .sex: selection.sexes = [index == 1 ? .male : .female]
        case .imdUnknown: selection.deciles = 0...0
        case .icsUnknown: break  // every count of the units in no ICS (the transform's choice of units)
        case .ethnicGroup, .ethnicCategory:
            // A source by ethnic group holds its groups on the split axis, where deciles are for others.
            let slot = ethnicGroup(index)?.slot ?? -1
            selection.deciles = slot...slot
        }
        return selection
    }

    /// How report writers see the group at `index` (`1 (most deprived)`, `female`).
    public func label(_ index: Int) -> String {
        switch self {
        case .all: "all"
        case .imdQuintile: index == 1 ? "1 (most deprived)" : index == 5 ? "5 (least deprived)" : "\(index)"
        case .imdDecile: index == 1 ? "1 (most deprived)" : index == 10 ? "10 (least deprived)" : "\(index)"
        case .sex: groups.first { $0.index == index }?.value ?? "\(index)"
        case .imdUnknown: "deprivation not known"
        case .icsUnknown: "ICS not known"
        case .ethnicGroup, .ethnicCategory: ethnicGroup(index)?.label ?? "\(index)"
        }
    }

    /// The part of everyone a group is in the published additive sums (docs/DISCLOSURE.md): 0 for everyone
    /// (and for England's counts in no ICS, a total of their own), the quintile for a quintile or the broad
    /// group's number for a broad ethnic group (a source is split one way or the other, never both),
    /// ``unknownPart`` for the counts with no decile or ethnic group not stated, nil for a group whose counts
    /// no published sum holds.
    public func additivePart(_ index: Int) -> Int? {
        switch self {
        case .all, .icsUnknown: 0
        case .imdQuintile: index
        case .imdUnknown: Self.unknownPart
        case .ethnicGroup: ethnicGroup(index) == .notStated ? Self.unknownPart : index
        case .imdDecile, .sex, .ethnicCategory: nil
        }
    }

    /// The additive part of counts with no decile or no stated ethnic group: in the total beside the five parts.
    public static let unknownPart = -1

    /// Groups computed only when the period has such counts, and never asked for: the counts with no
    /// decile or no ICS (docs/DATA.md, "Unknown places in the totals").
    public var isUnknownPlace: Bool { self == .imdUnknown || self == .icsUnknown }

    /// A group as `explain` names it: `all`, `imd_quintile=2`, `sex=female`.
    public static func group(named text: String) -> (type: BreakdownType, index: Int)? {
        if text == BreakdownType.all.rawValue { return (.all, 0) }
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let type = BreakdownType(rawValue: parts[0]) else { return nil }
        guard let group = type.groups.first(where: { $0.value == parts[1] || "\($0.index)" == parts[1] }) else { return nil }
        return (type, group.index)
    }

    /// The quantile type of an IMD breakdown, `nil` for the others.
    public var quantileType: QuantileType? {
        switch self {
        case .imdQuintile: .imdQuintile
        case .imdDecile: .imdDecile
        case .all, .sex, .imdUnknown, .icsUnknown, .ethnicGroup, .ethnicCategory: nil
        }
    }

    /// Whether a group is compared with England and with the White group: not everyone, not the counts of
    /// unknown places, not ethnic group not stated (published with its share; docs/DATA.md, "Ethnic groups").
    public func isCompared(_ index: Int) -> Bool {
        switch self {
        case .all, .imdUnknown, .icsUnknown: false
        case .ethnicGroup, .ethnicCategory: ethnicGroup(index).map { $0 != .notStated } ?? false
        case .imdQuintile, .imdDecile, .sex: true
        }
    }
}

/// National deprivation quantiles the inequality indices are fitted over.
public enum QuantileType: String, Sendable, CaseIterable, Codable {
    case imdQuintile = "imd_quintile"
    case imdDecile = "imd_decile"

    /// Number of quantiles, 1 (most deprived) … count (least deprived).
    public var count: Int {
        switch self {
        case .imdQuintile: 5
        case .imdDecile: 10
        }
    }

    /// The breakdown rows of this quantile type.
    public var breakdownType: BreakdownType {
        switch self {
        case .imdQuintile: .imdQuintile
        case .imdDecile: .imdDecile
        }
    }
}

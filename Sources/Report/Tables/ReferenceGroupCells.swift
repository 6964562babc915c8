import Checkpoints
import Disclosure
import PipelineCore
import Publication
import Statistics

/// A group's figures against its breakdown's reference group — an ethnic group or category against the
/// White group — as one geography publishes them (docs/METHODS.md, "Groups against a reference group"):
/// gap and ratio from the published values, the aggregate stage's test of their 83.4% intervals, each hidden
/// where either value is (a gap beside a shown reference gives a hidden value back; docs/DISCLOSURE.md).
struct ReferenceGroupCells {
    let inputs: ReportInputs
    let indicator: String
    let period: String
    let level: GeographyLevel
    let code: String

    struct Cells {
        var group = PublishedCell.empty
        var value = PublishedCell.empty
        var gap = PublishedCell.empty
        var ratio = PublishedCell.empty
        var comparison = PublishedCell(ComparisonOutcome.notCompared.rawValue)
    }

    /// The reference group of a breakdown: the White group for ethnic groups and categories, none for others.
    static func reference(of type: BreakdownType) -> (type: BreakdownType, index: Int)? {
        switch type {
        case .ethnicGroup, .ethnicCategory:
            BreakdownType.ethnicGroup.groups.first { $0.value == EthnicGroup.comparator.rawValue }.map { (.ethnicGroup, $0.index) }
        case .all, .imdQuintile, .imdDecile, .sex, .imdUnknown, .icsUnknown: nil
        }
    }

    func cells(_ cell: ControlledValue, type: BreakdownType, index: Int) -> Cells {
        guard let (referenceType, referenceIndex) = Self.reference(of: type),
            let reference = inputs.value(indicator, period, level, code, referenceType, referenceIndex)
        else { return Cells() }
        var cells = Cells(group: PublishedCell(referenceType.label(referenceIndex)), value: reference.value)
        guard let gap = inputs.referenceGap(indicator, period, level, code, type, index) else { return cells }
        let values = [cell.value, reference.value]
        cells.gap = CellRules.derived(from: values) { cell.shown.flatMap { a in reference.shown.map { a - $0 } } }
        cells.ratio = CellRules.derived(from: values) { cell.shown.flatMap { a in reference.shown.flatMap { $0 != 0 ? a / $0 : nil } } }
        cells.comparison = CellRules.alongside(cells.gap, gap.comparison.rawValue)
        return cells
    }
}

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
        /// The gap's and the ratio's 95% limits: lower, upper.
        var gapLimits = [PublishedCell.empty, .empty]
        var ratio = PublishedCell.empty
        var ratioLimits = [PublishedCell.empty, .empty]
        var comparison = PublishedCell(ComparisonOutcome.notCompared.rawValue)
    }

    func cells(_ cell: ControlledValue, type: BreakdownType, index: Int) -> Cells {
        guard let referenceIndex = type.referenceGroup, let reference = inputs.value(indicator, period, level, code, .ethnicGroup, referenceIndex)
        else { return Cells() }
        var cells = Cells(group: PublishedCell(BreakdownType.ethnicGroup.label(referenceIndex)), value: reference.value)
        guard let gap = inputs.referenceGap(indicator, period, level, code, type, index) else { return cells }
        let values = [cell.value, reference.value]
        cells.gap = CellRules.derived(from: values) { cell.shown.flatMap { a in reference.shown.map { a - $0 } } }
        cells.ratio = CellRules.derived(from: values) { cell.shown.flatMap { a in reference.shown.flatMap { $0 != 0 ? a / $0 : nil } } }
        cells.comparison = CellRules.alongside(cells.gap, gap.comparison.rawValue)
        // Intervals by MOVER from the published values and limits, hidden with either (docs/METHODS.md).
        let group = cell.shown.flatMap { value in cell.lower95.flatMap { lower in cell.upper95.map { (value, lower, $0) } } }
        let white = reference.shown.flatMap { value in reference.lower95.flatMap { lower in reference.upper95.map { (value, lower, $0) } } }
        let limits = [cell.value, cell.estimate[1], cell.estimate[2], reference.value, reference.estimate[1], reference.estimate[2]]
        let difference = group.flatMap { group in white.map { ChangeInterval.difference(latest: group, baseline: $0) } }
        let ratio = group.flatMap { group in white.flatMap { RatioInterval.of(numerator: group, denominator: $0) } }
        cells.gapLimits = [CellRules.derived(from: limits) { difference?.lower }, CellRules.derived(from: limits) { difference?.upper }]
        cells.ratioLimits = [CellRules.derived(from: limits) { ratio?.lower }, CellRules.derived(from: limits) { ratio?.upper }]
        return cells
    }
}

import PipelineCore

/// `england_comparison`: each ICS, overall and by quintile, against England's value for the same group.
struct ComparisonTable {
    let values: IndicatorValues
    let writer: AggregateWriter

    /// Everyone, then quintiles 1–5: the slices compared with England.
    static let slices: [(BreakdownType, Int)] = [(.all, 0)] + (1...5).map { (.imdQuintile, $0) }

    func write(_ definition: IndicatorDefinition) throws {
        let comparator = EnglandComparator()
        for period in values.periods[definition.id] ?? [] {
            for geography in values.geographies where geography.level == .icb {
                for (type, index) in Self.slices {
                    guard let row = values.value(definition.id, period, geography, type, index),
                        let england = values.value(definition.id, period, IndicatorValues.england, type, index)
                    else { continue }
                    try writer.comparison(row, england: england, result: comparator.compare(row, england: england, definition: definition))
                }
            }
        }
    }
}

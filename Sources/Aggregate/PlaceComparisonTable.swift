import Checkpoints
import PipelineCore
import Statistics

/// `place_comparison`: each place (sub-ICB location) against its own ICS's value — the variation within
/// a system (docs/METHODS.md §10, "Places"). The ICS is the benchmark: the two-level overlap test and a
/// funnel centred on the ICS value, as the England comparison does for ICSs. No overdispersion
/// adjustment: a system has too few places to estimate one.
struct PlaceComparisonTable {
    let values: IndicatorValues
    let writer: AggregateWriter

    func write(_ definition: IndicatorDefinition) throws {
        let comparator = EnglandComparator()
        for period in values.written(definition.indicator) {
            for (icbCode, places) in values.placesOfIcb.sorted(by: { $0.key < $1.key }) {
                let system = IndicatorValues.Geography(level: .icb, code: icbCode, name: "")
                guard let ics = values.value(definition.indicator, period, system) else { continue }
                for place in places {
                    guard let row = values.value(definition.indicator, period, place) else { continue }
                    try writer.placeComparison(row, icbCode: icbCode, ics: ics, result: comparator.compare(row, england: ics, definition: definition))
                }
            }
        }
    }
}

import Checkpoints
import PipelineCore
import Statistics

/// `inequality_index`: SII/RII of every geography over national quintiles and deciles, each ICS's SII
/// against England's. Returns the results for the trend and headline steps.
struct InequalityTable {
    let values: IndicatorValues
    let writer: AggregateWriter
    let settings: AggregateSettings

    func write(_ definition: IndicatorDefinition) throws -> (results: [InequalityKey: InequalityCalculator.Result], unstable: Int) {
        let calculator = InequalityCalculator(settings: settings)
        var results: [InequalityKey: InequalityCalculator.Result] = [:]
        var unstable = 0
        let scale: InequalityScale = definition.method.inequalityScale == .proportion ? .logit : .log
        let fitted = values.fitted(definition.indicator), written = Set(values.written(definition.indicator))
        // Indexed in the whole series (each period's simulation is seeded by its place in it); the periods not
        // written are fitted for the trends and headlines that read them.
        for (periodIndex, period) in (values.periods[definition.indicator] ?? []).enumerated() where fitted.contains(period) {
            for type in QuantileType.allCases {
                let national = values.quantiles(definition.indicator, period, IndicatorValues.england, type: type)
                var englandResult: InequalityCalculator.Result?
                // England comes first among the geographies, so ICS results can be set against it.
                for geography in values.geographies {
                    let rows = values.quantiles(definition.indicator, period, geography, type: type)
                    let result = calculator.compute(
                        definition, rows: rows, national: national,
                        seed: Self.seed(settings.siiSeed, periodIndex: periodIndex, code: geography.code))
                    if geography.level == .england { englandResult = result }
                    let key = InequalityKey(definition.indicator, period, geography, type)
                    results[key] = result
                    guard written.contains(period) else { continue }
                    if result.unstableReason != nil { unstable += 1 }
                    try writer.inequality(
                        key, result, positions: settings.siiPositions, scale: scale,
                        versusEngland: geography.level == .england ? nil : Self.versus(result, englandResult))
                }
            }
        }
        return (results, unstable)
    }

    /// A seed per period and geography, so each simulated interval is reproducible on its own.
    static func seed(_ base: UInt64, periodIndex: Int, code: String) -> UInt64 {
        base &+ UInt64(periodIndex) &* 1_000_003 &+ UInt64(code.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF_FFFF)
    }

    /// ICS SII against England's: does the ICS interval exclude England's SII?
    static func versus(_ result: InequalityCalculator.Result, _ england: InequalityCalculator.Result?) -> IntervalSide? {
        guard let lower = result.siiLower, let upper = result.siiUpper, let benchmark = england?.sii else { return nil }
        return IntervalSide.of(lower: lower, upper: upper, benchmark: benchmark)
    }
}

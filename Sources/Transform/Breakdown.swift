import PipelineCore

/// One row's slice of a geography: all, an IMD quintile or decile, or a sex.
struct BreakdownSlice {
    var type: BreakdownType
    var value: String
    /// Numeric order within the type (quintile/decile number; sex 1 = male, 2 = female; 0 for all).
    var index: Int
    var deciles: ClosedRange<Int>
    var sexes: [Int]

    static func slices(for breakdowns: [IndicatorConfig.Breakdown]) -> [BreakdownSlice] {
        var slices = [BreakdownSlice(type: .all, value: "all", index: 0, deciles: 1...10, sexes: [0, 1, 2])]
        if breakdowns.contains(.imdQuintile) {
            slices += (1...5).map { BreakdownSlice(type: .imdQuintile, value: "\($0)", index: $0, deciles: (2 * $0 - 1)...(2 * $0), sexes: [0, 1, 2]) }
        }
        if breakdowns.contains(.imdDecile) {
            slices += (1...10).map { BreakdownSlice(type: .imdDecile, value: "\($0)", index: $0, deciles: $0...$0, sexes: [0, 1, 2]) }
        }
        if breakdowns.contains(.sex) {
            slices += [Sex.male, Sex.female].map {
                BreakdownSlice(type: .sex, value: $0.label, index: $0.rawValue + 1, deciles: 1...10, sexes: [$0.rawValue])
            }
        }
        return slices
    }
}

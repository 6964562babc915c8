import PipelineCore

/// Codes used to decode checkpoint rows into cube indexes (a unit is a sub-ICB location or a whole ICB;
/// see ``GeographyFrame``).
struct CubeCoordinates {
    let unitIndex: [String: Int]

    init(unitCodes: [String]) {
        unitIndex = Dictionary(uniqueKeysWithValues: unitCodes.enumerated().map { ($1, $0) })
    }

    /// `decile`: the split slot, a decile (0–10) or, in a cube of `splits` ethnic groups, the group's slot.
    func index(unit: String, decile: Int, sex: Sex, age: RecordedAge, splits: Int = IndicatorCube.deciles) throws -> Int {
        guard let i = unitIndex[unit], (0..<splits).contains(decile) else {
            throw PipelineError(
                .internal, "ingest checkpoint holds an unexpected code (area \(unit), decile \(decile))",
                hint: "rerun `soc-pipeline run --stage ingest`")
        }
        return IndicatorCube.index(unit: i, decile: decile, sex: sex.rawValue, age: age.index, splits: splits)
    }
}

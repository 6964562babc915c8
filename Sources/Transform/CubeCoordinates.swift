import PipelineCore

/// Codes used to decode checkpoint rows into cube indexes (a unit is a sub-ICB location or a whole ICB;
/// see ``GeographyFrame``).
struct CubeCoordinates {
    let unitIndex: [String: Int]
    let ageIndex: [String: Int]
    let sexIndex: [String: Int]

    init(unitCodes: [String]) {
        unitIndex = Dictionary(uniqueKeysWithValues: unitCodes.enumerated().map { ($1, $0) })
        var ages = Dictionary(uniqueKeysWithValues: AgeBand.all.map { ($0.label, $0.index) })
        ages["unknown"] = IndicatorCube.unknownAge
        ageIndex = ages
        sexIndex = Dictionary(uniqueKeysWithValues: Sex.allCases.map { ($0.label, $0.rawValue) })
    }

    func index(unit: String, decile: Int, sex: String, age: String) throws -> Int {
        guard let i = unitIndex[unit], let s = sexIndex[sex], let a = ageIndex[age], (1...10).contains(decile) else {
            throw PipelineError(
                .internal, "ingest checkpoint holds an unexpected code (area \(unit), sex \(sex), age \(age))",
                hint: "rerun `soc-pipeline run --stage ingest`")
        }
        return IndicatorCube.index(unit: i, decile: decile, sex: s, age: a)
    }
}

import PipelineCore

/// Codes used to decode checkpoint rows into cube indexes.
struct CubeCoordinates {
    let icbIndex: [String: Int]
    let ageIndex: [String: Int]
    let sexIndex: [String: Int]

    init(icbCodes: [String]) {
        icbIndex = Dictionary(uniqueKeysWithValues: icbCodes.enumerated().map { ($1, $0) })
        var ages = Dictionary(uniqueKeysWithValues: AgeBand.all.map { ($0.label, $0.index) })
        ages["unknown"] = IndicatorCube.unknownAge
        ageIndex = ages
        sexIndex = Dictionary(uniqueKeysWithValues: Sex.allCases.map { ($0.label, $0.rawValue) })
    }

    func index(icb: String, decile: Int, sex: String, age: String) throws -> Int {
        guard let i = icbIndex[icb], let s = sexIndex[sex], let a = ageIndex[age], (1...10).contains(decile) else {
            throw PipelineError(
                .internal, "ingest checkpoint holds an unexpected code (icb \(icb), sex \(sex), age \(age))",
                hint: "rerun `soc-pipeline run --stage ingest`")
        }
        return IndicatorCube.index(icb: i, decile: decile, sex: s, age: a)
    }
}

import Checkpoints
import PipelineCore

/// Keeps validated rows for `--keep-rows` (analysts who want every row in SQL).
final class RawRowSink {
    struct Row {
        var source: String
        var file: String
        var line: Int
        var area: String
        var period: String?
        var sex: Sex
        var age: Int
        var value1: Int64
        var value2: Int64?
    }

    private(set) var rows: [Row] = []

    func append(
        source: String, file: String, line: Int, area: String, period: String?, sex: Sex, age: Int,
        value1: Int64, value2: Int64?
    ) {
        rows.append(
            Row(
                source: source, file: file, line: line, area: area, period: period, sex: sex, age: age,
                value1: value1, value2: value2))
    }
}

public import GRDB
public import PipelineCore

/// A raw row, kept only with `--keep-rows` (docs/TABLES.md, "Ingest").
public struct KeptRow: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_row"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case dataset
        case path
        case line
        case areaCode = "area_code"
        case period
        case sex
        case age = "age_band"
        case value1
        case value2
    }

    public var dataset: String
    public var path: String
    public var line: Int
    public var areaCode: String
    public var period: String?
    public var sex: Sex
    public var age: RecordedAge
    public var value1: Int64?
    public var value2: Int64?

    public init(dataset: String, path: String, line: Int, areaCode: String, period: String?, sex: Sex, age: RecordedAge, value1: Int64?, value2: Int64?) {
        self.dataset = dataset
        self.path = path
        self.line = line
        self.areaCode = areaCode
        self.period = period
        self.sex = sex
        self.age = age
        self.value1 = value1
        self.value2 = value2
    }

    public init(row: Row) throws {
        dataset = row[Columns.dataset]
        path = row[Columns.path]
        line = row[Columns.line]
        areaCode = row[Columns.areaCode]
        period = row[Columns.period]
        sex = try row.decode(Columns.sex)
        age = try row.decode(Columns.age)
        value1 = row[Columns.value1]
        value2 = row[Columns.value2]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.dataset] = dataset
        row[.path] = path
        row[.line] = line
        row[.areaCode] = areaCode
        row[.period] = period
        row[.sex] = sex
        row[.age] = age
        row[.value1] = value1
        row[.value2] = value2
    }
}

public import GRDB
public import PipelineCore

/// The population (denominator of rates) by sub-ICB location, national IMD decile, sex and age band, and
/// mid-year where the source gives years (docs/TABLES.md, "Ingest").
public struct PopulationTotal: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_population"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case icbCode = "icb_code"
        case subIcbCode = "sub_icb_code"
        case imdDecile = "imd_decile"
        case sex
        case age = "age_band"
        case populationYear = "population_year"
        case population
    }

    public var icbCode: String
    public var subIcbCode: String
    public var imdDecile: Int
    public var sex: Sex
    public var age: RecordedAge
    public var population: Int64
    /// The mid-year, or ``PopulationYear/everyPeriod`` (0) for a population that serves every period.
    public var populationYear: Int

    public init(
        icbCode: String, subIcbCode: String, imdDecile: Int, sex: Sex, age: RecordedAge, population: Int64,
        populationYear: Int = PopulationYear.everyPeriod
    ) {
        self.icbCode = icbCode
        self.subIcbCode = subIcbCode
        self.imdDecile = imdDecile
        self.sex = sex
        self.age = age
        self.population = population
        self.populationYear = populationYear
    }

    public init(row: Row) throws {
        icbCode = row[Columns.icbCode]
        subIcbCode = row[Columns.subIcbCode]
        imdDecile = row[Columns.imdDecile]
        sex = try row.decode(Columns.sex)
        age = try row.decode(Columns.age)
        population = row[Columns.population]
        populationYear = row[Columns.populationYear]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.icbCode] = icbCode
        row[.subIcbCode] = subIcbCode
        row[.imdDecile] = imdDecile
        row[.sex] = sex
        row[.age] = age
        row[.population] = population
        row[.populationYear] = populationYear
    }
}

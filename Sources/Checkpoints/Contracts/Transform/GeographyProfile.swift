public import GRDB
public import PipelineCore

/// A geography's people and deprivation (England, each NHS region, each ICS): its resident population,
/// by national IMD quintile, its Core20 share and, for an ICS, its average IMD score — computed once by
/// transform from the population (docs/TABLES.md, "Transform").
public struct GeographyProfile: CheckpointRecord, Equatable {
    public static let databaseTableName = "geography_profile"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case level = "geography_level"
        case code = "geography_code"
        case name = "geography_name"
        case onsCode = "ons_code"
        case regionName = "region_name"
        case population
        case populationQ1 = "population_q1"
        case populationQ2 = "population_q2"
        case populationQ3 = "population_q3"
        case populationQ4 = "population_q4"
        case populationQ5 = "population_q5"
        case core20Share = "core20_share"
        case imdAverageScore = "imd_average_score"
    }

    public var level: GeographyLevel
    /// ODS code for an ICS, ONS code for England and regions.
    public var code: String
    public var name: String
    public var onsCode: String
    /// The NHS region (its own name for a region, `England` for England).
    public var regionName: String
    /// Resident population (unrounded; not disclosure-controlled here).
    public var population: Double
    /// Population in each national IMD quintile, 1 = most deprived.
    public var quintilePopulation: [Double]
    /// Share living in England's most deprived 20% of areas (IMD deciles 1–2).
    public var core20Share: Double
    /// Population-weighted average IMD score, when the IMD summary by ICB is configured (ICSs only).
    public var imdAverageScore: Double?

    public init(
        level: GeographyLevel, code: String, name: String, onsCode: String, regionName: String, population: Double, quintilePopulation: [Double],
        core20Share: Double, imdAverageScore: Double?
    ) {
        precondition(quintilePopulation.count == 5, "a population for each of the five quintiles")
        self.level = level
        self.code = code
        self.name = name
        self.onsCode = onsCode
        self.regionName = regionName
        self.population = population
        self.quintilePopulation = quintilePopulation
        self.core20Share = core20Share
        self.imdAverageScore = imdAverageScore
    }

    public init(row: Row) throws {
        level = try row.decode(Columns.level)
        code = row[Columns.code]
        name = row[Columns.name]
        onsCode = row[Columns.onsCode]
        regionName = row[Columns.regionName]
        population = row[Columns.population]
        quintilePopulation = [
            row[Columns.populationQ1], row[Columns.populationQ2], row[Columns.populationQ3], row[Columns.populationQ4], row[Columns.populationQ5],
        ]
        core20Share = row[Columns.core20Share]
        imdAverageScore = row[Columns.imdAverageScore]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.level] = level
        row[.code] = code
        row[.name] = name
        row[.onsCode] = onsCode
        row[.regionName] = regionName
        row[.population] = population
        row[.populationQ1] = quintilePopulation[0]
        row[.populationQ2] = quintilePopulation[1]
        row[.populationQ3] = quintilePopulation[2]
        row[.populationQ4] = quintilePopulation[3]
        row[.populationQ5] = quintilePopulation[4]
        row[.core20Share] = core20Share
        row[.imdAverageScore] = imdAverageScore
    }
}

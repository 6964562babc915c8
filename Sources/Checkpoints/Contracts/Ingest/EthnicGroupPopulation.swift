public import GRDB
public import PipelineCore

/// An ICB's usual residents in one NHS ethnic category, from Census 2021 (`reference.ethnicGroupPopulation`;
/// docs/DATA.md, "Rates by ethnic group"): the denominator of a rate by ethnic group, its broad group's the sum
/// of its categories.
public struct EthnicGroupPopulation: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_ethnic_group_population"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case icbOdsCode = "icb_ods_code"
        case category = "ethnic_category"
        case population
        case areas
    }

    public var icbOdsCode: String
    /// A detailed NHS category (``EthnicGroup`` with a code A–S).
    public var category: EthnicGroup
    /// Usual residents, as the census counts them.
    public var population: Double
    /// How many LSOAs it is the sum of.
    public var areas: Int

    public init(icbOdsCode: String, category: EthnicGroup, population: Double, areas: Int) {
        self.icbOdsCode = icbOdsCode
        self.category = category
        self.population = population
        self.areas = areas
    }

    public init(row: Row) throws {
        icbOdsCode = row[Columns.icbOdsCode]
        category = try row.decode(Columns.category)
        population = row[Columns.population]
        areas = row[Columns.areas]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.icbOdsCode] = icbOdsCode
        row[.category] = category
        row[.population] = population
        row[.areas] = areas
    }
}

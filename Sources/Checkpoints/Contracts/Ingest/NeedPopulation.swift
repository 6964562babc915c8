public import GRDB
public import PipelineCore

/// One component of NHS England's need-weighted populations summed over an ICB's practices
/// (`reference.needWeights`; docs/DATA.md, "Access against need"): the denominator of an indicator that
/// names the component (`needWeighted`), for one allocation year.
public struct NeedPopulation: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_need_population"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case component
        case allocationYear = "allocation_year"
        case icbOdsCode = "icb_ods_code"
        case weightedPopulation = "weighted_population"
        case practices
    }

    public var component: String
    /// The first calendar year of the allocation's financial year (2023 for 2023/24), or
    /// ``NeedAllocationYear/everyPeriod`` (0) for weights named without `{year}`, which serve every period.
    public var allocationYear: Int
    public var icbOdsCode: String
    /// The component's weighted population, fractional as published.
    public var weightedPopulation: Double
    /// How many practices it is the sum of.
    public var practices: Int

    public init(component: String, allocationYear: Int = NeedAllocationYear.everyPeriod, icbOdsCode: String, weightedPopulation: Double, practices: Int) {
        self.component = component
        self.allocationYear = allocationYear
        self.icbOdsCode = icbOdsCode
        self.weightedPopulation = weightedPopulation
        self.practices = practices
    }

    public init(row: Row) throws {
        component = row[Columns.component]
        allocationYear = row[Columns.allocationYear]
        icbOdsCode = row[Columns.icbOdsCode]
        weightedPopulation = row[Columns.weightedPopulation]
        practices = row[Columns.practices]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.component] = component
        row[.allocationYear] = allocationYear
        row[.icbOdsCode] = icbOdsCode
        row[.weightedPopulation] = weightedPopulation
        row[.practices] = practices
    }
}

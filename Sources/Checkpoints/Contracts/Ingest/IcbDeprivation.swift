public import GRDB
public import PipelineCore

/// An ICB's average IMD score and its rank, when the IMD summary by ICB is configured (docs/DATA.md, "ICS-level sources").
public struct IcbDeprivation: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_icb_deprivation"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case icbOdsCode = "icb_ods_code"
        case imdVintage = "imd_vintage"
        case averageScore = "imd_average_score"
        case rankOfAverageScore = "imd_rank_of_average_score"
    }

    public var icbOdsCode: String
    public var imdVintage: String
    public var averageScore: Double
    public var rankOfAverageScore: Int

    public init(icbOdsCode: String, imdVintage: String, averageScore: Double, rankOfAverageScore: Int) {
        self.icbOdsCode = icbOdsCode
        self.imdVintage = imdVintage
        self.averageScore = averageScore
        self.rankOfAverageScore = rankOfAverageScore
    }

    public init(row: Row) throws {
        icbOdsCode = row[Columns.icbOdsCode]
        imdVintage = row[Columns.imdVintage]
        averageScore = row[Columns.averageScore]
        rankOfAverageScore = row[Columns.rankOfAverageScore]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.icbOdsCode] = icbOdsCode
        row[.imdVintage] = imdVintage
        row[.averageScore] = averageScore
        row[.rankOfAverageScore] = rankOfAverageScore
    }
}

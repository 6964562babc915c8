public import GRDB
public import PipelineCore

/// Shares of an indicator's records per period and ICS that could not be mapped or placed (docs/TABLES.md, "Transform").
public struct IndicatorDataQuality: CheckpointRecord, Equatable {
    public static let databaseTableName = "indicator_data_quality"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case indicator = "indicator_id"
        case period
        case icbCode = "icb_code"
        case records
        case shareUnmappedLsoa = "share_unmapped_lsoa"
        case shareUnknownSex = "share_unknown_sex"
        case shareUnknownAge = "share_unknown_age"
        case shareSuppressedAtSource = "share_suppressed_at_source"
    }

    public var indicator: String
    public var period: String
    public var icbCode: String
    public var records: Int
    public var shareUnmappedLsoa: Double
    public var shareUnknownSex: Double
    public var shareUnknownAge: Double
    public var shareSuppressedAtSource: Double

    public init(
        indicator: String, period: String, icbCode: String, records: Int, shareUnmappedLsoa: Double, shareUnknownSex: Double, shareUnknownAge: Double,
        shareSuppressedAtSource: Double
    ) {
        self.indicator = indicator
        self.period = period
        self.icbCode = icbCode
        self.records = records
        self.shareUnmappedLsoa = shareUnmappedLsoa
        self.shareUnknownSex = shareUnknownSex
        self.shareUnknownAge = shareUnknownAge
        self.shareSuppressedAtSource = shareSuppressedAtSource
    }

    public init(row: Row) throws {
        indicator = row[Columns.indicator]
        period = row[Columns.period]
        icbCode = row[Columns.icbCode]
        records = row[Columns.records]
        shareUnmappedLsoa = row[Columns.shareUnmappedLsoa]
        shareUnknownSex = row[Columns.shareUnknownSex]
        shareUnknownAge = row[Columns.shareUnknownAge]
        shareSuppressedAtSource = row[Columns.shareSuppressedAtSource]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.indicator] = indicator
        row[.period] = period
        row[.icbCode] = icbCode
        row[.records] = records
        row[.shareUnmappedLsoa] = shareUnmappedLsoa
        row[.shareUnknownSex] = shareUnknownSex
        row[.shareUnknownAge] = shareUnknownAge
        row[.shareSuppressedAtSource] = shareSuppressedAtSource
    }
}

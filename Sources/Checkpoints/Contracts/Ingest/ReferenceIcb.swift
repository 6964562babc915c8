public import GRDB
public import PipelineCore

/// An ICB of the configured footprint with its NHS region (docs/DATA.md).
public struct ReferenceIcb: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_icb"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case odsCode = "icb_ods_code"
        case onsCode = "icb_ons_code"
        case name = "icb_name"
        case shortName = "icb_short_name"
        case regionOnsCode = "region_ons_code"
        case regionOdsCode = "region_ods_code"
        case regionName = "region_name"
        case vintage
    }

    public var odsCode: String
    public var onsCode: String
    public var name: String
    public var shortName: String
    public var regionOnsCode: String
    public var regionOdsCode: String
    public var regionName: String
    public var vintage: String

    public init(
        odsCode: String, onsCode: String, name: String, shortName: String, regionOnsCode: String, regionOdsCode: String, regionName: String, vintage: String
    ) {
        self.odsCode = odsCode
        self.onsCode = onsCode
        self.name = name
        self.shortName = shortName
        self.regionOnsCode = regionOnsCode
        self.regionOdsCode = regionOdsCode
        self.regionName = regionName
        self.vintage = vintage
    }

    public init(row: Row) throws {
        odsCode = row[Columns.odsCode]
        onsCode = row[Columns.onsCode]
        name = row[Columns.name]
        shortName = row[Columns.shortName]
        regionOnsCode = row[Columns.regionOnsCode]
        regionOdsCode = row[Columns.regionOdsCode]
        regionName = row[Columns.regionName]
        vintage = row[Columns.vintage]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.odsCode] = odsCode
        row[.onsCode] = onsCode
        row[.name] = name
        row[.shortName] = shortName
        row[.regionOnsCode] = regionOnsCode
        row[.regionOdsCode] = regionOdsCode
        row[.regionName] = regionName
        row[.vintage] = vintage
    }
}

public import GRDB
public import PipelineCore

/// A sub-ICB location (a place) of the LSOA lookup, with its name (docs/DATA.md, "Places").
public struct ReferenceSubIcb: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_sub_icb"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case code = "sub_icb_code"
        case onsCode = "sub_icb_ons_code"
        case name = "sub_icb_name"
        case placeName = "place_name"
        case icbOdsCode = "icb_ods_code"
    }

    /// ODS code.
    public var code: String
    public var onsCode: String?
    /// Official name.
    public var name: String
    /// Readable name from its main local authorities.
    public var placeName: String
    public var icbOdsCode: String

    public init(code: String, onsCode: String?, name: String, placeName: String, icbOdsCode: String) {
        self.code = code
        self.onsCode = onsCode
        self.name = name
        self.placeName = placeName
        self.icbOdsCode = icbOdsCode
    }

    public init(row: Row) throws {
        code = row[Columns.code]
        onsCode = row[Columns.onsCode]
        name = row[Columns.name]
        placeName = row[Columns.placeName]
        icbOdsCode = row[Columns.icbOdsCode]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.code] = code
        row[.onsCode] = onsCode
        row[.name] = name
        row[.placeName] = placeName
        row[.icbOdsCode] = icbOdsCode
    }
}

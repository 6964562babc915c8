public import GRDB
public import PipelineCore

/// A place (sub-ICB location) that has figures, with its ICS (docs/DATA.md, "Places").
public struct IndicatorPlace: CheckpointRecord, Equatable {
    public static let databaseTableName = "indicator_place"
    public static let writer = StageName.transform

    public enum Columns: String, CheckpointColumns {
        case placeCode = "place_code"
        case placeName = "place_name"
        case icbCode = "icb_code"
    }

    public var placeCode: String
    public var placeName: String
    public var icbCode: String

    public init(placeCode: String, placeName: String, icbCode: String) {
        self.placeCode = placeCode
        self.placeName = placeName
        self.icbCode = icbCode
    }

    public init(row: Row) throws {
        placeCode = row[Columns.placeCode]
        placeName = row[Columns.placeName]
        icbCode = row[Columns.icbCode]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.placeCode] = placeCode
        row[.placeName] = placeName
        row[.icbCode] = icbCode
    }
}

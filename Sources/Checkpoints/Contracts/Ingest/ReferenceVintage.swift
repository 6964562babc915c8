public import GRDB
public import PipelineCore

/// A reference file with its vintage and SHA-256 (docs/DATA.md).
public struct ReferenceVintage: CheckpointRecord, Equatable {
    public static let databaseTableName = "ref_vintage"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case kind
        case vintage
        case file
        case sha256
    }

    public var kind: ReferenceKind
    public var vintage: String
    public var file: String
    /// Empty for the population, whose files are in ``IngestedFile``.
    public var sha256: String

    public init(kind: ReferenceKind, vintage: String, file: String, sha256: String) {
        self.kind = kind
        self.vintage = vintage
        self.file = file
        self.sha256 = sha256
    }

    public init(row: Row) throws {
        kind = try row.decode(Columns.kind)
        vintage = row[Columns.vintage]
        file = row[Columns.file]
        sha256 = row[Columns.sha256]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.kind] = kind
        row[.vintage] = vintage
        row[.file] = file
        row[.sha256] = sha256
    }
}

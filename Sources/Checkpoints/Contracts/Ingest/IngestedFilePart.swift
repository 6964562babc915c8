public import Foundation
public import GRDB
public import PipelineCore

/// One input file's contribution to its source's totals, as parsing that file alone gave it, kept so a later
/// run whose file is unchanged adds it back instead of parsing the file again (docs/ARCHITECTURE.md,
/// "Incremental ingest"). Read only by ingest; the totals it rebuilds are the same as a full parse's.
public struct IngestedFilePart: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_file_part"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case source
        case path
        case sha256
        case partKey = "part_key"
        case part
        case readInOrder = "read_in_order"
    }

    public var source: String
    /// The file's path as messages show it (relative to the configuration).
    public var path: String
    /// The file's content hash when it was parsed.
    public var sha256: String
    /// What else the parse depended on (program build, the source's configuration, the reference files, the
    /// periods allowed): a part is reused only under the same key.
    public var partKey: String
    /// The contribution, encoded by ingest (counts only, never a row's value).
    public var part: Data
    /// Whether the last run read the file in order (its part would not give what reading in order gave), so
    /// the tables may hold for it something other than its part.
    public var readInOrder: Bool

    public init(source: String, path: String, sha256: String, partKey: String, part: Data, readInOrder: Bool) {
        self.source = source
        self.path = path
        self.sha256 = sha256
        self.partKey = partKey
        self.part = part
        self.readInOrder = readInOrder
    }

    /// A stored part without its bytes: what a run plans with before it loads any source's parts.
    public struct Listing: Sendable, Equatable {
        public var source: String
        public var path: String
        public var sha256: String
        public var partKey: String
        public var readInOrder: Bool
    }

    /// Every stored part, without the bytes (a long history stores tens of megabytes of them).
    public static func listings(_ db: Database) throws -> [Listing] {
        let columns: [Columns] = [.source, .path, .sha256, .partKey, .readInOrder]
        return try Row.fetchAll(db, sql: "SELECT \(columns.map(\.rawValue).joined(separator: ", ")) FROM \(databaseTableName)").map { row in
            Listing(source: row[0], path: row[1], sha256: row[2], partKey: row[3], readInOrder: row[4])
        }
    }

    /// One source's parts stored under `partKey`, with their bytes.
    public static func fetchAll(_ db: Database, source: String, partKey: String) throws -> [IngestedFilePart] {
        try filter(Columns.source == source && Columns.partKey == partKey).fetchAll(db)
    }

    public init(row: Row) throws {
        source = row[Columns.source]
        path = row[Columns.path]
        sha256 = row[Columns.sha256]
        partKey = row[Columns.partKey]
        part = row[Columns.part]
        readInOrder = row[Columns.readInOrder]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.source] = source
        row[.path] = path
        row[.sha256] = sha256
        row[.partKey] = partKey
        row[.part] = part
        row[.readInOrder] = readInOrder
    }
}

public import GRDB
public import PipelineCore

/// Each input file read: its size, SHA-256 and what became of its rows (docs/TABLES.md, "Ingest").
public struct IngestedFile: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_file"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case source
        case kind
        case path
        case deliveredForIcb = "delivered_for_icb"
        case sizeBytes = "size_bytes"
        case sha256
        case rowsRead = "rows_read"
        case rowsLoaded = "rows_loaded"
        case rowsQuarantined = "rows_quarantined"
        case cellsSuppressedAtSource = "cells_suppressed_at_source"
    }

    /// The source (`sources[].name`) it belongs to.
    public var source: String
    public var kind: SourceConfig.Kind
    /// Path as configured (relative to the config file).
    public var path: String
    /// The ICB folder it was delivered in (`{icb}` in the glob).
    public var deliveredForIcb: String?
    public var sizeBytes: Int
    public var sha256: String
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsQuarantined: Int
    /// Counts that arrived as a disclosure marker (`*`, `c`, …).
    public var cellsSuppressedAtSource: Int

    public init(
        source: String, kind: SourceConfig.Kind, path: String, deliveredForIcb: String?, sizeBytes: Int, sha256: String, rowsRead: Int, rowsLoaded: Int,
        rowsQuarantined: Int, cellsSuppressedAtSource: Int
    ) {
        self.source = source
        self.kind = kind
        self.path = path
        self.deliveredForIcb = deliveredForIcb
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded
        self.rowsQuarantined = rowsQuarantined
        self.cellsSuppressedAtSource = cellsSuppressedAtSource
    }

    public init(row: Row) throws {
        source = row[Columns.source]
        kind = try row.decode(Columns.kind)
        path = row[Columns.path]
        deliveredForIcb = row[Columns.deliveredForIcb]
        sizeBytes = row[Columns.sizeBytes]
        sha256 = row[Columns.sha256]
        rowsRead = row[Columns.rowsRead]
        rowsLoaded = row[Columns.rowsLoaded]
        rowsQuarantined = row[Columns.rowsQuarantined]
        cellsSuppressedAtSource = row[Columns.cellsSuppressedAtSource]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.source] = source
        row[.kind] = kind
        row[.path] = path
        row[.deliveredForIcb] = deliveredForIcb
        row[.sizeBytes] = sizeBytes
        row[.sha256] = sha256
        row[.rowsRead] = rowsRead
        row[.rowsLoaded] = rowsLoaded
        row[.rowsQuarantined] = rowsQuarantined
        row[.cellsSuppressedAtSource] = cellsSuppressedAtSource
    }
}

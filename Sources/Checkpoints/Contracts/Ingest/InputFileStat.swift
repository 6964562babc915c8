public import GRDB
public import PipelineCore

/// An input or reference file's metadata when its content was last hashed, with that hash: ingest's stat
/// cache, which lets a run with nothing changed skip reading its inputs (docs/ARCHITECTURE.md, "Skipping
/// unchanged inputs"). Read only by ingest; it never changes an output.
public struct InputFileStat: CheckpointRecord, Equatable {
    public static let databaseTableName = "ingest_file_stat"
    public static let writer = StageName.ingest

    public enum Columns: String, CheckpointColumns {
        case path
        case sizeBytes = "size_bytes"
        case modifiedNs = "modified_ns"
        case changedNs = "changed_ns"
        case inode
        case device
        case sha256
        case recordedNs = "recorded_ns"
    }

    /// Absolute path.
    public var path: String
    public var stat: FileStat
    public var sha256: String
    /// The wall clock just before the content was read: a file changed after it cannot have a change time
    /// before it.
    public var recordedNanoseconds: Int64

    /// How far before the recording a file's times must be for its metadata to vouch for its content: a
    /// file changed within this window of its hashing may keep its size and its (coarse) times, so it is
    /// hashed again (git's "racily clean" entries; 2 s covers the coarsest common file-time granularity).
    public static let racyWindowNanoseconds: Int64 = 2_000_000_000

    public init(path: String, stat: FileStat, sha256: String, recordedNanoseconds: Int64) {
        self.path = path
        self.stat = stat
        self.sha256 = sha256
        self.recordedNanoseconds = recordedNanoseconds
    }

    /// Whether `current` (the file's metadata now) vouches that the file still holds ``sha256``: every
    /// field unchanged, and the recorded times old enough not to be racy.
    public func vouches(for current: FileStat) -> Bool {
        current == stat && max(stat.modifiedNanoseconds, stat.changedNanoseconds) <= recordedNanoseconds - Self.racyWindowNanoseconds
    }

    public init(row: Row) throws {
        path = row[Columns.path]
        stat = FileStat(
            size: row[Columns.sizeBytes], modifiedNanoseconds: row[Columns.modifiedNs], changedNanoseconds: row[Columns.changedNs],
            inode: row[Columns.inode], device: row[Columns.device])
        sha256 = row[Columns.sha256]
        recordedNanoseconds = row[Columns.recordedNs]
    }

    public func store(in row: inout StoredRow<Columns>) {
        row[.path] = path
        row[.sizeBytes] = stat.size
        row[.modifiedNs] = stat.modifiedNanoseconds
        row[.changedNs] = stat.changedNanoseconds
        row[.inode] = stat.inode
        row[.device] = stat.device
        row[.sha256] = sha256
        row[.recordedNs] = recordedNanoseconds
    }
}

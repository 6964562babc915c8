#if canImport(Glibc)
    public import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// Who may read the files that hold unpublished data — the checkpoint database (unrounded small counts,
/// the quarantine, kept rows), its `-wal`/`-shm`/`-journal` and lock files, `run-summary.json` and
/// `heartbeat.json` (docs/DISCLOSURE.md). Owner only (0600) whatever the umask, or owner and one
/// configured group (0660, `databaseGroup`) for a team that shares them. Published files are not these:
/// the publisher gives them ordinary read permissions.
public struct FileAccess: Sendable, Equatable {
    /// The sharing group, if any.
    public let group: gid_t?

    public static let ownerOnly = FileAccess(group: nil)

    init(group: gid_t?) { self.group = group }

    /// Resolves `databaseGroup`; an unknown group is a configuration error.
    public init(groupName: String?) throws {
        guard let groupName else {
            self = .ownerOnly
            return
        }
        guard let entry = getgrnam(groupName) else {
            throw PipelineError(.usage, "databaseGroup: no group named '\(groupName)' on this machine", hint: "create it, or remove the setting")
        }
        group = entry.pointee.gr_gid
    }

    public var fileMode: mode_t { group == nil ? 0o600 : 0o660 }
    public var folderMode: mode_t { group == nil ? 0o700 : 0o770 }

    /// Creates `path` empty with the file mode if it does not exist, then sets its mode and group.
    public func prepareFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw failure(path) }
        close(fd)
        try restrict(path)
    }

    /// Sets an existing file's or folder's mode (and group) whatever the umask was.
    public func restrict(_ path: String, folder: Bool = false) throws {
        if let group, chown(path, uid_t.max, group) != 0 { throw failure(path) }
        guard chmod(path, folder ? folderMode : fileMode) == 0 else { throw failure(path) }
    }

    /// As ``restrict(_:folder:)`` for files that may not exist (SQLite's side files).
    public func restrictIfPresent(_ path: String) {
        guard access(path, F_OK) == 0 else { return }
        try? restrict(path)
    }

    private func failure(_ path: String) -> PipelineError {
        PipelineError(
            .inputMissing, "cannot set the permissions of a checkpoint file: \(String(cString: strerror(errno)))", at: InputLocation(file: path),
            hint: "check the owner of the database folder and 'databaseGroup'")
    }
}

import Foundation

/// What the file system says about a file without reading it — size, modification and change times
/// (nanoseconds), inode and device — enough to vouch that a file has not changed since its content was
/// hashed (docs/ARCHITECTURE.md, "Skipping unchanged inputs").
public struct FileStat: Sendable, Equatable {
    public var size: Int64
    public var modifiedNanoseconds: Int64
    /// The inode's change time, which no user call can set back (unlike the modification time).
    public var changedNanoseconds: Int64
    public var inode: Int64
    public var device: Int64

    public init(size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: Int64, device: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
    }

    /// The file's metadata now, or nil when it cannot be stat'ed (the hashing that follows then says why).
    public static func of(path: String) -> FileStat? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStat(
            size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: Int64(bitPattern: UInt64(info.st_ino)), device: Int64(bitPattern: UInt64(info.st_dev)))
    }

    /// The wall clock in nanoseconds since 1970, the scale of the file times.
    public static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

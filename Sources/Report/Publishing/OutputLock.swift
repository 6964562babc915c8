import Checkpoints
import Disclosure
import Foundation
import PipelineCore
import Publication
import Render

/// The output folder belongs to one publishing run at a time: an exclusive `flock` on
/// `<output>/.soc-pipeline.lock`, taken before anything is written there and released once the report
/// transaction commits (after pruning) or rolls back (after restoring `latest`). A second database
/// publishing into the same folder (an analyst's scratch `--db` beside the nightly one) is refused
/// instead of pruning or rolling back the other's files.
final class OutputLock: Sendable {
    private let descriptor: Int32

    init(outputDirectory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw Publisher.notWritable(outputDirectory, error)
        }
        let path = (outputDirectory as NSString).appendingPathComponent(".soc-pipeline.lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Publisher.notWritable(outputDirectory, POSIXError.current) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(fd)
            guard failure == EWOULDBLOCK else { throw Publisher.notWritable(outputDirectory, POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)) }
            throw PipelineError(
                .locked, "another run is publishing to this output folder", at: InputLocation(file: outputDirectory),
                hint: "wait for it, or give this run its own folder with --output; nothing was written")
        }
        descriptor = fd
    }

    /// Releases the lock (the kernel also drops it if the process dies).
    func release() {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }
}

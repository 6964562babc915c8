import Checkpoints
import Disclosure
import Foundation
import PipelineCore
import Publication
import Render

/// Atomic publication under the output directory:
///
///     <output>/runs/.<run>.partial/   files being written (never read)
///     <output>/runs/<run>/            a complete publication
///     <output>/latest -> runs/<run>   switched with one rename(2)
///
/// Readers of `latest` see the previous publication or the new one, never a mixture.
public struct Publisher: Sendable {
    public let outputDirectory: String

    public init(outputDirectory: String) { self.outputDirectory = outputDirectory }

    public var runsDirectory: String { (outputDirectory as NSString).appendingPathComponent("runs") }
    public var latestPath: String { (outputDirectory as NSString).appendingPathComponent("latest") }

    /// Where `latest` points (relative, e.g. `runs/20261123T…`), or nil when nothing is published.
    public var latestTarget: String? { try? FileManager.default.destinationOfSymbolicLink(atPath: latestPath) }

    /// A fresh, empty staging folder for `runID`.
    public func stagingFolder(runID: String) throws -> String {
        let staging = (runsDirectory as NSString).appendingPathComponent(".\(runID).partial")
        do {
            try FileManager.default.createDirectory(atPath: runsDirectory, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: staging) { try FileManager.default.removeItem(atPath: staging) }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Self.notWritable(outputDirectory, error)
        }
        return staging
    }

    /// Moves a complete staging folder into place and points `latest` at it. The publication is for
    /// readers: folders 0755 and files 0644 whatever the umask (the database beside it stays private).
    public func promote(staging: String, runID: String) throws {
        try Self.makeReadable(staging)
        let final = (runsDirectory as NSString).appendingPathComponent(runID)
        guard rename(staging, final) == 0 else { throw Self.notWritable(outputDirectory, POSIXError.current) }
        try point(at: "runs/\(runID)")
    }

    /// Points `latest` at `target` (relative to the output directory) atomically; nil removes it.
    public func point(at target: String?) throws {
        guard let target else {
            unlink(latestPath)
            return
        }
        let temporary = latestPath + ".switch"
        unlink(temporary)
        guard symlink(target, temporary) == 0, rename(temporary, latestPath) == 0 else {
            let error = POSIXError.current
            unlink(temporary)
            throw PipelineError(
                .internal, "cannot switch 'latest' to \(target): \(error.localizedDescription)",
                at: InputLocation(file: latestPath),
                hint: "'latest' must be a symbolic link (or absent); the previous publication is unchanged")
        }
    }

    static func makeReadable(_ folder: String) throws {
        guard chmod(folder, 0o755) == 0 else { throw notWritable(folder, POSIXError.current) }
        let manager = FileManager.default
        for name in (try? manager.subpathsOfDirectory(atPath: folder)) ?? [] {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            guard chmod(path, isDirectory.boolValue ? 0o755 : 0o644) == 0 else { throw notWritable(folder, POSIXError.current) }
        }
    }

    /// Undoes a promotion whose database transaction did not commit.
    public func rollBack(runID: String, previous: String?) {
        try? point(at: previous)
        try? FileManager.default.removeItem(atPath: (runsDirectory as NSString).appendingPathComponent(runID))
        try? FileManager.default.removeItem(atPath: (runsDirectory as NSString).appendingPathComponent(".\(runID).partial"))
    }

    /// Removes old publications beyond the newest `keep`, and staging folders abandoned by killed runs
    /// (called while holding the ``OutputLock``, so no other run is writing one). Only folders this
    /// pipeline wrote are touched — a publication is one whose `manifest.json` names it as its run —
    /// never `latest`'s, nor anything a person put under `runs/` (an archive, a database).
    public func prune(keep: Int) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: runsDirectory) else { return }
        let current = latestTarget.map { ($0 as NSString).lastPathComponent }
        let partial = entries.filter { name in
            name.hasPrefix(".") && name.hasSuffix(".partial") && RunLedgerIDs.looksLikeRunID(String(name.dropFirst().dropLast(".partial".count)))
        }
        let complete = entries.filter { name in
            !name.hasPrefix(".") && name != current
                && ReportExporter.publishedRunID(in: (runsDirectory as NSString).appendingPathComponent(name)) == name
        }.sorted(by: >)
        for name in partial + complete.dropFirst(max(keep - 1, 0)) {
            try? manager.removeItem(atPath: (runsDirectory as NSString).appendingPathComponent(name))
        }
    }

    static func notWritable(_ folder: String, _ error: any Error) -> PipelineError { .outputNotWritable(folder, error) }
}

/// The shape of run ids (`20261201T052021Z-8b5e84e4`, see `RunLedger.newRunID`).
enum RunLedgerIDs {
    static func looksLikeRunID(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 2 && parts[0].count == 16 && parts[0].contains("T") && parts[1].count == 8
            && parts[1].allSatisfy(\.isHexDigit)
    }
}

extension POSIXError {
    static var current: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

/// The one error type the pipeline throws across module boundaries.
///
/// Messages name the place and the reason, never a cell value: counts can be disclosive
/// (docs/DISCLOSURE.md). The ``Code`` decides the process exit status (see ``ExitStatus``).
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is; maps one-to-one to an ``ExitStatus``.
    public enum Code: String, Sendable {
        /// Bad command line or bad `pipeline.json`.
        case usage
        /// Input data failed validation: malformed CSV, reject threshold, coverage.
        case dataQuality
        /// An input file or folder is missing or unreadable, or an upstream checkpoint is missing or stale.
        case inputMissing
        /// Another run holds the lock.
        case locked
        /// A bug or an environment failure (disk full, database corrupt).
        case `internal`
        /// SIGTERM or SIGINT: the run stopped at a safe point and kept nothing of the stage under way.
        case interrupted
    }

    public var code: Code
    public var message: String
    public var location: InputLocation?
    /// How to fix it, when we know.
    public var hint: String?

    public init(_ code: Code, _ message: String, at location: InputLocation? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let hint { text += " (\(hint))" }
        return text
    }

    /// The process exit status for this error.
    public var exitStatus: ExitStatus {
        switch code {
        case .usage: .usage
        case .dataQuality: .dataQuality
        case .inputMissing: .inputMissing
        case .locked: .locked
        case .internal: .internalError
        case .interrupted: .interrupted
        }
    }
}

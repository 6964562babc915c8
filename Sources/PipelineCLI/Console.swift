import Foundation
import PipelineCore
import Synchronization

/// The command line's output: results on stdout, errors on stderr (through ``StandardStream``). With
/// `--log-format json` every line `run` writes is a JSON object on stderr, and its human table is not
/// printed, so a cron log holds nothing else.
enum Console {
    private static let json = Mutex(false)

    static var jsonMode: Bool {
        get { json.withLock { $0 } }
        set { json.withLock { $0 = newValue } }
    }

    static func out(_ text: String, terminator: String = "\n") { StandardStream.output.write(text + terminator) }
    static func out(_ data: Data) { StandardStream.output.write(data) }
    static func error(_ text: String) { StandardStream.error.write(text + "\n") }

    /// A human progress line of `run`: on stdout in text mode, left out in JSON mode.
    static func runLine(_ text: String) { if !jsonMode { out(text) } }

    /// A fatal error: plain text, or one JSON object naming the exit code (and run and stage when known).
    static func fatal(_ error: PipelineError, runID: String? = nil, stage: String? = nil) {
        guard jsonMode else {
            Console.error("error: \(error)")
            return
        }
        var fields: [String: Any] = ["exit_code": Int(error.exitStatus.rawValue), "code": error.code.rawValue, "logger": "soc-pipeline"]
        if let runID { fields["run.id"] = runID }
        fields["stage"] = stage ?? "run"
        JSONLogHandler.write(fields, level: "error", message: error.description)
    }

    static var stderrIsTerminal: Bool { StandardStream.error.isTerminal }
}

/// An error already written as a JSON line; the process only exits with its status.
struct ReportedError: Error {
    let exitStatus: ExitStatus
}

import Foundation
import PipelineCore

/// The command line's output: results on stdout, errors on stderr (through ``StandardStream``).
enum Console {
    static func out(_ text: String, terminator: String = "\n") { StandardStream.output.write(text + terminator) }
    static func out(_ data: Data) { StandardStream.output.write(data) }
    static func error(_ text: String) { StandardStream.error.write(text + "\n") }

    static var stderrIsTerminal: Bool { StandardStream.error.isTerminal }
}

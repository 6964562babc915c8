import ArgumentParser
import Foundation
import PipelineCore

/// `soc-pipeline`: England's national baseline of equity in access, stage by stage.
@main
struct Pipeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soc-pipeline",
        abstract: "Build England's national baseline of equity in access across the 42 ICSs.",
        discussion: "Exit codes: " + ExitStatus.allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ") + ".",
        version: ProgramVersion.current,
        subcommands: [
            RunCommand.self, PlanCommand.self, StatusCommand.self, HistoryCommand.self, ExplainCommand.self, TablesCommand.self, QuarantineCommand.self,
            ValidateCommand.self,
            SampleCommand.self,
        ]
    )

    /// Whether the command line asks for JSON logs (read directly: a config error can come before the
    /// logger exists).
    static var jsonRequested: Bool {
        let arguments = CommandLine.arguments
        return arguments.contains("--log-format=json")
            || zip(arguments, arguments.dropFirst()).contains { $0 == "--log-format" && $1 == "json" }
    }

    /// Parses, runs, and maps every failure to the documented exit status.
    static func main() {
        // A file-size limit or full disk must surface as a write error (SQLITE_FULL), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ReportedError {
            Foundation.exit(error.exitStatus.rawValue)
        } catch let error as PipelineError {
            if Self.jsonRequested { Console.jsonMode = true }
            Console.fatal(error)
            Foundation.exit(error.exitStatus.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

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
            RunCommand.self, PlanCommand.self, StatusCommand.self, HistoryCommand.self, ExplainCommand.self, TablesCommand.self, ValidateCommand.self,
            SampleCommand.self,
        ]
    )

    /// Parses, runs, and maps every failure to the documented exit status.
    static func main() {
        // A file-size limit or full disk must surface as a write error (SQLITE_FULL), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PipelineError {
            Console.error("error: \(error)")
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

import ArgumentParser
import Foundation
import Logging
import PipelineCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Path to the run configuration.")
    var config: String = "pipeline.json"

    @Option(name: .long, help: "Checkpoint database (overrides 'database' in the config).")
    var db: String?

    @Option(name: .long, help: "Folder for published tables (overrides 'outputDirectory' in the config).")
    var output: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "notice"

    @Option(name: .long, help: "Log format: text, or json (one object per line, for cron).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument {
        case text, json
    }

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// Loads the config and applies `--db` and `--output`.
    func loadConfig() throws -> PipelineConfig {
        var config = try ConfigLoader.load(path: self.config)
        if let db {
            config.database = Self.absolute(db)
        }
        if let output {
            config.outputDirectory = Self.absolute(output)
        }
        // Pruning old publications must never be able to reach the checkpoints.
        let database = URL(fileURLWithPath: config.resolve(config.database)).standardizedFileURL.path
        let published = URL(fileURLWithPath: config.resolve(config.outputDirectory)).standardizedFileURL.path
        if database.hasPrefix(published + "/") {
            throw PipelineError(
                .usage, "the checkpoint database is inside the output folder", at: InputLocation(file: self.config),
                hint: "set 'database' (or --db) outside 'outputDirectory' (or --output): the output folder is pruned")
        }
        return config
    }

    /// A path given on the command line, resolved against the current directory (not the config's folder).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// The checkpoint database path, resolved.
    func databasePath(_ config: PipelineConfig) -> String { config.resolve(config.database) }

    /// Bootstraps logging once for the process and returns the root logger.
    func makeLogger(runID: String? = nil) -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .notice
        let format = logFormat
        LogBootstrap.once(format: format == .json, level: level)
        Console.jsonMode = format == .json
        var logger = Logger(label: "soc-pipeline")
        logger.logLevel = level
        if let runID { logger[metadataKey: "run.id"] = "\(runID)" }
        return logger
    }
}

import ArgumentParser
import Foundation
import Ingest
import PipelineCore

/// `soc-pipeline validate`: checks config and file headers; reads no data rows, writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline.json, the reference files and every input file's header (reads no data rows, writes nothing).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig()
        Console.out("config \(global.config): ok (\(config.sources.count) sources, \(config.indicators.count) indicators)")
        let weakenings = config.report.disclosure.weakenings
        if !weakenings.isEmpty {
            Console.error("warning: disclosure control is weaker than the NHS Digital default (\(weakenings.joined(separator: "; "))); published as 'custom'")
        }
        let report = try HeaderValidator.validate(config)
        for line in report { Console.out(line) }
        Console.out("valid")
    }
}

public import ArgumentParser
import PipelineCore

/// `--stage`, `--from`, `--until`: which stages a `run` or `plan` covers, in order.
struct StageSelection: ParsableArguments {
    @Option(help: "Only this stage, from its upstream checkpoint.")
    var stage: StageName?

    @Option(help: "This stage and every stage after it.")
    var from: StageName?

    @Option(help: "Every stage up to and including this one.")
    var until: StageName?

    func validate() throws {
        if stage != nil, from != nil || until != nil {
            throw ValidationError("--stage cannot be combined with --from or --until")
        }
        if let from, let until, until < from {
            throw ValidationError("--until \(until.rawValue) comes before --from \(from.rawValue)")
        }
    }

    func stages() throws -> [StageName] {
        if let stage { return [stage] }
        return StageName.allCases.filter { name in
            (from.map { name >= $0 } ?? true) && (until.map { name <= $0 } ?? true)
        }
    }
}

extension StageName: ExpressibleByArgument {}

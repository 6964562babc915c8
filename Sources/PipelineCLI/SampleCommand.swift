public import ArgumentParser
import Foundation
import PipelineCore
import Samples

/// `soc-pipeline sample`: writes synthetic extracts for all 42 systems from the bundled reference data.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate seeded synthetic extracts for all 42 systems (small committed samples, or the full national month).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "samples (a subset of LSOAs per ICS) or national (every LSOA, with reference/ in the benchmark layout).")
    var scale: SampleGenerator.Scale = .samples

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Random seed; the same seed gives byte-identical files.")
    var seed: UInt64 = 20_260_401

    @Option(help: "Periods to generate (YYYY-MM, comma-separated, oldest first). Default: 2024-03,2025-03 for samples; 2025-03 for national.")
    var periods: String?

    @Option(
        help:
            "National population by LSOA, sex and age band to simulate from (relative to the config's folder). Default: the bundled mid-2020 population on the config's LSOA basis (reference.lsoaVintage)."
    )
    var population: String?

    func run() throws {
        let config = try global.loadConfig()
        let labels = (periods ?? (scale == .samples ? "2024-03,2025-03" : "2025-03")).split(separator: ",").map(String.init)
        let parsed = try labels.map { label in
            guard let period = Period(label: label.trimmingCharacters(in: .whitespaces)), period.kind == .month else {
                throw ValidationError("--periods: '\(label)' is not YYYY-MM")
            }
            return period
        }
        let generator = SampleGenerator(scale: scale, seed: seed, periods: parsed)
        let started = Date()
        let summary = try generator.generate(config: config, populationFile: population ?? Self.bundledPopulation(config), into: out)
        Console.out(
            "wrote \(summary.files) files, \(summary.rows) rows, \(summary.bytes / 1_000_000) MB for \(summary.lsoas) LSOAs in \(String(format: "%.1f", Date().timeIntervalSince(started))) s to \(out)"
        )
    }

    /// The bundled population on the config's basis (docs/DATA.md, "Geography basis").
    static func bundledPopulation(_ config: PipelineConfig) -> String {
        switch config.reference.lsoaVintage {
        case .lsoa2021?: "reference/population/mid-2020-lsoa21/population.csv"
        case .lsoa2011?, nil: "reference/population/mid-2020/population.csv"
        }
    }
}

extension SampleGenerator.Scale: ExpressibleByArgument {}

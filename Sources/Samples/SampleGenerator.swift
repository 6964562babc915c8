import Foundation
import Ingest
public import PipelineCore
import Statistics

/// Generates synthetic extracts for all 42 systems from the real reference data.
///
/// Deterministic: each cell's random stream is seeded from (seed, dataset, LSOA, period), so
/// output does not depend on thread scheduling.
public struct SampleGenerator: Sendable {
    public enum Scale: String, Sendable, CaseIterable {
        /// A subset of LSOAs per ICS (one per IMD decile where possible): small enough to commit.
        case samples
        /// Every LSOA in England, for benchmarks.
        case national
    }

    public var scale: Scale
    public var seed: UInt64
    /// Periods to generate, oldest first.
    public var periods: [Period]
    public var lsoasPerIcb: Int = 10
    public var datasets: [SyntheticDataset] = SyntheticDataset.standard
    /// Whether an event cell in the dataset's scope (people of that age and sex live there, and the
    /// dataset covers the age band) is written even when its draw is zero, as extracts that list every
    /// cell of their query do. On at national scale, which makes the month 5.38 M rows and 174 MB, near
    /// the issue trail's reference workload of 5.75 M rows and 168 MB (bench/RESULTS.md).
    public var writesZeroEventRows: Bool

    public init(scale: Scale, seed: UInt64, periods: [Period]) {
        self.scale = scale
        self.seed = seed
        self.periods = periods
        writesZeroEventRows = scale == .national
    }

    /// What was written.
    public struct Summary: Sendable {
        public var files: Int
        public var rows: Int
        public var bytes: Int
        public var lsoas: Int
    }

    /// Writes `extracts/<ICB ODS>/<dataset>.csv` under `directory` (and, at national scale,
    /// `reference/` with the lookups in the benchmark layout).
    /// - Parameter populationFile: national population by LSOA × sex × age band (config-relative or absolute).
    public func generate(config: PipelineConfig, populationFile: String, into directory: String) throws -> Summary {
        let reference = try ReferenceLoader.load(config)
        let populationPath = config.resolve(populationFile)
        guard FileManager.default.isReadableFile(atPath: populationPath) else {
            throw PipelineError(.inputMissing, "population file missing or unreadable", at: InputLocation(file: populationFile))
        }
        let grid = try PopulationGrid.load(path: populationPath, display: populationFile, reference: reference)
        let chosen = chooseLsoas(reference)
        let writer = ExtractFileWriter(root: directory)
        let jobs = reference.icbs.indices.flatMap { icb in datasets.indices.map { (icb, $0) } }
        let generator = self
        let written = try ParallelWork.map(count: jobs.count, workers: ProcessInfo.processInfo.activeProcessorCount) { job in
            let (icb, datasetIndex) = jobs[job]
            return try generator.writeFile(
                icb: icb, datasetIndex: datasetIndex, lsoas: chosen[icb],
                reference: reference, grid: grid, writer: writer)
        }
        let totals = (rows: written.reduce(0) { $0 + $1.0 }, bytes: written.reduce(0) { $0 + $1.1 })
        if scale == .national {
            try ReferenceExporter.export(config: config, reference: reference, populationFile: populationPath, into: directory)
        } else {
            try writeSampledPopulation(chosen.flatMap { $0 }, reference: reference, grid: grid, into: directory)
        }
        let (rows, bytes) = totals
        return Summary(files: jobs.count, rows: rows, bytes: bytes, lsoas: chosen.reduce(0) { $0 + $1.count })
    }

    /// LSOAs per ICB: all at national scale; otherwise one per decile present (seeded choice), topped up to `lsoasPerIcb`.
    func chooseLsoas(_ reference: ReferenceTables) -> [[Int]] {
        var byIcb = [[Int]](repeating: [], count: reference.icbs.count)
        for lsoa in 0..<reference.lsoas.count {
            byIcb[Int(reference.subIcbToIcb[Int(reference.lsoaSubIcb[lsoa])])].append(lsoa)
        }
        guard scale == .samples else { return byIcb }
        return byIcb.enumerated().map { icb, lsoas in
            var random = SeededRandom(seed: seed, 7, icb)
            let shuffled = lsoas.shuffled(using: &random)
            var picked: [Int] = []
            for decile in 1...10 {
                if let lsoa = shuffled.first(where: { Int(reference.lsoaDecile[$0]) == decile }) { picked.append(lsoa) }
            }
            for lsoa in shuffled where picked.count < lsoasPerIcb && !picked.contains(lsoa) { picked.append(lsoa) }
            return picked.sorted { reference.lsoas.codes[$0] < reference.lsoas.codes[$1] }
        }
    }

    private func writeFile(
        icb: Int, datasetIndex: Int, lsoas: [Int], reference: ReferenceTables, grid: PopulationGrid,
        writer: ExtractFileWriter
    ) throws -> (Int, Int) {
        let dataset = datasets[datasetIndex]
        var icbRandom = SeededRandom(seed: seed, 11, datasetIndex, icb)
        let icbFactor = exp(dataset.icbSpread * icbRandom.normal())
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lsoas.count * 40 * 38 * periods.count)
        buffer.append(
            contentsOf: Array(
                (dataset.isEvents
                    ? "lsoa_code,period,sex,age_band,events\n"
                    : "lsoa_code,period,sex,age_band,numerator,denominator\n").utf8))
        let ageLabels = AgeBand.all.map { Array($0.label.utf8) }
        let sexLabels = [Array("male".utf8), Array("female".utf8)]
        var rows = 0
        for lsoa in lsoas {
            let code = Array(reference.lsoas.codes[lsoa].utf8)
            let deprivation = dataset.deprivationFactor(decile: Int(reference.lsoaDecile[lsoa]))
            for (periodIndex, period) in periods.enumerated() {
                let periodLabel = Array(period.label.utf8)
                var random = SeededRandom(seed: seed, datasetIndex, lsoa, period.ordinal)
                let trend = 1 + dataset.trendPerPeriod * Double(periodIndex)
                for sex in 0..<2 {
                    let sexFactor = sex == 0 ? dataset.sexFactor.male : dataset.sexFactor.female
                    for band in 0..<AgeBand.count {
                        let population = grid.population(lsoa: lsoa, sex: sex, band: band)
                        var first = 0, second = 0
                        switch dataset.shape {
                        case .events(let rates):
                            let lambda = Double(population) * rates[band] * deprivation * sexFactor * icbFactor * trend
                            first = random.poisson(lambda)
                            if first == 0, !(writesZeroEventRows && lambda > 0) { continue }
                        case .proportion(let perPerson, let base):
                            second = random.poisson(Double(population) * perPerson[band] * sexFactor)
                            if second == 0 { continue }
                            let p = min(0.99, max(0.01, base * deprivation * icbFactor * trend))
                            first = random.binomial(second, p)
                        }
                        buffer.append(contentsOf: code); buffer.append(0x2C)
                        buffer.append(contentsOf: periodLabel); buffer.append(0x2C)
                        buffer.append(contentsOf: sexLabels[sex]); buffer.append(0x2C)
                        buffer.append(contentsOf: ageLabels[band]); buffer.append(0x2C)
                        Self.appendInt(first, to: &buffer)
                        if !dataset.isEvents {
                            buffer.append(0x2C)
                            Self.appendInt(second, to: &buffer)
                        }
                        buffer.append(0x0A)
                        rows += 1
                    }
                }
            }
        }
        try writer.write(buffer, icb: reference.icbs[icb].odsCode, dataset: dataset.name)
        return (rows, buffer.count)
    }

    /// The population of just the sampled LSOAs: the denominators that match the sampled extracts.
    private func writeSampledPopulation(_ lsoas: [Int], reference: ReferenceTables, grid: PopulationGrid, into directory: String) throws {
        var buffer = Array("lsoa_code,sex,age_band,population\n".utf8)
        for lsoa in lsoas.sorted(by: { reference.lsoas.codes[$0] < reference.lsoas.codes[$1] }) {
            for sex in 0..<2 {
                for band in AgeBand.all {
                    buffer += Array("\(reference.lsoas.codes[lsoa]),\(sex == 0 ? "male" : "female"),\(band.label),".utf8)
                    Self.appendInt(grid.population(lsoa: lsoa, sex: sex, band: band.index), to: &buffer)
                    buffer.append(0x0A)
                }
            }
        }
        try ExtractFileWriter(root: directory).write(buffer, relativePath: "population.csv")
    }

    static func appendInt(_ value: Int, to buffer: inout [UInt8]) {
        if value == 0 { buffer.append(0x30); return }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(0x30 + rest % 10))
            rest /= 10
        }
        buffer.append(contentsOf: digits.reversed())
    }
}

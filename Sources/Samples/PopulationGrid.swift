import Ingest
import PipelineCore

/// Resident population per LSOA × sex × age band, read from a population-kind source file.
struct PopulationGrid: Sendable {
    /// `[(lsoa * 2 + sex) * 19 + band]`, male = 0, female = 1.
    var counts: [Int32]

    func population(lsoa: Int, sex: Int, band: Int) -> Int {
        Int(counts[(lsoa * 2 + sex) * AgeBand.count + band])
    }

    static func load(path: String, display: String, reference: ReferenceTables) throws -> PopulationGrid {
        let reader = Loader(reference: reference, file: display)
        _ = try CSVReader().read(path: path, displayPath: display, into: reader)
        return PopulationGrid(counts: reader.counts)
    }

    private final class Loader: CSVRecordHandler {
        let reference: ReferenceTables
        let file: String
        var counts: [Int32]
        var map: HeaderMap<SourceField>?

        init(reference: ReferenceTables, file: String) {
            self.reference = reference
            self.file = file
            counts = [Int32](repeating: 0, count: reference.lsoas.count * 2 * AgeBand.count)
        }

        func handle(_ record: CSVRecord) throws {
            guard let map else {
                map = try HeaderMap(
                    header: record,
                    required: [
                        (.lsoa, SourceField.lsoa.defaultHeaders), (.sex, ["sex"]),
                        (.ageBand, ["age_band"]), (.population, ["population"]),
                    ], file: file)
                return
            }
            let location = InputLocation(file: file, line: record.line)
            let lsoa = reference.lsoas.index(of: record[map[.lsoa]!])
            guard lsoa >= 0 else { return }
            guard let sex = Sex.parse(record[map[.sex]!]), sex != .unknown, let band = AgeBand.parse(record[map[.ageBand]!]),
                let value = Int32(record.string(map[.population]!))
            else {
                throw PipelineError(.dataQuality, "population row not understood", at: location)
            }
            counts[(Int(lsoa) * 2 + sex.rawValue) * AgeBand.count + band.index] = value
        }
    }
}

import GRDB
import PipelineCore

/// One dataset-period's counts and the population, held as dense arrays by
/// count unit (``GeographyFrame``) × IMD decile (0 for a count whose decile is not known) × sex × age band
/// (plus unknown age), ready for any geography and breakdown.
struct IndicatorCube {
    static let sexes = 3
    static let ages = AgeBand.count + 1
    static let unknownAge = AgeBand.count
    /// Decile slots: 0 (not known) and 1–10.
    static let deciles = 11

    let unitCount: Int
    /// Events or numerators.
    var numerator: [Double]
    /// Proportion denominators (unused for events).
    var denominator: [Double]
    var suppressedRecords: [Double]
    /// Every record, suppressed or not, where the ingest table keeps them (``recordsKnown``).
    var records: [Double]
    /// Whether ``records`` was filled (sources by decile): then a slice of suppressed records only is known.
    var recordsKnown = false

    init(unitCount: Int) {
        self.unitCount = unitCount
        let size = unitCount * Self.deciles * Self.sexes * Self.ages
        numerator = Array(repeating: 0, count: size)
        denominator = Array(repeating: 0, count: size)
        suppressedRecords = Array(repeating: 0, count: size)
        records = Array(repeating: 0, count: size)
    }

    /// Whether any record has a known sex (male or female).
    var recordsSex: Bool {
        var known = 0.0
        for unit in 0..<unitCount {
            for decile in 0...10 {
                for sex in 0..<2 {
                    let base = Self.index(unit: unit, decile: decile, sex: sex, age: 0)
                    for age in 0..<Self.ages { known += numerator[base + age] + denominator[base + age] }
                }
            }
        }
        return known > 0
    }

    /// Whether any count or record lies in the units and deciles given.
    func holds(units: [Int], deciles: ClosedRange<Int>) -> Bool {
        let sexes = [0, 1, 2]
        return [numerator, denominator, suppressedRecords, records].contains { values in
            Self.byAge(values, units: units, deciles: deciles, sexes: sexes).contains { $0 != 0 }
        }
    }

    @inline(__always)
    static func index(unit: Int, decile: Int, sex: Int, age: Int) -> Int {
        ((unit * deciles + decile) * sexes + sex) * ages + age
    }

    /// Sums `values` over the units, deciles and sexes selected, per age band (20 entries).
    static func byAge(_ values: [Double], units: [Int], deciles: ClosedRange<Int>, sexes: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: ages)
        for unit in units {
            for decile in deciles {
                for sex in sexes {
                    let base = index(unit: unit, decile: decile, sex: sex, age: 0)
                    for age in 0..<ages { result[age] += values[base + age] }
                }
            }
        }
        return result
    }
}

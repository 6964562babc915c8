import GRDB
import PipelineCore

/// One dataset-period's counts and the population, held as dense arrays by
/// count unit (``GeographyFrame``) × split × sex × age band (plus unknown age), ready for any geography and
/// breakdown. The split is the IMD decile (0 for a count whose decile is not known), or for a source by ethnic
/// group its ``EthnicGroup/slot`` (docs/DATA.md, "Ethnic groups").
struct IndicatorCube {
    static let sexes = 3
    static let ages = AgeBand.count + 1
    static let unknownAge = AgeBand.count
    /// Decile slots: 0 (not known) and 1–10.
    static let deciles = 11

    let unitCount: Int
    /// Split slots: ``deciles``, or one per ethnic group.
    let splits: Int
    /// Events or numerators.
    var numerator: [Double]
    /// Proportion denominators (unused for events).
    var denominator: [Double]
    var suppressedRecords: [Double]
    /// Every record, suppressed or not, where the ingest table keeps them (``recordsKnown``).
    var records: [Double]
    /// Whether ``records`` was filled (sources by decile): then a slice of suppressed records only is known.
    var recordsKnown = false

    init(unitCount: Int, splits: Int = Self.deciles) {
        self.unitCount = unitCount
        self.splits = splits
        let size = unitCount * splits * Self.sexes * Self.ages
        numerator = Array(repeating: 0, count: size)
        denominator = Array(repeating: 0, count: size)
        suppressedRecords = Array(repeating: 0, count: size)
        records = Array(repeating: 0, count: size)
    }

    /// Whether any record has a known sex (male or female).
    var recordsSex: Bool {
        var known = 0.0
        for unit in 0..<unitCount {
            for decile in 0..<splits {
                for sex in 0..<2 {
                    let base = Self.index(unit: unit, decile: decile, sex: sex, age: 0, splits: splits)
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
            Self.byAge(values, units: units, deciles: deciles, sexes: sexes, splits: splits).contains { $0 != 0 }
        }
    }

    @inline(__always)
    static func index(unit: Int, decile: Int, sex: Int, age: Int, splits: Int = deciles) -> Int {
        ((unit * splits + decile) * sexes + sex) * ages + age
    }

    /// Sums `values` (of a cube of `splits` slots) over the units, split slots and sexes selected, per age
    /// band (20 entries).
    static func byAge(_ values: [Double], units: [Int], deciles: ClosedRange<Int>, sexes: [Int], splits: Int = deciles) -> [Double] {
        var result = [Double](repeating: 0, count: ages)
        for unit in units {
            for decile in deciles {
                for sex in sexes {
                    let base = index(unit: unit, decile: decile, sex: sex, age: 0, splits: splits)
                    for age in 0..<ages { result[age] += values[base + age] }
                }
            }
        }
        return result
    }

    /// A source by ethnic group gives each broad group's own row where the publisher prints one; where it
    /// gives only the detailed categories, the broad group is their sum (docs/DATA.md, "Ethnic groups").
    mutating func fillBroadGroupsFromCategories() {
        guard splits == EthnicGroup.slots else { return }
        for unit in 0..<unitCount {
            for sex in 0..<Self.sexes {
                for broad in EthnicGroup.broadGroups {
                    let target = Self.index(unit: unit, decile: broad.slot, sex: sex, age: 0, splits: splits)
                    let given = (0..<Self.ages).contains { records[target + $0] != 0 || suppressedRecords[target + $0] != 0 }
                    guard !given else { continue }
                    for category in broad.categories {
                        let from = Self.index(unit: unit, decile: category.slot, sex: sex, age: 0, splits: splits)
                        for age in 0..<Self.ages {
                            numerator[target + age] += numerator[from + age]
                            denominator[target + age] += denominator[from + age]
                            suppressedRecords[target + age] += suppressedRecords[from + age]
                            records[target + age] += records[from + age]
                        }
                    }
                }
            }
        }
    }
}

import Foundation
import PipelineCore

/// One file's contribution to its source's totals as parsing that file alone gives it: the cells it adds
/// to, the duplicate-detection keys it marks, its data-quality counts, its provider counts and its file
/// statistics (docs/ARCHITECTURE.md, "Incremental ingest"). Checkpointed by file and content hash, so a run
/// parses only new or changed files and adds the others' parts back. Adding a part is exact (whole counts);
/// a part that would not give what parsing the file after the others gives — a key another file already
/// marked, a second top age band, another kind of period, too many periods — is refused, and the file is
/// then parsed in order as a full rebuild would.
struct FilePart {
    /// A cell the file adds to: its period (an index into ``periods``), its index within the period's
    /// cells, and what it adds.
    struct Cell: Equatable {
        var slot: Int
        var cell: Int
        var value1: Int64
        var value2: Int64
        var records: Int32
        var suppressed: Int32
    }

    /// A non-zero word of a period's duplicate-detection bitset.
    struct Word: Equatable {
        var slot: Int
        var index: Int
        var bits: UInt64
    }

    /// A non-zero data-quality counter of a period (index into the period's ICB × counter block).
    struct Counter: Equatable {
        var slot: Int
        var index: Int
        var value: Int64
    }

    var periods: [Period] = []
    /// The current month the file was parsed in (months since year 0): rows after it were refused as future.
    var parsedInMonth = 0
    var cells: [Cell] = []
    var seen: [Word] = []
    var seenYears: [Word] = []
    var quality: [Counter] = []
    var rowsEightyFivePlus = 0
    var rowsAboveEightyFiveBanded = 0
    var rowsAllAges = 0
    var rowsByAge = 0
    /// A provider-grain file's counts by provider, and those of providers the weights do not name.
    var attributed: [(key: AttributedTotals.Key, counts: AttributedTotals.Counts)] = []
    var unattributed: [(code: String, rows: Int, events: Int64)] = []
    /// The file's statistics without its path and hash (those are the part's key).
    var stats: SourceResult.FileStats

    /// The part of a file parsed alone into `totals` and `attributed` in the month `parsedInMonth`, with its
    /// statistics.
    init(totals: SourceTotals, attributed: AttributedTotals, stats: SourceResult.FileStats, parsedInMonth: Int) {
        self.stats = stats
        self.parsedInMonth = parsedInMonth
        periods = totals.periods
        for slot in periods.indices {
            let base = slot * totals.cellsPerPeriod
            for cell in 0..<totals.cellsPerPeriod where totals.records[base + cell] != 0 || totals.suppressed[base + cell] != 0 {
                let at = base + cell
                cells.append(
                    Cell(
                        slot: slot, cell: cell, value1: totals.value1[at], value2: totals.second(at), records: totals.records[at],
                        suppressed: totals.suppressed[at]))
            }
            for index in 0..<totals.wordsPerPeriod where totals.seen[slot * totals.wordsPerPeriod + index] != 0 {
                seen.append(Word(slot: slot, index: index, bits: totals.seen[slot * totals.wordsPerPeriod + index]))
            }
            for (index, bits) in totals.seenYears[slot].enumerated() where bits != 0 { seenYears.append(Word(slot: slot, index: index, bits: bits)) }
            let block = totals.icbCount * SourceTotals.qualityFields
            for index in 0..<block where totals.quality[slot * block + index] != 0 {
                quality.append(Counter(slot: slot, index: index, value: totals.quality[slot * block + index]))
            }
        }
        rowsEightyFivePlus = totals.rowsEightyFivePlus
        rowsAboveEightyFiveBanded = totals.rowsAboveEightyFiveBanded
        rowsAllAges = totals.rowsAllAges
        rowsByAge = totals.rowsByAge
        self.attributed = attributed.cells.map { ($0.key, $0.value) }.sorted { Self.order($0.key) < Self.order($1.key) }
        unattributed = attributed.unattributed.map { ($0.key, $0.value.rows, $0.value.events) }.sorted { $0.code < $1.code }
    }

    /// An empty part of `periods`, filled by the decoder.
    init(periods: [Period], stats: SourceResult.FileStats) {
        self.periods = periods
        self.stats = stats
    }

    /// Whether parsing the file in the month `current` gives this part: the same month or a later one, and no
    /// row of the file refused as after the month it was parsed in (such a row may be in a later month's
    /// window). Every other row's fate does not depend on the month.
    func heldUnder(_ current: Int) -> Bool {
        parsedInMonth == current || (parsedInMonth < current && (stats.byReason[.futurePeriod] ?? 0) == 0)
    }

    /// The file's statistics, with the path and hash it was found under.
    func fileStats(for file: DiscoveredFile, sha256: String) -> SourceResult.FileStats {
        var stats = stats
        stats.file = file
        stats.sha256 = sha256
        stats.parallelWindows = 0
        return stats
    }

    /// Adds the part's provider counts to a source's.
    func addAttributed(to totals: AttributedTotals) {
        for (key, counts) in attributed {
            var known = totals.cells[key] ?? AttributedTotals.Counts()
            known.events += counts.events
            known.records += counts.records
            known.suppressed += counts.suppressed
            totals.cells[key] = known
        }
        for (code, rows, events) in unattributed {
            let known = totals.unattributed[code] ?? (0, 0)
            totals.unattributed[code] = (known.rows + rows, known.events + events)
        }
    }

    static func order(_ key: AttributedTotals.Key) -> (Int, String, Int, Int) { (key.period.key, key.provider, key.sex, key.age) }
}

extension SourceTotals {
    /// Adds a file's part as if the file had been read here, after the rows already held. Changes nothing
    /// and returns false where reading it here would not give the part: a key already marked (a duplicate
    /// row across files), a second top age band or a mix of all ages and ages, another kind of period, or
    /// more periods than allowed.
    func absorb(_ part: FilePart) -> Bool {
        if rowsEightyFivePlus + part.rowsEightyFivePlus > 0, rowsAboveEightyFiveBanded + part.rowsAboveEightyFiveBanded > 0 { return false }
        if rowsAllAges + part.rowsAllAges > 0, rowsByAge + part.rowsByAge > 0 { return false }
        if let kind = periods.first?.kind, part.periods.contains(where: { $0.kind != kind }) { return false }
        let slots = part.periods.map(existingSlot(for:))
        guard periods.count + slots.filter({ $0 == nil }).count <= maximumPeriods else { return false }
        for word in part.seen {
            if let slot = slots[word.slot], seen[slot * wordsPerPeriod + word.index] & word.bits != 0 { return false }
        }
        for word in part.seenYears {
            if let slot = slots[word.slot], !seenYears[slot].isEmpty, seenYears[slot][word.index] & word.bits != 0 { return false }
        }
        rowsEightyFivePlus += part.rowsEightyFivePlus
        rowsAboveEightyFiveBanded += part.rowsAboveEightyFiveBanded
        rowsAllAges += part.rowsAllAges
        rowsByAge += part.rowsByAge
        let mapped = part.periods.map { slot(for: $0) }
        for cell in part.cells {
            let at = mapped[cell.slot] * cellsPerPeriod + cell.cell
            value1[at] += cell.value1
            addSecond(at, cell.value2)
            records[at] += cell.records
            suppressed[at] += cell.suppressed
        }
        for word in part.seen { seen[mapped[word.slot] * wordsPerPeriod + word.index] |= word.bits }
        for word in part.seenYears { markYearWord(slot: mapped[word.slot], index: word.index, bits: word.bits) }
        let block = icbCount * Self.qualityFields
        for counter in part.quality { quality[mapped[counter.slot] * block + counter.index] += counter.value }
        return true
    }
}

extension SourceResult.FileStats {
    /// Statistics of a file with nothing counted yet.
    init(file: DiscoveredFile, sha256: String) {
        self.init(file: file, deliveredIcb: nil, sha256: sha256, rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, suppressed: 0, quarantine: [])
    }
}
